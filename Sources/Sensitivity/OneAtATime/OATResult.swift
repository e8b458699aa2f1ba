import SiteScoring

/// The scores and ranks of every site at one point of a one-at-a-time sweep.
public struct OATGridPoint: Sendable, Hashable {
    /// Index of the swept criterion.
    public let criterion: Int
    /// The swept criterion's weight wᵢ at this point (the others rescaled, see ``WeightPath``).
    public let weight: Double
    /// One score per site, in the problem's site order.
    public let scores: [Double]
    /// One rank (1…n) per site.
    public let ranks: [Int32]
}

/// The range of one criterion's weight within which the current ranking result holds, the other weights
/// rescaled proportionally (``WeightPath``). Both ranges contain the current weight.
public struct StabilityInterval: Sendable, Hashable {
    public let criterion: String
    /// The current weight.
    public let weight: Double
    /// The current rank-1 site.
    public let rank1Site: SiteID
    /// The current rank-1 site stays first for wᵢ in [rank1Low, rank1High].
    public let rank1Low: Double
    public let rank1High: Double
    /// The set of the current top N sites stays the same (its internal order may change) for wᵢ in [topNLow, topNHigh].
    public let topNLow: Double
    public let topNHigh: Double
    /// True when the bounds come from exact line intersections (weight-linear model); false when they were
    /// bracketed on a grid and refined by bisection to 1e-9.
    public let exact: Bool
}

/// The smallest single-criterion weight change that moves a site into the top N (from outside) or out of
/// it (from inside). The criterion, change and new rank are nil when no single-criterion change does it.
public struct TippingPoint: Sendable, Hashable {
    public let site: SiteID
    /// The current rank.
    public let rank: Int
    public let criterion: String?
    /// Signed change Δwᵢ of the criterion's weight (the others rescaled proportionally).
    public let weightChange: Double?
    /// The rank just past the tipping point: N when entering, N + 1 when leaving.
    public let newRank: Int?
}

/// The result of ``OneAtATime/run(_:step:top:resolution:)``.
public struct OATResult: Sendable, Hashable {
    public let step: Double
    public let top: Int
    public let criterionIDs: [String]
    public let siteIDs: [SiteID]
    /// Scores and ranks at the scenario's weights.
    public let currentScores: [Double]
    public let currentRanks: [Int]
    /// The grid: for each criterion in order, wᵢ = 0, step, 2·step, …, 1.
    public let grid: [OATGridPoint]
    /// One per criterion.
    public let stability: [StabilityInterval]
    /// One per site, in site order.
    public let tipping: [TippingPoint]
}
