import GeoCore

/// The summary of a plan: printed by the CLI and recorded as the manifest member `standort.plan`.
public struct PlanSummary: Sendable, Hashable {
    public var model: PlanModel
    /// K as requested (mclp, pmedian), or the number of sites chosen (setcover).
    public var count: Int
    /// Sites actually chosen (≤ count when more would add nothing or the rules forbid more).
    public var selectedCount: Int
    public var radius: Double?
    /// The solver actually used.
    public var solver: SolverKind
    /// mclp: covered demand (weighted by attractiveness with `score`), existing coverage included;
    /// pmedian: Σ weight × distance to the serving facility (metre-units); setcover: number of new sites.
    public var objective: Double
    public var totalDemand: Double
    /// Demand within the radius of a chosen or existing facility (with capacities: assigned demand).
    public var coveredDemand: Double?
    /// coveredDemand / totalDemand.
    public var coverageShare: Double?
    /// p-median: weighted mean and 95th percentile of the distance to the serving facility, with the
    /// existing facilities only (nil without any) and after the plan.
    public var meanDistanceBefore: Double?
    public var meanDistanceAfter: Double?
    public var p95DistanceBefore: Double?
    public var p95DistanceAfter: Double?
    /// Exact runs: the solver's bound on the objective, the relative gap |objective − bound| / |objective|,
    /// and whether optimality was proven (false when the time limit stopped it). Bound and gap are nil
    /// when the limit struck before CBC had a solution of its own (the heuristic's plan is then reported).
    public var bound: Double?
    public var gap: Double?
    public var provenOptimal: Bool?
    /// Heuristic runs: the greedy objective and how much local search improved it (≥ 0, in objective units:
    /// demand gained, weighted distance saved, or — set cover — sites closed as redundant).
    public var greedyObjective: Double?
    public var localSearchImprovement: Double?
    /// Total cost of the chosen sites (with a budget).
    public var totalCost: Double?

    /// The members of `standort.plan`, in a fixed order; absent values are left out.
    public var manifest: JSONObject {
        var o = JSONObject()
        o["model"] = .string(model.rawValue)
        o["count"] = .number(Double(count))
        o["selected"] = .number(Double(selectedCount))
        if let radius { o["radius"] = .number(radius) }
        o["solver"] = .string(solver.rawValue)
        o["objective"] = .number(objective)
        o["total_demand"] = .number(totalDemand)
        if let coveredDemand { o["covered_demand"] = .number(coveredDemand) }
        if let coverageShare { o["coverage_share"] = .number(coverageShare) }
        if let meanDistanceBefore { o["mean_distance_before"] = .number(meanDistanceBefore) }
        if let meanDistanceAfter { o["mean_distance_after"] = .number(meanDistanceAfter) }
        if let p95DistanceBefore { o["p95_distance_before"] = .number(p95DistanceBefore) }
        if let p95DistanceAfter { o["p95_distance_after"] = .number(p95DistanceAfter) }
        if let bound { o["bound"] = .number(bound) }
        if let gap { o["gap"] = .number(gap) }
        if let provenOptimal { o["proven_optimal"] = .bool(provenOptimal) }
        if let greedyObjective { o["greedy_objective"] = .number(greedyObjective) }
        if let localSearchImprovement { o["local_search_improvement"] = .number(localSearchImprovement) }
        if let totalCost { o["total_cost"] = .number(totalCost) }
        return o
    }
}
