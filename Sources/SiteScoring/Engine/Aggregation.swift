import GeoCore

/// Value functions over the eligible sites, the aggregation method, and the ranking.
enum Aggregation {
    /// The value-function results per criterion and the aggregation input for the eligible sites.
    struct Prepared {
        var columns: [CriterionColumn]
        var input: AggregationInput
        var eligible: [Int]
    }

    /// Applies each criterion's value function to the eligible sites and builds the method's input.
    static func prepare(scenario: Scenario, sites: SiteTable, measured: [MeasuredCriterion], exclusions: [[String]], weights: [Double]) throws -> Prepared {
        let n = sites.count
        let eligible = exclusions.indices.filter { exclusions[$0].isEmpty }
        let file = scenario.sourceURL?.path ?? "scenario"
        var columns: [CriterionColumn] = []
        let k = scenario.criteria.count
        var valueMatrix = DecisionMatrix(rows: eligible.count, columns: k, values: Array(repeating: 0, count: eligible.count * k))
        for (j, (criterion, m)) in zip(scenario.criteria, measured).enumerated() {
            let function = criterion.value ?? .minMax
            let v: [Double]
            do {
                if let text = m.text {
                    v = try function.values(forText: eligible.map { text[$0]! })
                } else {
                    let raw = eligible.map { m.raw[$0] }
                    if let bad = raw.firstIndex(where: { !$0.isFinite }) {
                        throw ScoringError(.nonFiniteCriterion(criterion: criterion.id, value: raw[bad]), file: sites.layer.file,
                                           featureIndex: eligible[bad], featureID: sites.ids[eligible[bad]].description)
                    }
                    v = try function.values(for: raw, direction: criterion.direction)
                }
            } catch let error as ScoringError {
                throw error
            } catch {
                throw ScoringError(.valueFunction(criterion: criterion.id, detail: "\(error)"), file: file, field: criterion.id)
            }
            var perSite = [Double?](repeating: nil, count: n)
            for (r, s) in eligible.enumerated() {
                perSite[s] = v[r]
                valueMatrix[r, j] = v[r]
            }
            columns.append(CriterionColumn(criterion: criterion, raw: m.raw, text: m.text, values: perSite))
        }
        // TOPSIS: a criterion with an explicit value function enters as v (benefit), otherwise as its raw value.
        var topsisMatrix = valueMatrix
        var directions: [Direction] = []
        for (j, (criterion, m)) in zip(scenario.criteria, measured).enumerated() {
            if criterion.value != nil {
                directions.append(.benefit)
            } else {
                directions.append(criterion.direction)
                for (r, s) in eligible.enumerated() { topsisMatrix[r, j] = m.raw[s] }
            }
        }
        let input = AggregationInput(values: valueMatrix, topsisMatrix: topsisMatrix, topsisDirections: directions, weights: weights,
                                     criterionIDs: scenario.criteria.map(\.id), siteIDs: eligible.map { sites.ids[$0] })
        return Prepared(columns: columns, input: input, eligible: eligible)
    }

    /// Runs `method` on the prepared input and ranks: scores and ranks per site (nil when excluded) and the
    /// output order (by rank, then excluded sites in input order).
    static func rank(_ prepared: Prepared, method: AggregationMethod, settings: MethodSettings, sites: SiteTable, exclusions: [[String]], threads: Int)
        throws -> (outcome: AggregationOutcome, scores: [Double?], ranks: [Int?], order: [Int]) {
        let n = sites.count
        let eligible = prepared.eligible
        let outcome: AggregationOutcome
        do { outcome = try method.evaluate(prepared.input, settings: settings, threads: threads) } catch {
            switch error {
            case .tooManyAlternatives(let name, let count, let limit):
                throw ScoringError(.tooManySites(method: name, count: count, limit: limit,
                                                 alternative: "use wsm, topsis or vikor, tighten the constraints, or raise 'promethee: {max_sites: …}'"),
                                   file: sites.layer.file)
            default:
                throw ScoringError(.invalidMethodSetting("\(error)"), file: sites.layer.file)
            }
        }
        let eligibleScores = outcome.scores
        // Raw values near Double's limits can overflow inside a method (TOPSIS squares them); a NaN score
        // would silently rank last, so it is an error naming the site.
        if let bad = eligibleScores.firstIndex(where: { !$0.isFinite }) {
            let s = eligible[bad]
            throw ScoringError(.nonFiniteScore(method: method.rawValue), file: sites.layer.file, featureIndex: s, featureID: sites.ids[s].description)
        }
        let eligibleIDs = prepared.input.siteIDs
        let eligibleRanks = Ranking.rank(scores: eligibleScores, ids: eligibleIDs)
        var scores = [Double?](repeating: nil, count: n)
        var ranks = [Int?](repeating: nil, count: n)
        for (r, s) in eligible.enumerated() {
            scores[s] = eligibleScores[r]
            ranks[s] = eligibleRanks[r]
        }
        let order = Ranking.order(scores: eligibleScores, ids: eligibleIDs).map { eligible[$0] }
            + exclusions.indices.filter { !exclusions[$0].isEmpty }
        return (outcome, scores, ranks, order)
    }

    /// Output properties `<id>` / `<id>_value` replace candidate properties of the same name; that is expected for
    /// an attribute criterion named after its field (same value) and for re-scoring a ranked file, otherwise worth a warning.
    static func propertyCollisionWarnings(scenario: Scenario, sites: SiteTable) -> [String] {
        var present = Set<String>()
        for f in sites.layer.features { present.formUnion(f.properties.keys) }
        return scenario.criteria.compactMap { c in
            if case .attribute(let field) = c.kind, field == c.id { return nil }
            guard present.contains(c.id) else { return nil }
            return "criterion id '\(c.id)' is also a property of the candidates; the output's '\(c.id)' holds the criterion's raw value, not the original property (rename the criterion to keep both)"
        }
    }
}

extension ScoringResult {
    /// The aggregation input of the eligible sites, rebuilt from the result (the same matrices the run used).
    public var aggregationInput: AggregationInput {
        let eligible = eligibleIndices
        let k = criteria.count
        var values = DecisionMatrix(rows: eligible.count, columns: k, values: Array(repeating: 0, count: eligible.count * k))
        var topsis = values
        var directions: [Direction] = []
        for (j, column) in criteria.enumerated() {
            let explicit = column.criterion.value != nil
            directions.append(explicit ? .benefit : column.criterion.direction)
            for (r, s) in eligible.enumerated() {
                values[r, j] = column.values[s]!
                topsis[r, j] = explicit ? column.values[s]! : column.raw[s]
            }
        }
        return AggregationInput(values: values, topsisMatrix: topsis, topsisDirections: directions, weights: weights,
                                criterionIDs: criteria.map(\.id), siteIDs: eligible.map { siteIDs[$0] })
    }

    /// The run's method prepared so that only the weights vary (for sensitivity analysis).
    public func scoringModel(threads: Int = 1) throws -> any ScoringModel {
        do { return try method.scoringModel(aggregationInput, settings: scenario.methodSettings, threads: threads) } catch {
            throw ScoringError(.invalidMethodSetting("\(error)"), file: scenario.sourceURL?.path ?? "scenario")
        }
    }
}
