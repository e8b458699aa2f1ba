import GeoCore

extension Planner {
    /// Turns the ordered final set into per-site and per-demand outcomes and completes the summary:
    /// who serves each demand point and how far away, what each site covers, loads and utilisation,
    /// coverage and the p-median distance statistics.
    static func assemble(_ problem: PlanningProblem, ordered: [Int], marginals: [Double?], summary: PlanSummary,
                         rules: SiteRules,
                         flows: (TransportationProblem, TransportationProblem.Solution)?) -> PlanResult {
        let s = problem.settings
        var summary = summary
        let e = problem.existing.count
        // Facilities: existing first (ties go to them), then the new sites in order.
        let facilities: [PlanResult.Facility] = (0..<e).map { .existing($0) } + ordered.map { .candidate($0) }
        let positions = problem.existing.map(\.position) + ordered.map { problem.candidates[$0].position }
        func position(_ f: PlanResult.Facility) -> Position {
            switch f {
            case .existing(let k): return problem.existing[k].position
            case .candidate(let j): return problem.candidates[j].position
            }
        }
        let attractiveness: [Double] = (0..<e).map { _ in 1 } + ordered.map {
            s.model == .mclp && s.attractiveness == .score ? problem.candidates[$0].score : 1
        }
        let index = SpatialIndex(positions.map { Geometry.point($0) })
        let demand = problem.demand
        let radius = s.radius

        var outcomes: [PlanResult.DemandOutcome]
        if let (transport, solution) = flows {
            outcomes = demand.indices.map { i in
                var shares: [PlanResult.Share] = []
                for a in transport.arcStart[i]..<transport.arcStart[i + 1] where solution.flow[a] > 0 {
                    let sink = Int(transport.arcSink[a])
                    guard sink < facilities.count else { continue }  // the dummy "unserved" sink
                    shares.append(PlanResult.Share(facility: facilities[sink], units: solution.flow[a]))
                }
                var main: PlanResult.Share?
                for sh in shares where main.map({ sh.units > $0.units }) ?? true { main = sh }
                return PlanResult.DemandOutcome(servedBy: main?.facility,
                                                distance: main.map { demand[i].position.distance(to: position($0.facility)) },
                                                shares: shares)
            }
        } else {
            outcomes = parallelChunks(count: demand.count, threads: s.threads) { range in
                var q = index.makeQuery()
                return range.map { i -> PlanResult.DemandOutcome in
                    let p = demand[i].position
                    var best: (f: Int, d: Double)?
                    if s.model == .pmedian {
                        best = q.nearest(to: p).map { ($0.feature, $0.distance) }
                    } else {
                        q.forEachFeature(within: radius ?? 0, of: p) { f in
                            let d = p.distance(to: positions[f])
                            if let b = best {
                                let (a, ab) = (attractiveness[f], attractiveness[b.f])
                                guard a > ab || (a == ab && (d < b.d || (d == b.d && f < b.f))) else { return }
                            }
                            best = (f, d)
                        }
                    }
                    guard let best else { return PlanResult.DemandOutcome(servedBy: nil, distance: nil, shares: []) }
                    return PlanResult.DemandOutcome(servedBy: facilities[best.f], distance: best.d,
                                                    shares: [PlanResult.Share(facility: facilities[best.f], units: demand[i].weight)])
                }
            }.flatMap { $0 }
        }

        // Per-site outcomes.
        var sites = problem.candidates.map { _ in
            PlanResult.SiteOutcome(selected: false, order: nil, marginal: nil, covered: 0, load: nil, utilisation: nil)
        }
        var existingLoad = [Double](repeating: 0, count: e)
        for o in outcomes {
            for sh in o.shares {
                switch sh.facility {
                case .candidate(let j): sites[j].covered += sh.units
                case .existing(let k): existingLoad[k] += sh.units
                }
            }
        }
        for (k, j) in ordered.enumerated() {
            sites[j].selected = true
            sites[j].order = k + 1
            sites[j].marginal = marginals[k]
            if flows != nil, let cap = problem.capacity(ofCandidate: j) {
                sites[j].load = sites[j].covered
                sites[j].utilisation = cap > 0 ? sites[j].covered / cap : nil
            }
        }

        // Coverage and distances.
        let total = problem.totalDemand
        var covered = 0.0
        var after: [(Double, Double)] = []
        for (i, o) in outcomes.enumerated() {
            for sh in o.shares {
                let d = demand[i].position.distance(to: position(sh.facility))
                after.append((d, sh.units))
                if flows != nil || radius.map({ d <= $0 }) ?? false { covered += sh.units }
            }
        }
        if s.model != .pmedian || radius != nil || flows != nil {
            summary.coveredDemand = covered
            summary.coverageShare = covered / total
        }
        if s.model == .pmedian {
            summary.meanDistanceAfter = weightedMean(after)
            summary.p95DistanceAfter = weightedQuantile(after, 0.95)
            if e > 0 {
                let existingIndex = SpatialIndex(problem.existing.map { Geometry.point($0.position) })
                let before = parallelChunks(count: demand.count, threads: s.threads) { range in
                    var q = existingIndex.makeQuery()
                    return range.map { (q.nearest(to: demand[$0].position)!.distance, demand[$0].weight) }
                }.flatMap { $0 }
                summary.meanDistanceBefore = weightedMean(before)
                summary.p95DistanceBefore = weightedQuantile(before, 0.95)
            }
        }
        if s.budget != nil { summary.totalCost = ordered.sorted().reduce(0) { $0 + rules.cost[$1] } }
        return PlanResult(selected: ordered, sites: sites, demand: outcomes,
                          existingLoad: flows != nil ? existingLoad : nil, summary: summary)
    }

    /// Σ d·w / Σ w over (distance, weight) samples.
    static func weightedMean(_ samples: [(Double, Double)]) -> Double? {
        var sw = 0.0, sdw = 0.0
        for (d, w) in samples { sw += w; sdw += d * w }
        return sw > 0 ? sdw / sw : nil
    }

    /// The smallest distance d such that the samples within d carry at least `q` of the total weight.
    static func weightedQuantile(_ samples: [(Double, Double)], _ q: Double) -> Double? {
        let sorted = samples.filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let total = sorted.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        var acc = 0.0
        for (d, w) in sorted {
            acc += w
            if acc >= q * total * (1 - 1e-12) { return d }
        }
        return sorted.last?.0
    }
}
