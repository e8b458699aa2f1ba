import Foundation
import GeoCore

/// A site-selection scenario: what the candidates are, which context layers they are measured against,
/// the criteria and constraints, the weights and the aggregation method. Loaded from YAML or JSON
/// by `ScenarioLoader`; the format is documented in `docs/scenario.md`.
public struct Scenario: Sendable {
    /// The scenario's human-readable name.
    public var name: String
    /// A one-line description (shown by `standort scenarios`).
    public var description: String?
    /// The file the scenario was loaded from (nil when built in code).
    public var sourceURL: URL?
    /// The working CRS in which all metric computations happen.
    public var workingCRS: WorkingCRS
    /// The aggregation method.
    public var method: AggregationMethod
    /// Settings of the aggregation methods (`vikor:`, `promethee:`).
    public var methodSettings: MethodSettings
    /// Where the candidate sites come from and how they are identified.
    public var candidates: CandidateSource
    /// Context layers by name, in the order the scenario lists them.
    public var layers: [LayerSource]
    /// Criteria in scenario order.
    public var criteria: [Criterion]
    /// Hard exclusions in scenario order.
    public var constraints: [Constraint]
    /// How the criteria are weighted.
    public var weighting: Weighting
    /// Sections owned by other modules (`plan:`, `report:`), kept as parsed YAML for their owner to read.
    public var sections: [String: ScenarioSection]
    /// The candidate property that names a site in tables, summaries and charts (`label_field:`); nil: `name`
    /// when the candidates have it.
    public var labelField: String?
    /// The CSV conventions of CSV output (`csv_dialect:`; `--csv-dialect` overrides it).
    public var csvDialect: CSVDialect = .en
    /// SHA-256 of the bytes the scenario was parsed from (nil when built in code), for the run manifest.
    public var sourceSHA256: String?

    public init(
        name: String, description: String? = nil, sourceURL: URL? = nil, workingCRS: WorkingCRS = .auto,
        method: AggregationMethod = .wsm, candidates: CandidateSource, layers: [LayerSource] = [],
        criteria: [Criterion], constraints: [Constraint] = [], weighting: Weighting = .direct,
        methodSettings: MethodSettings = MethodSettings(), sections: [String: ScenarioSection] = [:]
    ) {
        self.name = name
        self.description = description
        self.sourceURL = sourceURL
        self.workingCRS = workingCRS
        self.method = method
        self.candidates = candidates
        self.layers = layers
        self.criteria = criteria
        self.constraints = constraints
        self.weighting = weighting
        self.methodSettings = methodSettings
        self.sections = sections
    }

    /// Every file the scenario reads, the scenario file first: outputs must never overwrite them.
    public var inputURLs: [URL] {
        [sourceURL].compactMap { $0 } + [candidates.layer.url] + layers.map(\.url)
    }

    /// The layer called `name`, if the scenario declares it.
    public func layer(named name: String) -> LayerSource? {
        layers.first { $0.name == name }
    }
}

/// The CRS in which distances, areas and centroids are computed.
public enum WorkingCRS: Sendable, Hashable {
    /// The UTM zone (EPSG:326zz/327zz) of the centre of the candidates' lon/lat bounding box.
    case auto
    /// A projected CRS given by the scenario.
    case explicit(CRS)
}

/// How the criteria's weights are given.
public enum Weighting: Sendable, Hashable {
    /// Each criterion's `weight:` (non-negative, normalised to sum 1).
    case direct
    /// AHP pairwise judgements (one matrix, or several experts combined by AIJ).
    case ahp(AHPSpecification)
}

/// The AHP part of a scenario: judgements of one or several experts and the consistency limit.
public struct AHPSpecification: Sendable, Hashable {
    /// One list of judgements per expert (a single list for `ahp:`).
    public var experts: [[AHPJudgement]]
    /// Eigenvector (default) or row geometric mean.
    public var method: AHPMethod
    /// The largest acceptable consistency ratio (default 0.1).
    public var maxConsistencyRatio: Double

    public init(experts: [[AHPJudgement]], method: AHPMethod = .eigenvector, maxConsistencyRatio: Double = AHP.defaultMaxCR) {
        self.experts = experts
        self.method = method
        self.maxConsistencyRatio = maxConsistencyRatio
    }
}
