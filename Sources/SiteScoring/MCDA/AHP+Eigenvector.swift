import Foundation

extension AHP {
    /// The principal eigenvector (normalised to sum 1) and eigenvalue of a positive matrix by power iteration,
    /// until no weight changes by more than 1e-12.
    static func principalEigenpair(_ matrix: [[Double]]) -> (vector: [Double], value: Double) {
        let n = matrix.count
        guard n > 1 else { return ([Double](repeating: 1, count: n), Double(n)) }
        var w = [Double](repeating: 1 / Double(n), count: n)
        var next = w
        var lambda = Double(n)
        // Perron–Frobenius: a positive matrix has a simple dominant eigenvalue, so this converges;
        // the cap only guards against pathological input.
        for _ in 0..<100_000 {
            for i in 0..<n {
                var sum = 0.0
                for j in 0..<n { sum += matrix[i][j] * w[j] }
                next[i] = sum
            }
            // With Σw = 1, Σ(Aw) → λmax as w converges.
            lambda = next.reduce(0, +)
            var change = 0.0
            for i in 0..<n {
                next[i] /= lambda
                change = max(change, abs(next[i] - w[i]))
            }
            swap(&w, &next)
            if change < 1e-12 { break }
        }
        return (w, lambda)
    }

    /// Row geometric means (Π_j aᵢⱼ)^(1/n), normalised to sum 1.
    static func geometricMeanWeights(_ matrix: [[Double]]) -> [Double] {
        let n = Double(matrix.count)
        // Through logarithms so that large products cannot overflow.
        let means = matrix.map { row in exp(row.reduce(0) { $0 + log($1) } / n) }
        let total = means.reduce(0, +)
        return means.map { $0 / total }
    }
}
