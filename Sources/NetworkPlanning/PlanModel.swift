/// The facility-location model a plan optimises.
public enum PlanModel: String, Sendable, Hashable, CaseIterable {
    /// Maximal covering location problem (Church & ReVelle 1974): with `count` new sites, maximise the
    /// demand within `radius` of a new or existing site.
    case mclp
    /// p-median (Hakimi 1964; ReVelle & Swain 1970): with `count` new sites, minimise the demand-weighted
    /// distance from every demand point to its nearest new or existing site.
    case pmedian
    /// Set cover (partial, weighted): the fewest new sites such that the demand within `radius` of a new or
    /// existing site is at least `target` × total demand.
    case setcover
}

/// Which solver a plan asks for.
public enum SolverChoice: String, Sendable, Hashable, CaseIterable {
    /// Exact when the instance is small (see `Planner.exactPairLimit`), heuristic otherwise.
    case auto
    /// Greedy with lazy evaluation, then Teitz–Bart vertex substitution.
    case heuristic
    /// A mixed-integer program solved by COIN-OR CBC.
    case exact
}

/// The solver that actually produced a plan.
public enum SolverKind: String, Sendable, Hashable {
    case heuristic
    case exact
}

/// How much a covered demand point is worth in the MCLP objective.
public enum Attractiveness: String, Sendable, Hashable, CaseIterable {
    /// Every covered demand unit counts 1.
    case none
    /// A covered demand unit counts the score (in [0, 1]) of the best site covering it; existing
    /// facilities count 1.
    case score
}
