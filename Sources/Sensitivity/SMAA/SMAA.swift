import SiteScoring

/// SMAA-2 (Lahdelma & Salminen 2001) with deterministic criteria values: weights drawn from the uniform
/// distribution on the simplex (no preference information) or, with `ordinal`, uniformly among the vectors
/// that keep the order of the scenario's weights.
///
/// - Rank acceptability bᵢʳ = share of draws in which site i has rank r (r = 1…top).
/// - Central weight vector wᵢᶜ = mean of the draws in which site i is first.
/// - Confidence factor pᵢᶜ = probability that site i is first when wᵢᶜ is used. The paper integrates over
///   stochastic criteria values; ours are exact, so pᵢᶜ is 1 if site i is first at wᵢᶜ and 0 otherwise.
public enum SMAA {
    /// Runs `samples` draws (seeded; identical for any `threads`).
    public static func run(
        _ problem: SensitivityProblem, samples: Int, seed: UInt64, top: Int, ordinal: Bool = false,
        threads: Int? = nil, progress: (@Sendable (Double) -> Void)? = nil
    ) throws(SensitivityError) -> SMAAResult {
        guard samples >= 1 else { throw .invalidParameter(name: "samples", value: Double(samples), expected: "≥ 1") }
        guard top >= 1 else { throw .invalidParameter(name: "top", value: Double(top), expected: "≥ 1") }
        let sampler: WeightSampler = ordinal ? .ordinal(weights: problem.weights)
                                             : .uniformSimplex(criteria: problem.criterionCount)
        let counts = RankCounting.run(problem, sampler: sampler, samples: samples, seed: seed, top: top,
                                      fullRanks: false, recordCentralWeights: true, threads: threads, progress: progress)
        let n = problem.siteCount
        let t = counts.trackedRanks
        var sites: [SiteAcceptability] = []
        sites.reserveCapacity(n)
        for i in 0..<n {
            var b = (0..<t).map { Double(counts.rankCounts[i * t + $0]) / Double(samples) }
            b += Array(repeating: 0, count: top - t)
            var central: [Double]? = nil
            var confidence: Double? = nil
            if let sum = counts.centralWeightSums[i] {
                let firsts = Double(counts.rankCounts[i * t])
                let cw = sum.map { $0 / firsts }
                central = cw
                let first = Ranking.topIndices(scores: problem.scores(cw), ids: problem.siteIDs, n: 1).first
                confidence = first == i ? 1 : 0
            }
            sites.append(SiteAcceptability(site: problem.siteIDs[i], acceptability: b,
                                           centralWeights: central, confidence: confidence))
        }
        return SMAAResult(samples: samples, seed: seed, top: top, ordinal: ordinal, sites: sites)
    }
}
