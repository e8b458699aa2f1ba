extension PlanSpecification {
    /// Command-line overrides of `plan:` keys; nil leaves the scenario's value.
    public struct Overrides: Sendable {
        public var model: PlanModel?
        public var count: Int?
        public var radius: Double?
        public var target: Double?
        public var minSpacing: Double?
        public var solver: SolverChoice?
        public var timeLimit: Double?

        public init(model: PlanModel? = nil, count: Int? = nil, radius: Double? = nil, target: Double? = nil,
                    minSpacing: Double? = nil, solver: SolverChoice? = nil, timeLimit: Double? = nil) {
            self.model = model
            self.count = count
            self.radius = radius
            self.target = target
            self.minSpacing = minSpacing
            self.solver = solver
            self.timeLimit = timeLimit
        }
    }

    /// The specification with `overrides` applied.
    public func applying(_ overrides: Overrides) -> PlanSpecification {
        var spec = self
        if let v = overrides.model { spec.settings.model = v }
        if let v = overrides.count { spec.settings.count = v }
        if let v = overrides.radius { spec.settings.radius = v }
        if let v = overrides.target { spec.settings.target = v }
        if let v = overrides.minSpacing { spec.settings.minSpacing = v }
        if let v = overrides.solver { spec.settings.solver = v }
        if let v = overrides.timeLimit { spec.settings.timeLimit = v }
        return spec
    }
}
