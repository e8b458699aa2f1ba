import GeoCore

/// Solves a `PlanningProblem`: the entry point the CLI calls.
///
/// ```swift
/// let problem = PlanningProblem(candidates: sites, demand: points, existing: chargers,
///                               settings: PlanSettings(model: .mclp, count: 10, radius: 10_000))
/// let result = try Planner.plan(problem)
/// print(result.summary.objective, result.selected.map { problem.candidates[$0].id })
/// ```
public enum Planner {
    /// `auto` uses the exact solver when the MILP is small enough to finish in seconds:
    /// for uncapacitated mclp (attractiveness none) and setcover, at most this many candidate–demand
    /// cover pairs (demand within the radius and not already covered by an existing facility) …
    public static let exactCoverPairLimit = 100_000
    /// … for p-median and score-weighted mclp, at most this many assignment pairs (sites that would serve
    /// a point better than the existing network) …
    public static let exactAssignmentPairLimit = 20_000
    /// … and for capacitated plans at most this many candidate–demand arcs; else the heuristic.
    public static let exactCapacitatedArcLimit = 5_000

    /// Validates `problem`, chooses the solver, solves and explains the plan.
    public static func plan(_ problem: PlanningProblem) throws(PlanningError) -> PlanResult {
        try problem.validate()
        let rules = SiteRules(problem: problem)
        if problem.settings.isCapacitated {
            return try planCapacitated(problem, rules: rules)
        }
        return try planUncapacitated(problem, rules: rules)
    }

    /// The solver `auto` picks for a problem of this size (see the limits above): exact when small and CBC can be
    /// loaded (the plan's summary names the solver used either way).
    static func resolve(_ choice: SolverChoice, pairs: Int, limit: Int) -> SolverKind {
        switch choice {
        case .exact: return .exact
        case .heuristic: return .heuristic
        case .auto: return pairs <= limit && CBCRuntime.isAvailable ? .exact : .heuristic
        }
    }

    // MARK: - Uncapacitated

    private static func planUncapacitated(_ problem: PlanningProblem, rules: SiteRules) throws(PlanningError) -> PlanResult {
        let s = problem.settings
        let graph = ServiceGraph(problem: problem)
        let uniform = s.model == .setcover || (s.model == .mclp && s.attractiveness == .none)
        let kind = resolve(s.solver, pairs: graph.pairCount, limit: uniform ? exactCoverPairLimit : exactAssignmentPairLimit)
        let total = problem.totalDemand
        var needed: Double?
        if s.model == .setcover {
            let target = s.target ?? 1
            needed = target * total
            // Coverage with every candidate open: the most any plan can reach.
            var reach = graph.base
            for j in 0..<graph.candidateCount { graph.forEachPair(of: j) { i, _ in reach[i] = 1 } }
            var reachable = 0.0
            for i in 0..<graph.demandCount { reachable += graph.weight[i] * reach[i] }
            if reachable < needed! * (1 - 1e-12) {
                throw PlanningError(.targetUnreachable(target: target, reachableShare: reachable / total))
            }
        }
        var open: [Int]
        var greedyValue: Double?, greedyCount: Int?, exact: ExactSolver.Outcome?
        switch kind {
        case .heuristic:
            if let needed {
                var sites = SiteSet(rules: rules, candidateCount: graph.candidateCount)
                var state = MeritState(graph: graph)
                let value = GreedySelection.run(graph: graph, state: &state, sites: &sites, threads: s.threads, stopAt: needed)
                greedyValue = value
                guard value >= needed * (1 - 1e-12) else {
                    throw PlanningError(.targetUnreachable(target: s.target ?? 1, reachableShare: value / total))
                }
                greedyCount = sites.open.count
                removeRedundant(graph: graph, sites: &sites, needed: needed)
                open = sites.open
            } else {
                let search = MultiStartSearch(graph: graph, rules: rules, threads: s.threads)
                let outcome = search.run()
                greedyValue = outcome.greedyValue
                open = outcome.open
            }
        case .exact:
            // The heuristic's plan (cheap next to the MILP) is kept if CBC, stopped by the time limit, has
            // nothing better.
            let start = needed == nil ? MultiStartSearch(graph: graph, rules: rules, threads: s.threads).run().open : nil
            let outcome = try ExactSolver.solve(graph: graph, rules: rules, model: s.model, uniformMerit: uniform,
                                                coverageNeeded: needed, timeLimit: s.timeLimit, start: start)
            exact = outcome
            open = outcome.open
        }
        // Selection order and marginals: the final set in greedy order.
        var state = MeritState(graph: graph)
        var remaining = open.sorted()
        var ordered: [Int] = [], marginals: [Double?] = []
        var complete = s.model != .pmedian || problem.existing.count > 0
        while !remaining.isEmpty {
            var bestK = 0, bestGain = -Double.infinity
            for (k, j) in remaining.enumerated() {
                let g = state.gain(of: j, graph)
                if g > bestGain { bestGain = g; bestK = k }
            }
            if bestGain <= 0 && s.model != .setcover { break }  // the rest adds nothing
            let j = remaining.remove(at: bestK)
            state.add(j, slot: ordered.count, graph: graph)
            ordered.append(j)
            marginals.append(complete ? bestGain : nil)
            complete = true
        }
        let value = state.value(graph)
        let objective = s.model == .pmedian ? -value : (s.model == .setcover ? Double(ordered.count) : value)
        var summary = PlanSummary(model: s.model, count: s.model == .setcover ? ordered.count : s.count,
                                  selectedCount: ordered.count, radius: s.radius, solver: kind, objective: objective,
                                  totalDemand: total)
        if let greedyCount {
            // Set cover: greedy's site count, and how many sites the redundancy pass closed.
            summary.greedyObjective = Double(greedyCount)
            summary.localSearchImprovement = Double(greedyCount - ordered.count)
        } else if let greedyValue {
            summary.greedyObjective = s.model == .pmedian ? -greedyValue : greedyValue
            summary.localSearchImprovement = value - greedyValue
        }
        if let exact {
            if let b = exact.bound {
                let bound = s.model == .pmedian ? -b : b
                summary.bound = bound
                summary.gap = abs(objective - bound) / Swift.max(abs(objective), 1e-12)
            }
            summary.provenOptimal = exact.provenOptimal
        }
        return assemble(problem, ordered: ordered, marginals: marginals, summary: summary, rules: rules, flows: nil)
    }

