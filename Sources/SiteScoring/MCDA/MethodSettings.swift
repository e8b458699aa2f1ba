/// The settings of the aggregation methods that have any (from the scenario's `vikor:` and `promethee:`).
public struct MethodSettings: Sendable, Hashable {
    /// VIKOR's v: the weight of the strategy of maximum group utility (0…1, default 0.5).
    public var vikorV: Double
    /// PROMETHEE II's preference functions and size limit.
    public var promethee: PROMETHEESettings

    public init(vikorV: Double = 0.5, promethee: PROMETHEESettings = PROMETHEESettings()) {
        self.vikorV = vikorV
        self.promethee = promethee
    }
}

/// PROMETHEE II settings: one preference function for all criteria, overridden per criterion id.
public struct PROMETHEESettings: Sendable, Hashable {
    /// The function for criteria without their own (default `usual`).
    public var function: PreferenceFunction
    /// Per criterion id, its own function (a criterion's `promethee:` key).
    public var perCriterion: [String: PreferenceFunction]
    /// Eligible sites above this count are refused (O(n²) pairs), default `PROMETHEE.defaultMaximumSites`.
    public var maximumSites: Int

    public init(function: PreferenceFunction = .usual, perCriterion: [String: PreferenceFunction] = [:], maximumSites: Int = PROMETHEE.defaultMaximumSites) {
        self.function = function
        self.perCriterion = perCriterion
        self.maximumSites = maximumSites
    }

    /// The function of each criterion, in order.
    public func functions(for criterionIDs: [String]) -> [PreferenceFunction] {
        criterionIDs.map { perCriterion[$0] ?? function }
    }
}
