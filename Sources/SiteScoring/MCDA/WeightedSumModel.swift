/// The weighted sum prepared for repeated scoring with changing weights (sensitivity analysis).
///
/// Stores the values column-major so that one call is k passes of `score[i] += wⱼ·v[j][i]` over contiguous
/// memory, which the compiler vectorises; sums are accumulated in criterion order, so results are bit-identical
/// to a plain row-wise Σⱼ wⱼ·vᵢⱼ.
public struct WeightedSumModel: ScoringModel, Hashable {
    public let alternativeCount: Int
    public let criterionCount: Int
    /// Column-major values: `columnMajor[column * alternativeCount + row]`.
    private let columnMajor: [Double]

    /// - Parameter values: sites × criteria, each entry the criterion's value-function result.
    public init(values: DecisionMatrix) {
        alternativeCount = values.rows
        criterionCount = values.columns
        var transposed = [Double](repeating: 0, count: values.values.count)
        for i in 0..<values.rows {
            for j in 0..<values.columns {
                transposed[j * values.rows + i] = values.values[i * values.columns + j]
            }
        }
        columnMajor = transposed
    }

    /// Σⱼ wⱼ·vᵢⱼ for each site i. No allocation.
    public func scores(weights: UnsafeBufferPointer<Double>, into scores: UnsafeMutableBufferPointer<Double>) {
        precondition(weights.count == criterionCount, "WeightedSumModel: one weight per criterion")
        precondition(scores.count == alternativeCount, "WeightedSumModel: one score per alternative")
        let n = alternativeCount
        guard n > 0, let out = scores.baseAddress else { return }
        guard criterionCount > 0 else {
            out.update(repeating: 0, count: n)
            return
        }
        columnMajor.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let w0 = weights[0]
            for i in 0..<n { out[i] = w0 * base[i] }
            for j in 1..<criterionCount {
                let w = weights[j]
                let column = base + j * n
                for i in 0..<n { out[i] += w * column[i] }
            }
        }
    }
}
