/// What an aggregation method works on: the eligible sites' value matrix (value-function results, all benefit,
/// sites × criteria), the raw matrix with directions (TOPSIS without explicit value functions), the normalised
/// weights and the site ids (ties and compromise sets name sites).
public struct AggregationInput: Sendable {
    /// vᵢⱼ ∈ [0, 1], benefit.
    public var values: DecisionMatrix
    /// TOPSIS's input: a criterion with an explicit value function enters as v (benefit), otherwise as its
    /// raw value with its direction.
    public var topsisMatrix: DecisionMatrix
    /// One direction per column of `topsisMatrix`.
    public var topsisDirections: [Direction]
    /// Normalised weights (sum 1), one per criterion.
    public var weights: [Double]
    /// The criteria's ids, in column order.
    public var criterionIDs: [String]
    /// The eligible sites' ids, in row order.
    public var siteIDs: [SiteID]

    public init(values: DecisionMatrix, topsisMatrix: DecisionMatrix? = nil, topsisDirections: [Direction]? = nil,
                weights: [Double], criterionIDs: [String], siteIDs: [SiteID]) {
        self.values = values
        self.topsisMatrix = topsisMatrix ?? values
        self.topsisDirections = topsisDirections ?? Array(repeating: .benefit, count: values.columns)
        self.weights = weights
        self.criterionIDs = criterionIDs
        self.siteIDs = siteIDs
    }
}
