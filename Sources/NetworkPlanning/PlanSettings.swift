/// The settings of a plan: the scenario's `plan:` section after command-line overrides.
public struct PlanSettings: Sendable, Hashable {
    /// The model to optimise.
    public var model: PlanModel
    /// K: the largest number of new sites (mclp, pmedian; ignored by setcover). Existing facilities are
    /// never counted. Fewer are chosen when more would add nothing or no feasible one is left.
    public var count: Int
    /// Coverage radius in metres, boundary inclusive (required by mclp and setcover; for pmedian only used
    /// to report the share of demand within it).
    public var radius: Double?
    /// Set cover: the share of total demand (0 < target ≤ 1) the plan must cover.
    public var target: Double?
    /// No two new sites closer than this (metres); 0 switches it off.
    public var minSpacing: Double
    /// MCLP objective weighting.
    public var attractiveness: Attractiveness
    /// Largest total cost of the new sites (every candidate then needs a `cost`).
    public var budget: Double?
    /// Capacity: a site serves at most `capacity × capacityPerUnit` demand units (every candidate then needs
    /// a `capacity`; existing facilities without one are unlimited). Nil: uncapacitated.
    public var capacityPerUnit: Double?
    /// The solver to use.
    public var solver: SolverChoice
    /// Wall-clock limit of the exact solver in seconds; it then returns the best solution and its bound.
    public var timeLimit: Double
    /// Worker threads for the parallel parts (nil: all cores). Results do not depend on it.
    public var threads: Int?

    public init(model: PlanModel, count: Int = 1, radius: Double? = nil, target: Double? = nil,
                minSpacing: Double = 0, attractiveness: Attractiveness = .none, budget: Double? = nil,
                capacityPerUnit: Double? = nil, solver: SolverChoice = .auto, timeLimit: Double = 60,
                threads: Int? = nil) {
        self.model = model
        self.count = count
        self.radius = radius
        self.target = target
        self.minSpacing = minSpacing
        self.attractiveness = attractiveness
        self.budget = budget
        self.capacityPerUnit = capacityPerUnit
        self.solver = solver
        self.timeLimit = timeLimit
        self.threads = threads
    }

    /// Whether sites have capacities.
    public var isCapacitated: Bool { capacityPerUnit != nil }
}
