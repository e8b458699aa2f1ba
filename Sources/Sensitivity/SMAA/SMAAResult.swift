import SiteScoring

/// SMAA-2 results of one site.
public struct SiteAcceptability: Sendable, Hashable {
    public let site: SiteID
    /// Rank acceptability indices b¹ … b^top: the share of weight draws giving the site rank r.
    public let acceptability: [Double]
    /// Central weight vector: the mean of the draws that rank the site first; nil when b¹ = 0.
    public let centralWeights: [Double]?
    /// Confidence factor: the share of criteria draws for which the site is first with its central weights.
    /// With deterministic criteria values (as here) it is 1 or 0; nil when b¹ = 0.
    public let confidence: Double?
}

/// The result of ``SMAA/run(_:samples:seed:top:ordinal:threads:progress:)``, one entry per site in the
/// problem's order.
public struct SMAAResult: Sendable, Hashable {
    public let samples: Int
    public let seed: UInt64
    public let top: Int
    public let ordinal: Bool
    public let sites: [SiteAcceptability]
}
