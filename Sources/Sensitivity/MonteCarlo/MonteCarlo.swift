import SiteScoring

/// Monte Carlo weight perturbation: each weight is multiplied by a factor uniform in
/// [1 − spread, 1 + spread] and the vector is renormalised to sum 1; the ranking is recomputed per draw.
public enum MonteCarlo {
    /// What is recorded per draw.
    public enum Statistics: String, Sendable, Hashable, CaseIterable {
        /// The full ranking of every site (a radix sort per draw): mean, percentiles, P(rank 1), P(top N).
        case fullRanks
        /// Only the best `top` sites (a bounded heap per draw): P(rank 1) and P(top N).
        case topOnly
    }

    /// Runs `samples` draws.
    /// - Parameters:
    ///   - seed: with the same seed the result is identical for any `threads`.
    ///   - spread: in [0, 1).
    ///   - top: N of "top N" (≥ 1).
    ///   - threads: worker threads; nil uses all active processors.
    ///   - progress: called with the fraction done after each chunk of draws (from worker threads).
    public static func run(
        _ problem: SensitivityProblem, samples: Int, seed: UInt64, spread: Double, top: Int,
        statistics: Statistics = .fullRanks, threads: Int? = nil,
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(SensitivityError) -> MonteCarloResult {
        guard samples >= 1 else { throw .invalidParameter(name: "samples", value: Double(samples), expected: "≥ 1") }
        guard spread >= 0, spread < 1 else { throw .invalidParameter(name: "spread", value: spread, expected: "0 ≤ spread < 1") }
        guard top >= 1 else { throw .invalidParameter(name: "top", value: Double(top), expected: "≥ 1") }
        let sampler = WeightSampler.perturbed(weights: problem.weights, spread: spread)
        let counts = RankCounting.run(problem, sampler: sampler, samples: samples, seed: seed, top: top,
                                      fullRanks: statistics == .fullRanks, recordCentralWeights: false,
                                      threads: threads, progress: progress)
        let n = problem.siteCount
        let s = Double(samples)
        var sites: [SiteRankStatistics] = []
        sites.reserveCapacity(n)
        for i in 0..<n {
            let p1 = Double(counts.rankCounts[i * counts.trackedRanks]) / s
            var inTop = 0
            for r in 0..<min(top, counts.trackedRanks) { inTop += Int(counts.rankCounts[i * counts.trackedRanks + r]) }
            if let dist = counts.distribution {
                let (q, exact) = dist.percentiles(site: i, samples: samples, [0.05, 0.5, 0.95])
                sites.append(SiteRankStatistics(site: problem.siteIDs[i], rankMean: dist.mean(site: i, samples: samples),
                                                rankP05: q[0], rankMedian: q[1], rankP95: q[2], percentilesExact: exact,
                                                pRank1: p1, pTopN: Double(inTop) / s))
            } else {
                sites.append(SiteRankStatistics(site: problem.siteIDs[i], rankMean: nil, rankP05: nil, rankMedian: nil,
                                                rankP95: nil, percentilesExact: false, pRank1: p1, pTopN: Double(inTop) / s))
            }
        }
        return MonteCarloResult(samples: samples, seed: seed, spread: spread, top: top, statistics: statistics,
                                exactRankBand: counts.distribution?.band ?? min(top, n), sites: sites)
    }
}
