import GeoCore

/// A network-planning instance: candidate sites, demand points, existing facilities and settings, all in
/// one planar (projected, metric) CRS. Build it, then call `Planner.plan(_:)`; `validate()` reports what
/// is wrong with it as a `PlanningError`.
public struct PlanningProblem: Sendable {
    /// A site that may be opened.
    public struct Candidate: Sendable, Hashable {
        /// The site's id (the candidates' `id:` property).
        public var id: String
        /// Reference point (centroid) in the working CRS, metres.
        public var position: Position
        /// The site's score from scoring (in [0, 1] when `attractiveness` is `score`).
        public var score: Double
        /// Cost of opening the site (required with a budget).
        public var cost: Double?
        /// Capacity field value (charge points); serves `capacity × capacityPerUnit` demand units.
        public var capacity: Double?

        public init(id: String, position: Position, score: Double = 0, cost: Double? = nil, capacity: Double? = nil) {
            self.id = id
            self.position = position
            self.score = score
            self.cost = cost
            self.capacity = capacity
        }
    }

    /// A demand point (a polygon's centroid, or a point) with its weight (residents, sessions…).
    public struct DemandPoint: Sendable, Hashable {
        /// The demand feature's id, for `--demand-out`.
        public var id: String
        /// Point or centroid in the working CRS, metres.
        public var position: Position
        /// Non-negative demand units; 1 when the layer has no weight.
        public var weight: Double

        public init(id: String, position: Position, weight: Double = 1) {
            self.id = id
            self.position = position
            self.weight = weight
        }
    }

    /// An already open facility: it covers and serves demand and is never counted in `count`.
    public struct ExistingFacility: Sendable, Hashable {
        /// The facility's id, reported as `served_by`.
        public var id: String
        /// Point or centroid in the working CRS, metres.
        public var position: Position
        /// Capacity field value; nil means unlimited.
        public var capacity: Double?

        public init(id: String, position: Position, capacity: Double? = nil) {
            self.id = id
            self.position = position
            self.capacity = capacity
        }
    }

    /// The eligible candidate sites (`PlanResult.sites` and candidate indices refer to this order).
    public var candidates: [Candidate]
    /// The demand points (`PlanResult.demand` follows this order).
    public var demand: [DemandPoint]
    /// Facilities already open; never counted in `settings.count`.
    public var existing: [ExistingFacility]
    public var settings: PlanSettings

    public init(candidates: [Candidate], demand: [DemandPoint], existing: [ExistingFacility] = [], settings: PlanSettings) {
        self.candidates = candidates
        self.demand = demand
        self.existing = existing
        self.settings = settings
    }

    /// Total demand Σ wᵢ.
    public var totalDemand: Double { demand.reduce(0) { $0 + $1.weight } }

    /// Serving capacity of candidate `j` in demand units (nil: uncapacitated plan).
    func capacity(ofCandidate j: Int) -> Double? {
        guard let perUnit = settings.capacityPerUnit else { return nil }
        return (candidates[j].capacity ?? 0) * perUnit
    }

    /// Serving capacity of existing facility `e` (nil: unlimited).
    func capacity(ofExisting e: Int) -> Double? {
        guard let perUnit = settings.capacityPerUnit, let c = existing[e].capacity else { return nil }
        return c * perUnit
    }
}
