/// The result of one aggregation with every intermediate of its method (as pymcdm's methods return them):
/// output, summary and sensitivity switch on this one enum.
public enum AggregationOutcome: Sendable, Hashable {
    case wsm(scores: [Double])
    case topsis(TOPSISResult)
    case vikor(VIKORResult)
    case promethee2(PROMETHEEResult)

    /// The method that produced it.
    public var method: AggregationMethod {
        switch self {
        case .wsm: .wsm
        case .topsis: .topsis
        case .vikor: .vikor
        case .promethee2: .promethee2
        }
    }

    /// The method's own per-site figures written next to `score` (VIKOR's S, R, Q; PROMETHEE's φ⁺, φ⁻),
    /// one value per eligible site.
    public var columns: [(name: String, values: [Double])] {
        switch self {
        case .wsm, .topsis: []
        case .vikor(let r): [("vikor_s", r.s), ("vikor_r", r.r), ("vikor_q", r.q)]
        case .promethee2(let r): [("phi_plus", r.phiPlus), ("phi_minus", r.phiMinus)]
        }
    }

    /// One score per eligible site; higher is better.
    public var scores: [Double] {
        switch self {
        case .wsm(let scores): scores
        case .topsis(let r): r.scores
        case .vikor(let r): r.scores
        case .promethee2(let r): r.scores
        }
    }
}

extension AggregationMethod {
    /// Runs the method on `input`. Throws `MCDAError.tooManyAlternatives` when PROMETHEE II would compare
    /// more sites than `settings.promethee.maximumSites` allows.
    public func evaluate(_ input: AggregationInput, settings: MethodSettings = MethodSettings(), threads: Int = 1) throws(MCDAError) -> AggregationOutcome {
        switch self {
        case .wsm:
            return .wsm(scores: WeightedSum.scores(values: input.values, weights: input.weights))
        case .topsis:
            return .topsis(TOPSIS.evaluate(matrix: input.topsisMatrix, directions: input.topsisDirections, weights: input.weights))
        case .vikor:
            return .vikor(VIKOR.evaluate(values: input.values, weights: input.weights, v: settings.vikorV, ids: input.siteIDs))
        case .promethee2:
            try checkSize(input.values.rows, settings: settings)
            return .promethee2(PROMETHEE.evaluate(values: input.values, weights: input.weights,
                                                  functions: settings.promethee.functions(for: input.criterionIDs), threads: threads))
        }
    }

    /// The method prepared so that only the weights vary (sensitivity analysis): the same inputs and settings
    /// as `evaluate`, scores equal to its scores.
    public func scoringModel(_ input: AggregationInput, settings: MethodSettings = MethodSettings(), threads: Int = 1) throws(MCDAError) -> any ScoringModel {
        switch self {
        case .wsm: return WeightedSumModel(values: input.values)
        case .topsis: return TOPSISModel(matrix: input.topsisMatrix, directions: input.topsisDirections)
        case .vikor: return VIKORModel(values: input.values, v: settings.vikorV)
        case .promethee2:
            try checkSize(input.values.rows, settings: settings)
            return PROMETHEEModel(values: input.values, functions: settings.promethee.functions(for: input.criterionIDs), threads: threads)
        }
    }

    private func checkSize(_ count: Int, settings: MethodSettings) throws(MCDAError) {
        if count > settings.promethee.maximumSites {
            throw .tooManyAlternatives(method: displayName, count: count, limit: settings.promethee.maximumSites)
        }
    }
}
