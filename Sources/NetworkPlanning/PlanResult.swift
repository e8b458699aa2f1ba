/// The outcome of `Planner.plan(_:)`: the chosen sites, what each candidate and demand point got, and the
/// summary the CLI prints and records in the manifest (`standort.plan`).
public struct PlanResult: Sendable, Hashable {
    /// A facility that serves demand.
    public enum Facility: Hashable, Sendable {
        /// Candidate site index (into `PlanningProblem.candidates`).
        case candidate(Int)
        /// Existing facility index (into `PlanningProblem.existing`).
        case existing(Int)
    }

    /// What one candidate site got (output properties `plan_*`).
    public struct SiteOutcome: Sendable, Hashable {
        /// `plan_selected`.
        public var selected: Bool
        /// `plan_order`: 1…k in order of selection (greedy order of the final set: each next site is the
        /// one adding most), nil when not chosen.
        public var order: Int?
        /// `plan_marginal`: objective(first k) − objective(first k − 1) along `order` — demand gained
        /// (mclp, setcover) or weighted distance saved (pmedian); nil when not chosen.
        public var marginal: Double?
        /// `plan_covered`: the demand this site serves (each demand point counted once, by `servedBy`;
        /// with capacities, its assigned load).
        public var covered: Double
        /// `plan_load`: assigned demand (capacitated plans only).
        public var load: Double?
        /// `plan_utilisation`: load / capacity (capacitated plans only; nil for a capacity of 0).
        public var utilisation: Double?
    }

    /// Part of a demand point's weight assigned to a facility (capacitated plans split demand).
    public struct Share: Sendable, Hashable {
        public var facility: Facility
        /// Demand units.
        public var units: Double
    }

    /// What one demand point got (`--demand-out`).
    public struct DemandOutcome: Sendable, Hashable {
        /// The facility serving it: mclp/setcover the best covering facility (highest attractiveness, then
        /// nearest; nil when uncovered), p-median the nearest, capacitated the one with the largest share.
        public var servedBy: Facility?
        /// Distance to `servedBy` in metres (`distance_m`).
        public var distance: Double?
        /// The assignment; one share of the full weight when uncapacitated, none when unserved.
        public var shares: [Share]
    }

    /// Chosen candidate indices in selection order (`order` 1, 2, …).
    public var selected: [Int]
    /// One per candidate, in input order.
    public var sites: [SiteOutcome]
    /// One per demand point, in input order.
    public var demand: [DemandOutcome]
    /// Assigned load per existing facility (capacitated plans only).
    public var existingLoad: [Double]?
    public var summary: PlanSummary

    /// The id of a facility in `problem`.
    public static func id(of facility: Facility, in problem: PlanningProblem) -> String {
        switch facility {
        case .candidate(let j): return problem.candidates[j].id
        case .existing(let e): return problem.existing[e].id
        }
    }
}
