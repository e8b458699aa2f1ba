/// The coverage curve of a plan (`--sweep 1..K`): the objective for k = 1…K new sites, so planners see
/// where adding sites stops paying. Row k = 0 is the existing network alone.
public struct CoverageCurve: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Number of new sites.
        public var k: Int
        /// The model's objective with k new sites (p-median: weighted distance; nil at k = 0 without
        /// existing facilities, where nothing serves the demand). Set cover sweeps as mclp: covered demand.
        public var objective: Double?
        /// Covered share of total demand (p-median: within the radius, when one is set).
        public var coverageShare: Double?
        /// objective(k) − objective(k − 1), as gain: demand gained, or weighted distance saved (p-median).
        public var marginal: Double?
        /// The solver that produced row k (nil for k = 0, and for capacitated p-median rows where k sites
        /// cannot serve all demand: those rows have no objective).
        public var solver: SolverKind?
        /// Sites chosen for row k (candidate indices in order).
        public var selected: [Int]
    }

    /// The model swept (setcover is swept as mclp).
    public var model: PlanModel
    public var totalDemand: Double
    public var points: [Point]
}

extension Planner {
    /// Solves the plan for every k in `counts` (each k independently, with the problem's solver setting)
    /// and returns the coverage curve, starting with k = 0 (existing facilities only).
    public static func sweep(_ problem: PlanningProblem, counts: ClosedRange<Int>) throws(PlanningError) -> CoverageCurve {
        var base = problem
        if base.settings.model == .setcover {
            base.settings.model = .mclp
            base.settings.attractiveness = .none
        }
        guard counts.lowerBound >= 1 else { throw PlanningError(.countNotPositive(count: counts.lowerBound)) }
        base.settings.count = counts.upperBound
        try base.validate()
        let model = base.settings.model
        let zero = baseline(base)
        var points = [CoverageCurve.Point(k: 0, objective: zero.objective, coverageShare: zero.share, marginal: nil,
                                          solver: nil, selected: [])]
        var previous = zero.objective
        for k in counts {
            var p = base
            p.settings.count = k
            let r: PlanResult
            do {
                r = try plan(p)
            } catch let e where { if case .insufficientCapacity = e.reason { return true }; return false }() {
                // Capacitated p-median: too few sites to serve everyone; the curve starts where k suffices.
                points.append(CoverageCurve.Point(k: k, objective: nil, coverageShare: nil, marginal: nil, solver: nil, selected: []))
                previous = nil
                continue
            }
            let obj = r.summary.objective
            let marginal = previous.map { model == .pmedian ? $0 - obj : obj - $0 }
            points.append(CoverageCurve.Point(k: k, objective: obj, coverageShare: r.summary.coverageShare,
                                              marginal: marginal, solver: r.summary.solver, selected: r.selected))
            previous = obj
        }
        return CoverageCurve(model: model, totalDemand: base.totalDemand, points: points)
    }

    /// The objective and coverage of the existing facilities alone.
    static func baseline(_ problem: PlanningProblem) -> (objective: Double?, share: Double?) {
        let s = problem.settings
        let total = problem.totalDemand
        if s.isCapacitated {
            let network = CapacitatedNetwork(problem: problem)
            let e = network.evaluate(open: [])
            let served = total - network.unserved(e.solution)
            if s.model == .pmedian {
                return (network.unserved(e.solution) > 1e-9 * total ? nil : e.solution.cost, served / total)
            }
            return (e.value, served / total)
        }
        let result = assemble(problem, ordered: [], marginals: [],
                              summary: PlanSummary(model: s.model, count: 0, selectedCount: 0, radius: s.radius,
                                                   solver: .heuristic, objective: 0, totalDemand: total),
                              rules: SiteRules(problem: problem), flows: nil)
        let share = result.summary.coverageShare
        switch s.model {
        case .pmedian:
            guard !problem.existing.isEmpty else { return (nil, share) }
            var cost = 0.0
            for (i, o) in result.demand.enumerated() { cost += problem.demand[i].weight * (o.distance ?? 0) }
            return (cost, share)
        case .mclp, .setcover:
            return (result.summary.coveredDemand, share)
        }
    }
}
