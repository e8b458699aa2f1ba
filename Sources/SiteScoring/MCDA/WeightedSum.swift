/// The weighted sum model (WSM, weighted linear combination): score = Σⱼ wⱼ·vⱼ over the criteria's values v ∈ [0, 1].
public enum WeightedSum {
    /// One score per row of `values` (sites × criteria, values from the value functions).
    public static func scores(values: DecisionMatrix, weights: [Double]) -> [Double] {
        // Row by row over the matrix as it is (no column-major copy: at 10 million sites that copy was the run's
        // peak memory, issue 16), summed in criterion order like `WeightedSumModel`, so the bits are the same.
        let n = values.rows, k = values.columns
        precondition(weights.count == k, "WeightedSum: one weight per criterion")
        guard k > 0 else { return Array(repeating: 0, count: n) }
        return values.values.withUnsafeBufferPointer { v in
            (0..<n).map { i in
                let row = i * k
                var s = weights[0] * v[row]
                for j in 1..<k { s += weights[j] * v[row + j] }
                return s
            }
        }
    }
}