    /// Set cover: closes sites (the least useful first) while the rest still reach the target.
    private static func removeRedundant(graph: ServiceGraph, sites: inout SiteSet, needed: Double) {
        while true {
            let state = MeritState(graph: graph, open: sites.open)
            let value = state.value(graph)
            let loss = state.losses(slots: sites.open.count, graph)
            var slot = -1
            for (k, l) in loss.enumerated() where value - l >= needed * (1 - 1e-12) {
                if slot < 0 || l < loss[slot] { slot = k }
            }
            guard slot >= 0 else { return }
            sites.remove(slot: slot)
        }
    }

    // MARK: - Capacitated

    private static func planCapacitated(_ problem: PlanningProblem, rules: SiteRules) throws(PlanningError) -> PlanResult {
        let s = problem.settings
        let network = CapacitatedNetwork(problem: problem)
        let kind = resolve(s.solver, pairs: network.candidateArcCount, limit: exactCapacitatedArcLimit)
        var open: [Int]
        var greedyValue: Double?, exact: ExactSolver.Outcome?
        switch kind {
        case .heuristic:
            var sites = SiteSet(rules: rules, candidateCount: problem.candidates.count)
            let (greedy, _) = CapacitatedSearch(problem: problem, network: network).run(sites: &sites)
            greedyValue = greedy
            open = sites.open
        case .exact:
            let outcome: ExactSolver.Outcome
            do {
                outcome = try ExactSolver.solve(network: network, rules: rules, timeLimit: s.timeLimit) {
                    var sites = SiteSet(rules: rules, candidateCount: problem.candidates.count)
                    _ = CapacitatedSearch(problem: problem, network: network).run(sites: &sites)
                    return sites.open
                }
            } catch let e where s.model == .pmedian && e.reason == .infeasible {
                throw shortfall(problem, open: [], unserved: nil)
            }
            exact = outcome
            open = outcome.open
        }
        // Greedy order of the final set, each prefix valued by its transportation problem.
        var remaining = open.sorted()
        var ordered: [Int] = [], marginals: [Double?] = []
        var last = network.evaluate(open: [])
        while !remaining.isEmpty {
            let prefix = ordered, candidates = remaining
            let values = parallelChunks(count: candidates.count, threads: s.threads, minChunk: 1) { range in
                range.map { network.evaluate(open: prefix + [candidates[$0]]).value }
            }.flatMap { $0 }
            var bestK = 0
            for k in values.indices where values[k] > values[bestK] { bestK = k }
            let b = (k: bestK, eval: network.evaluate(open: ordered + [remaining[bestK]]))
            if b.eval.value - last.value <= 0 && network.unserved(last.solution) <= 0 { break }
            let j = remaining.remove(at: b.k)
            ordered.append(j)
            let defined = s.model != .pmedian || network.unserved(last.solution) <= 1e-9 * problem.totalDemand
            marginals.append(defined ? b.eval.value - last.value : nil)
            last = b.eval
        }
        let unserved = network.unserved(last.solution)
        if s.model == .pmedian && unserved > 1e-9 * problem.totalDemand {
            throw shortfall(problem, open: ordered, unserved: unserved)
        }
        let objective = s.model == .pmedian ? last.solution.cost : last.value
        var summary = PlanSummary(model: s.model, count: s.count, selectedCount: ordered.count, radius: s.radius,
                                  solver: kind, objective: objective, totalDemand: problem.totalDemand)
        if let greedyValue {
            summary.greedyObjective = s.model == .pmedian ? -greedyValue : greedyValue
            summary.localSearchImprovement = last.value - greedyValue
        }
        if let exact {
            if let b = exact.bound {
                let bound = s.model == .pmedian ? -b : b
                summary.bound = bound
                summary.gap = abs(objective - bound) / Swift.max(abs(objective), 1e-12)
            }
            summary.provenOptimal = exact.provenOptimal
        }
        return assemble(problem, ordered: ordered, marginals: marginals, summary: summary, rules: rules,
                        flows: (last.problem, last.solution))
    }

    /// The insufficient-capacity error for capacitated p-median.
    private static func shortfall(_ problem: PlanningProblem, open: [Int], unserved: Double?) -> PlanningError {
        let total = problem.totalDemand
        if let unserved {
            return PlanningError(.insufficientCapacity(totalDemand: total, capacity: total - unserved, shortfall: unserved))
        }
        let largest = problem.candidates.indices.map { problem.capacity(ofCandidate: $0) ?? 0 }.sorted(by: >).prefix(problem.settings.count)
        let cap = largest.reduce(0, +) + problem.existing.indices.reduce(0) { $0 + (problem.capacity(ofExisting: $1) ?? .infinity) }
        return PlanningError(.insufficientCapacity(totalDemand: total, capacity: cap, shortfall: Swift.max(0, total - cap)))
    }
}
