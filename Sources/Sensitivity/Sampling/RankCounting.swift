import SiteScoring

/// The sampling loop shared by Monte Carlo and SMAA: draw weights, score, rank, count.
struct RankCounting {
    /// Ranks 1…trackedRanks counted per site: `rankCounts[site * trackedRanks + r - 1]`.
    let trackedRanks: Int
    let rankCounts: [UInt32]
    /// The full rank distribution (Monte Carlo with full ranks only).
    let distribution: RankDistribution?
    /// Per site with at least one first rank: Σ of the weight vectors of the draws where it was first,
    /// summed chunk by chunk in chunk order (deterministic floating-point sums).
    let centralWeightSums: [Int: [Double]]

    /// Per-worker accumulator.
    private struct Worker: Sendable {
        var rankCounts: [UInt32]
        var distribution: RankDistribution?
        var chunkSums: [(chunk: Int, sums: [Int: [Double]])] = []
    }

    static func run(
        _ problem: SensitivityProblem, sampler: WeightSampler, samples: Int, seed: UInt64, top: Int,
        fullRanks: Bool, recordCentralWeights: Bool, threads: Int?, progress: (@Sendable (Double) -> Void)?
    ) -> RankCounting {
        let n = problem.siteCount
        let k = problem.criterionCount
        let tracked = min(top, n)
        let band = min(n, max(100, 4 * top))
        let model = problem.model
        let ids = problem.siteIDs
        let idOrder = problem.idOrder
        let groups: [[Int]] = if case .ordinal(let w) = sampler { WeightSampler.orderGroups(w) } else { [] }

        let workers = ChunkedSampling.run(
            samples: samples, seed: seed, threads: threads, progress: progress,
            makeState: {
                Worker(rankCounts: [UInt32](repeating: 0, count: n * tracked),
                       distribution: fullRanks ? RankDistribution(siteCount: n, band: band) : nil)
            },
            chunk: { state, chunkIndex, range, random in
                var weights = [Double](repeating: 0, count: k)
                var scratch = [Double](repeating: 0, count: k)
                var scores = [Double](repeating: 0, count: n)
                var sorter = fullRanks ? RankSorter(idOrder: idOrder) : nil
                var sums: [Int: [Double]] = [:]
                for _ in range {
                    weights.withUnsafeMutableBufferPointer { w in
                        scratch.withUnsafeMutableBufferPointer { s in
                            sampler.draw(into: w, scratch: s, groups: groups, random: &random)
                        }
                    }
                    weights.withUnsafeBufferPointer { w in
                        scores.withUnsafeMutableBufferPointer { model.scores(weights: w, into: $0) }
                    }
                    var best = -1
                    if sorter != nil {
                        scores.withUnsafeBufferPointer { sorter!.sort(scores: $0) }
                        let order = sorter!.order
                        state.distribution!.add(order: order)
                        for r in 0..<tracked { state.rankCounts[Int(order[r]) * tracked + r] &+= 1 }
                        best = n > 0 ? Int(order[0]) : -1
                    } else {
                        let topSites = scores.withUnsafeBufferPointer { s in
                            ids.withUnsafeBufferPointer { Ranking.topIndices(scores: s, ids: $0, n: tracked) }
                        }
                        for (r, site) in topSites.enumerated() { state.rankCounts[site * tracked + r] &+= 1 }
                        best = topSites.first ?? -1
                    }
                    if recordCentralWeights, best >= 0 {
                        var sum = sums[best] ?? [Double](repeating: 0, count: k)
                        for j in 0..<k { sum[j] += weights[j] }
                        sums[best] = sum
                    }
                }
                if recordCentralWeights { state.chunkSums.append((chunkIndex, sums)) }
            }
        )

        var rankCounts = [UInt32](repeating: 0, count: n * tracked)
        var distribution: RankDistribution? = nil
        var chunkSums: [(chunk: Int, sums: [Int: [Double]])] = []
        for worker in workers {
            for i in 0..<rankCounts.count { rankCounts[i] &+= worker.rankCounts[i] }
            if let d = worker.distribution {
                if distribution == nil { distribution = d } else { distribution!.merge(d) }
            }
            chunkSums.append(contentsOf: worker.chunkSums)
        }
        var central: [Int: [Double]] = [:]
        for (_, sums) in chunkSums.sorted(by: { $0.chunk < $1.chunk }) {
            for (site, sum) in sums {
                var total = central[site] ?? [Double](repeating: 0, count: k)
                for j in 0..<k { total[j] += sum[j] }
                central[site] = total
            }
        }
        return RankCounting(trackedRanks: tracked, rankCounts: rankCounts, distribution: distribution,
                            centralWeightSums: central)
    }
}
