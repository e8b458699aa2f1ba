/// The exact solver: each model stated as the textbook mixed-integer program and solved by COIN-OR CBC
/// (`CBCModel`). Results are converted back to the "value" form the heuristics maximise (see
/// `ServiceGraph`), so the planner handles both solvers alike.
///
/// - MCLP (Church & ReVelle 1974), attractiveness none: max Σ wᵢ zᵢ, zᵢ ≤ Σ_{j covers i} xⱼ, 0 ≤ zᵢ ≤ 1;
/// - set cover: min Σ xⱼ subject to Σ wᵢ zᵢ ≥ target·W − (demand the existing network covers);
/// - MCLP with attractiveness score, and p-median (ReVelle & Swain 1970): max Σ wᵢ (meritᵢⱼ − baseᵢ) yᵢⱼ,
///   Σⱼ yᵢⱼ ≤ 1, yᵢⱼ ≤ xⱼ (pairs as in `ServiceGraph`: only sites that beat the existing network);
/// - capacitated: min Σ wᵢ cᵢⱼ yᵢⱼ with Σⱼ yᵢⱼ ≤ 1 (mclp) or = 1 (p-median), yᵢⱼ ≤ xⱼ,
///   Σᵢ wᵢ yᵢⱼ ≤ capⱼ xⱼ (existing facilities: ≤ capₑ);
/// - all: Σ xⱼ ≤ count (not setcover), xₐ + x_b ≤ 1 for sites closer than min_spacing,
///   Σ costⱼ xⱼ ≤ budget.
enum ExactSolver {
    struct Outcome {
        /// Chosen candidates, ascending.
        var open: [Int]
        /// Upper bound on the value (maximise form); for set cover a lower bound on the site count. Nil
        /// when CBC ran out of time before it had a bound it vouches for (no solution of its own).
        var bound: Double?
        var provenOptimal: Bool
        var timeLimitReached: Bool
    }

    /// Adds the x columns and the site rules; returns the x column of each candidate.
    private static func addSites(_ lp: inout LinearProgram, rules: SiteRules, candidates: Int, objective: Double,
                                 countRow: Bool) -> [Int] {
        let x = (0..<candidates).map { _ in lp.addColumn(lower: 0, upper: 1, objective: objective, integer: true) }
        if countRow { lp.addRow(x.map { ($0, 1) }, upper: Double(rules.count)) }
        for (a, b) in rules.conflictPairs { lp.addRow([(x[a], 1), (x[b], 1)], upper: 1) }
        if let budget = rules.budget { lp.addRow(x.indices.map { (x[$0], rules.cost[$0]) }, upper: budget) }
        return x
    }

    /// Solves `lp`; nil when CBC stopped at the time limit without an integer solution.
    private static func run(_ lp: LinearProgram, timeLimit: Double) throws(PlanningError) -> (CBCModel.Outcome, [Double]?) {
        let cbc = try CBCModel(lp)
        cbc.setTimeLimit(seconds: timeLimit)
        let out = cbc.solve()
        if out.solution == nil && !out.timeLimitReached {
            if out.provenInfeasible { throw PlanningError(.infeasible) }
            throw PlanningError(.solverFailed("CBC ended without a solution"))
        }
        return (out, out.solution)
    }

    private static func noSolution(_ timeLimit: Double) -> PlanningError {
        PlanningError(.solverFailed("no feasible solution within the time limit of \(PlanningError.number(timeLimit)) s"))
    }

