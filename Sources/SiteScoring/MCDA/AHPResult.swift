/// Weights derived by AHP and the consistency of the judgements behind them.
public struct AHPResult: Hashable, Sendable {
    /// The criterion ids, in the order of `weights`.
    public var criteria: [String]
    /// One weight per criterion, summing to 1.
    public var weights: [Double]
    /// The principal eigenvalue of the pairwise matrix (n for a perfectly consistent matrix).
    public var lambdaMax: Double
    /// Consistency index CI = (λmax − n)/(n − 1); 0 for n ≤ 2.
    public var ci: Double
    /// Saaty's random index for n (see ``AHP/randomIndex(n:)``).
    public var ri: Double
    /// Consistency ratio CR = CI/RI; 0 for n ≤ 2.
    public var cr: Double
    /// How the weights were derived.
    public var method: AHPMethod
    /// The (for a group: aggregated) reciprocal pairwise matrix, row i = criterion i.
    public var matrix: [[Double]]

    /// The weight of each criterion by id.
    public var weightsByCriterion: [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(criteria, weights))
    }
}
