import SiteScoring

/// Rank statistics of one site over the Monte Carlo draws.
public struct SiteRankStatistics: Sendable, Hashable {
    public let site: SiteID
    /// Mean rank (exact); nil when only the top of the ranking was tracked.
    public let rankMean: Double?
    /// 5th, 50th and 95th nearest-rank percentiles of the rank; nil when only the top was tracked.
    public let rankP05: Double?
    public let rankMedian: Double?
    public let rankP95: Double?
    /// False when a percentile fell into a coarse rank bin (see ``MonteCarloResult``) and is interpolated.
    public let percentilesExact: Bool
    /// Share of draws in which the site is ranked first.
    public let pRank1: Double
    /// Share of draws in which the site is among the best `top`.
    public let pTopN: Double
}

/// The result of ``MonteCarlo/run(_:samples:seed:spread:top:statistics:threads:progress:)``: one entry per
/// site, in the problem's site order.
public struct MonteCarloResult: Sendable, Hashable {
    public let samples: Int
    public let seed: UInt64
    public let spread: Double
    public let top: Int
    public let statistics: MonteCarlo.Statistics
    /// Ranks up to this value are counted exactly per site; beyond it ranks are binned.
    public let exactRankBand: Int
    public let sites: [SiteRankStatistics]
}