    /// Uncapacitated mclp, p-median and set cover on the service graph. `start` (a feasible set of sites,
    /// e.g. the heuristic's) is kept when CBC, stopped by the time limit, has nothing better, so an exact
    /// run is never worse than the heuristic; the bound is CBC's either way.
    static func solve(graph: ServiceGraph, rules: SiteRules, model: PlanModel, uniformMerit: Bool,
                      coverageNeeded: Double?, timeLimit: Double, start: [Int]? = nil) throws(PlanningError) -> Outcome {
        var lp = LinearProgram()
        let isSetCover = model == .setcover
        let x = addSites(&lp, rules: rules, candidates: graph.candidateCount, objective: isSetCover ? 1 : 0,
                         countRow: !isSetCover)
        let baseValue = graph.baseObjective
        if uniformMerit {
            // Demand-major cover lists from the candidate-major pairs (pairs exist only for uncovered points).
            var covers = [[(Int, Double)]](repeating: [], count: graph.demandCount)
            for j in 0..<graph.candidateCount { graph.forEachPair(of: j) { i, _ in covers[i].append((x[j], -1)) } }
            var coverage: [(Int, Double)] = []
            for i in 0..<graph.demandCount where !covers[i].isEmpty {
                let z = lp.addColumn(lower: 0, upper: 1, objective: isSetCover ? 0 : -graph.weight[i])
                lp.addRow([(z, 1)] + covers[i], upper: 0)
                coverage.append((z, graph.weight[i]))
            }
            if isSetCover, let needed = coverageNeeded { lp.addRow(coverage, lower: needed - baseValue) }
        } else {
            var perDemand = [[(Int, Double)]](repeating: [], count: graph.demandCount)
            for j in 0..<graph.candidateCount {
                graph.forEachPair(of: j) { i, merit in
                    let y = lp.addColumn(lower: 0, upper: 1, objective: -graph.weight[i] * (merit - graph.base[i]))
                    lp.addRow([(y, 1), (x[j], -1)], upper: 0)
                    perDemand[i].append((y, 1))
                }
            }
            for row in perDemand where row.count > 1 { lp.addRow(row, upper: 1) }
        }
        let (out, solution) = try run(lp, timeLimit: timeLimit)
        var open = solution.map { sol in (0..<graph.candidateCount).filter { sol[x[$0]] > 0.5 } }
        // Never trust a solver's answer over the rules.
        if let o = open, !rules.admits(o) { open = nil }
        if let start, !isSetCover {
            let startValue = MeritState(graph: graph, open: start).value(graph)
            if open.map({ MeritState(graph: graph, open: $0).value(graph) < startValue }) ?? true { open = start.sorted() }
        }
        guard let open else { throw noSolution(timeLimit) }
        let bound = solution == nil ? nil : (isSetCover ? out.bound : baseValue - out.bound)
        return Outcome(open: open, bound: bound, provenOptimal: out.provenOptimal, timeLimitReached: out.timeLimitReached)
    }

    /// Capacitated mclp and p-median on the capacitated network. When the time limit strikes before CBC
    /// has a solution, `fallback` (the heuristic) supplies the plan and the bound is left out.
    static func solve(network: CapacitatedNetwork, rules: SiteRules, timeLimit: Double,
                      fallback: () -> [Int]) throws(PlanningError) -> Outcome {
        var lp = LinearProgram()
        let n = network.candidateCapacity.count
        let x = addSites(&lp, rules: rules, candidates: n, objective: 0, countRow: true)
        var perDemand = [[(Int, Double)]](repeating: [], count: network.weight.count)
        func arcs(_ start: [Int], _ demand: [Int32], _ cost: [Double], site: Int, capacity: Double, open: Int?) {
            var load: [(Int, Double)] = []
            for k in start[site]..<start[site + 1] {
                let i = Int(demand[k]), w = network.weight[i]
                let y = lp.addColumn(lower: 0, upper: 1, objective: w * cost[k])
                if let open { lp.addRow([(y, 1), (open, -1)], upper: 0) }
                perDemand[i].append((y, 1))
                load.append((y, w))
            }
            if let open {
                lp.addRow(load + [(open, -capacity)], upper: 0)
            } else if capacity < .infinity {
                lp.addRow(load, upper: capacity)
            }
        }
        for e in 0..<network.existingCount {
            arcs(network.existStart, network.existDemand, network.existCost, site: e, capacity: network.existingCapacity[e], open: nil)
        }
        for j in 0..<n {
            arcs(network.candStart, network.candDemand, network.candCost, site: j, capacity: network.candidateCapacity[j], open: x[j])
        }
        for row in perDemand where !row.isEmpty {
            if network.model == .pmedian { lp.addRow(row, lower: 1, upper: 1) } else { lp.addRow(row, upper: 1) }
        }
        let (out, solution) = try run(lp, timeLimit: timeLimit)
        guard let solution else {
            return Outcome(open: fallback().sorted(), bound: nil, provenOptimal: false, timeLimitReached: true)
        }
        let open = (0..<n).filter { solution[x[$0]] > 0.5 }
        guard rules.admits(open) else { throw PlanningError(.solverFailed("CBC returned a plan that breaks the site rules")) }
        return Outcome(open: open, bound: -out.bound, provenOptimal: out.provenOptimal, timeLimitReached: out.timeLimitReached)
    }
}
