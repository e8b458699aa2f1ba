/// The weighted sum model (WSM, weighted linear combination): score = Σⱼ wⱼ·vⱼ over the criteria's values v ∈ [0, 1].
public enum WeightedSum {
    /// One score per row of `values` (sites × criteria, values from the value functions).
    public static func scores(values: DecisionMatrix, weights: [Double]) -> [Double] {
        WeightedSumModel(values: values).scores(weights: weights)
    }
}
