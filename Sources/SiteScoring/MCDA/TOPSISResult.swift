/// Every intermediate of one TOPSIS evaluation, so that a rank can be explained and each step tested
/// (the tables pymcdm reports).
public struct TOPSISResult: Hashable, Sendable {
    /// rᵢⱼ = xᵢⱼ / √Σᵢ xᵢⱼ² (0 in an all-zero column).
    public var normalized: DecisionMatrix
    /// wⱼ·rᵢⱼ.
    public var weighted: DecisionMatrix
    /// Per criterion the best weighted value: max for benefit, min for cost.
    public var ideal: [Double]
    /// Per criterion the worst weighted value: min for benefit, max for cost.
    public var antiIdeal: [Double]
    /// Euclidean distance of each site to the ideal.
    public var dPlus: [Double]
    /// Euclidean distance of each site to the anti-ideal.
    public var dMinus: [Double]
    /// d⁻/(d⁺ + d⁻), 1 when both are 0. Higher is better.
    public var scores: [Double]
}
