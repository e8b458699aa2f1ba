/// TOPSIS prepared for repeated scoring with changing weights (sensitivity analysis).
///
/// Normalisation and the ideal/anti-ideal are computed once: for weights wⱼ ≥ 0 the weighted ideal is
/// wⱼ·r⁺ⱼ, so d⁺ᵢ² = Σⱼ wⱼ²·(rᵢⱼ − r⁺ⱼ)² and the squared differences can be stored. A call is then
/// two dot products per site and allocates nothing. Scores equal ``TOPSIS/evaluate(matrix:directions:weights:)``
/// up to rounding.
public struct TOPSISModel: ScoringModel, Hashable {
    public let alternativeCount: Int
    public let criterionCount: Int
    /// Per site, k values (rᵢⱼ − r⁺ⱼ)² followed by k values (rᵢⱼ − r⁻ⱼ)².
    private let squaredGaps: [Double]

    /// - Parameters:
    ///   - matrix: raw values, sites × criteria (a criterion with a value function enters as v, benefit).
    ///   - directions: one per criterion.
    public init(matrix: DecisionMatrix, directions: [Direction]) {
        precondition(directions.count == matrix.columns, "TOPSISModel: one direction per criterion")
        let (n, k) = (matrix.rows, matrix.columns)
        alternativeCount = n
        criterionCount = k
        let r = TOPSIS.normalize(matrix)
        var gaps = [Double](repeating: 0, count: 2 * n * k)
        for j in 0..<k where n > 0 {
            let column = r.column(j)
            let (lo, hi) = (column.min()!, column.max()!)
            let (best, worst) = directions[j] == .benefit ? (hi, lo) : (lo, hi)
            for i in 0..<n {
                gaps[i * 2 * k + j] = (column[i] - best) * (column[i] - best)
                gaps[i * 2 * k + k + j] = (column[i] - worst) * (column[i] - worst)
            }
        }
        squaredGaps = gaps
    }

    /// d⁻/(d⁺ + d⁻) per site for weights wⱼ ≥ 0. No allocation.
    public func scores(weights: UnsafeBufferPointer<Double>, into scores: UnsafeMutableBufferPointer<Double>) {
        precondition(weights.count == criterionCount, "TOPSISModel: one weight per criterion")
        precondition(scores.count == alternativeCount, "TOPSISModel: one score per alternative")
        let (n, k) = (alternativeCount, criterionCount)
        guard n > 0, let out = scores.baseAddress else { return }
        guard k > 0, let w = weights.baseAddress else {
            out.update(repeating: 1, count: n)
            return
        }
        squaredGaps.withUnsafeBufferPointer { buffer in
            var row = buffer.baseAddress!
            for i in 0..<n {
                var plus = 0.0, minus = 0.0
                for j in 0..<k {
                    let w2 = w[j] * w[j]
                    plus += w2 * row[j]
                    minus += w2 * row[k + j]
                }
                out[i] = TOPSIS.closeness(dPlus: plus.squareRoot(), dMinus: minus.squareRoot())
                row += 2 * k
            }
        }
    }
}
