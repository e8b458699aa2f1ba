import SiteScoring

/// Stability intervals of one criterion (see ``StabilityInterval``).
enum StabilitySearch {
    static let bisectionTolerance = 1e-9

    static func interval(problem: SensitivityProblem, lines: PathScores, top: Int, currentScores: [Double],
                         resolution: Double) -> StabilityInterval {
        let ids = problem.siteIDs
        let n = ids.count
        let t0 = lines.path.current
        let order = Ranking.topIndices(scores: currentScores, ids: ids, n: top)
        let best = order.first ?? 0
        let topSet = order
        var inTop = [Bool](repeating: false, count: n)
        for i in topSet { inTop[i] = true }
        let outside = (0..<n).filter { !inTop[$0] }
        let rank1: (Double, Double)
        let topN: (Double, Double)
        if let b = lines.intercept, let m = lines.slope {
            rank1 = linear(keep: [best], against: (0..<n).filter { $0 != best }, b: b, m: m, t0: t0)
            topN = linear(keep: topSet, against: outside, b: b, m: m, t0: t0)
        } else if lines.path.rest.count == 1 {
            (rank1, topN) = ((0, 1), (0, 1))
        } else {
            let firstHolds = { (t: Double) in
                Ranking.topIndices(scores: lines.scores(at: t), ids: ids, n: 1).first == best
            }
            let sortedTop = topSet.sorted()
            let setHolds = { (t: Double) in
                Ranking.topIndices(scores: lines.scores(at: t), ids: ids, n: top).sorted() == sortedTop
            }
            rank1 = (bracket(t0: t0, direction: -1, resolution: resolution, holds: firstHolds),
                     bracket(t0: t0, direction: 1, resolution: resolution, holds: firstHolds))
            topN = n <= top ? (0, 1)
                : (bracket(t0: t0, direction: -1, resolution: resolution, holds: setHolds),
                   bracket(t0: t0, direction: 1, resolution: resolution, holds: setHolds))
        }
        return StabilityInterval(criterion: problem.criterionIDs[lines.path.criterion], weight: t0,
                                 rank1Site: ids[best], rank1Low: rank1.0, rank1High: rank1.1,
                                 topNLow: topN.0, topNHigh: topN.1, exact: lines.isLinear || lines.path.rest.count == 1)
    }

    /// Sites in `keep` stay ahead of every site in `against` while dₛᵤ(t) = (bₛ − bᵤ) + t·(mₛ − mᵤ) ≥ 0.
    /// Each pair with mₛ ≠ mᵤ bounds t on one side at its root −(bₛ − bᵤ)/(mₛ − mᵤ); the intersection of
    /// these half-lines is the interval, which contains t₀ because every dₛᵤ(t₀) ≥ 0.
    static func linear(keep: [Int], against: [Int], b: [Double], m: [Double], t0: Double) -> (Double, Double) {
        var low = 0.0, high = 1.0
        for s in keep {
            for u in against {
                let slope = m[s] - m[u]
                guard slope != 0 else { continue }
                let root = -(b[s] - b[u]) / slope
                if slope > 0 { low = max(low, root) } else { high = min(high, root) }
            }
        }
        // Rounding can put a root a hair past t₀ for a pair tied at t₀.
        return (min(low, t0), max(high, t0))
    }

    /// Walks from t₀ in `direction` on a grid of `resolution` while `holds`; at the first failing point
    /// bisects between it and the last holding point until they are `bisectionTolerance` apart.
    static func bracket(t0: Double, direction: Double, resolution: Double, holds: (Double) -> Bool) -> Double {
        var good = t0
        while true {
            let next = direction > 0 ? min(1, good + resolution) : max(0, good - resolution)
            if next == good { return good }
            if holds(next) {
                good = next
                continue
            }
            var bad = next
            while abs(bad - good) > bisectionTolerance {
                let mid = (good + bad) / 2
                if holds(mid) { good = mid } else { bad = mid }
            }
            return good
        }
    }
}
