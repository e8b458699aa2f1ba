/// TOPSIS, the technique for order preference by similarity to the ideal solution
/// (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, Springer).
///
/// Vector normalisation rᵢⱼ = xᵢⱼ / √Σᵢ xᵢⱼ² (0 when the column is all zero), weighting vᵢⱼ = wⱼ·rᵢⱼ,
/// ideal v⁺ⱼ / anti-ideal v⁻ⱼ per direction (benefit: max / min, cost: min / max), Euclidean distances
/// d⁺ᵢ, d⁻ᵢ, score d⁻/(d⁺ + d⁻) (1 when both are 0, i.e. all sites alike).
public enum TOPSIS {
    /// Evaluates TOPSIS on a raw matrix (sites × criteria) and returns every intermediate.
    /// A criterion with an explicit value function is passed as its values v with direction `.benefit`.
    public static func evaluate(matrix: DecisionMatrix, directions: [Direction], weights: [Double]) -> TOPSISResult {
        precondition(directions.count == matrix.columns, "TOPSIS: one direction per criterion")
        precondition(weights.count == matrix.columns, "TOPSIS: one weight per criterion")
        let (n, k) = (matrix.rows, matrix.columns)
        let normalized = normalize(matrix)
        var weighted = normalized
        for i in 0..<n {
            for j in 0..<k { weighted[i, j] = weights[j] * normalized[i, j] }
        }
        var ideal = [Double](repeating: 0, count: k)
        var antiIdeal = [Double](repeating: 0, count: k)
        for j in 0..<k where n > 0 {
            let column = weighted.column(j)
            let (lo, hi) = (column.min()!, column.max()!)
            (ideal[j], antiIdeal[j]) = directions[j] == .benefit ? (hi, lo) : (lo, hi)
        }
        var dPlus = [Double](repeating: 0, count: n)
        var dMinus = [Double](repeating: 0, count: n)
        var scores = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var plus = 0.0, minus = 0.0
            for j in 0..<k {
                let v = weighted[i, j]
                plus += (v - ideal[j]) * (v - ideal[j])
                minus += (v - antiIdeal[j]) * (v - antiIdeal[j])
            }
            dPlus[i] = plus.squareRoot()
            dMinus[i] = minus.squareRoot()
            scores[i] = closeness(dPlus: dPlus[i], dMinus: dMinus[i])
        }
        return TOPSISResult(
            normalized: normalized, weighted: weighted, ideal: ideal, antiIdeal: antiIdeal,
            dPlus: dPlus, dMinus: dMinus, scores: scores)
    }

    /// Vector normalisation of each column: xᵢⱼ / √Σᵢ xᵢⱼ², 0 for an all-zero column.
    public static func normalize(_ matrix: DecisionMatrix) -> DecisionMatrix {
        var result = matrix
        for j in 0..<matrix.columns {
            var sumOfSquares = 0.0
            for i in 0..<matrix.rows { sumOfSquares += matrix[i, j] * matrix[i, j] }
            let norm = sumOfSquares.squareRoot()
            if !norm.isFinite || norm == 0 {
                // xᵢⱼ² overflowed (|x| > 1e154) or underflowed (|x| < 1e-162): divide by the largest |x| first,
                // as hypot does; the ratio is the same, and normal columns keep the plain formula bit for bit.
                var largest = 0.0
                for i in 0..<matrix.rows { largest = max(largest, abs(matrix[i, j])) }
                if largest > 0 && largest.isFinite {
                    var scaled = 0.0
                    for i in 0..<matrix.rows { scaled += (matrix[i, j] / largest) * (matrix[i, j] / largest) }
                    let scaledNorm = scaled.squareRoot()
                    for i in 0..<matrix.rows { result[i, j] = (matrix[i, j] / largest) / scaledNorm }
                    continue
                }
            }
            for i in 0..<matrix.rows { result[i, j] = norm > 0 ? matrix[i, j] / norm : 0 }
        }
        return result
    }

    /// The relative closeness d⁻/(d⁺ + d⁻); 1 when the site is both ideal and anti-ideal.
    @inline(__always)
    static func closeness(dPlus: Double, dMinus: Double) -> Double {
        let total = dPlus + dMinus
        return total > 0 ? dMinus / total : 1
    }
}
