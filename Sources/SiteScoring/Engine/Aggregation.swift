import GeoCore

/// Value functions over the eligible sites, the aggregation method, and the ranking.
enum Aggregation {
    static func run(
        scenario: Scenario, method: AggregationMethod, sites: SiteTable, measured: [MeasuredCriterion],
        exclusions: [[String]], weights: [Double], ahp: AHPResult?, workingCRS: CRS,
        inputs: [InputRecord], layers: [LayerSummary], warnings: [String]
    ) throws -> ScoringResult {
        let n = sites.count
        let eligible = exclusions.indices.filter { exclusions[$0].isEmpty }
        let file = scenario.sourceURL?.path ?? "scenario"
        var warnings = warnings
        if eligible.isEmpty && n > 0 {
            warnings.append("every site is excluded by the constraints or missing attributes; nothing is ranked")
        }

        // v per criterion for the eligible sites (the WSM definition; also reported under TOPSIS).
        var columns: [CriterionColumn] = []
        var valueMatrix = DecisionMatrix(rows: eligible.count, columns: scenario.criteria.count, values: Array(repeating: 0, count: eligible.count * scenario.criteria.count))
        for (j, (criterion, m)) in zip(scenario.criteria, measured).enumerated() {
            let function = criterion.value ?? .minMax
            let v: [Double]
            do {
                if let text = m.text {
                    v = try function.values(forText: eligible.map { text[$0]! })
                } else {
                    let raw = eligible.map { m.raw[$0] }
                    if let bad = raw.firstIndex(where: { !$0.isFinite }) {
                        throw ScoringError(file: sites.layer.file, featureIndex: eligible[bad], featureID: sites.ids[eligible[bad]].description,
                                           message: "criterion '\(criterion.id)' is \(raw[bad]) for this site (is its layer empty or a value non-finite?)")
                    }
                    v = try function.values(for: raw, direction: criterion.direction)
                }
            } catch let error as ScoringError {
                throw error
            } catch {
                throw ScoringError(file: file, field: criterion.id, message: "value function: \(error)")
            }
            var perSite = [Double?](repeating: nil, count: n)
            for (k, s) in eligible.enumerated() {
                perSite[s] = v[k]
                valueMatrix[k, j] = v[k]
            }
            columns.append(CriterionColumn(criterion: criterion, raw: m.raw, text: m.text, values: perSite))
        }

        // Aggregate.
        var topsis: TOPSISResult?
        let eligibleScores: [Double]
        switch method {
        case .wsm:
            eligibleScores = WeightedSum.scores(values: valueMatrix, weights: weights)
        case .topsis:
            let (matrix, directions) = topsisInput(scenario: scenario, measured: measured, valueMatrix: valueMatrix, eligible: eligible)
            let result = TOPSIS.evaluate(matrix: matrix, directions: directions, weights: weights)
            topsis = result
            eligibleScores = result.scores
        }
        // Raw values near Double's limits can overflow inside a method (TOPSIS squares them); a NaN score
        // would silently rank last, so it is an error naming the site.
        if let bad = eligibleScores.firstIndex(where: { !$0.isFinite }) {
            let s = eligible[bad]
            throw ScoringError(file: sites.layer.file, featureIndex: s, featureID: sites.ids[s].description,
                               message: "the \(method.rawValue) score of this site is not a finite number; a criterion's values are too large to compare (near ±1.8e308): rescale the attribute")
        }
        let eligibleIDs = eligible.map { sites.ids[$0] }
        let eligibleRanks = Ranking.rank(scores: eligibleScores, ids: eligibleIDs)
        var scores = [Double?](repeating: nil, count: n)
        var ranks = [Int?](repeating: nil, count: n)
        for (k, s) in eligible.enumerated() {
            scores[s] = eligibleScores[k]
            ranks[s] = eligibleRanks[k]
        }
        let order = Ranking.order(scores: eligibleScores, ids: eligibleIDs).map { eligible[$0] }
            + exclusions.indices.filter { !exclusions[$0].isEmpty }

        warnings += propertyCollisionWarnings(scenario: scenario, sites: sites)
        for (j, c) in scenario.criteria.enumerated() where weights[j] == 0 {
            warnings.append("criterion '\(c.id)' has weight 0: it is reported but does not affect the ranking")
        }
        return ScoringResult(
            scenario: scenario, workingCRS: workingCRS, candidates: sites.layer.features, candidateCRS: sites.layer.crs,
            siteIDs: sites.ids, referencePoints: sites.referencePoints, criteria: columns, weights: weights, ahp: ahp,
            exclusions: exclusions, scores: scores, ranks: ranks, outputOrder: order, topsis: topsis,
            inputs: inputs, layers: layers, warnings: warnings
        )
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

    /// The TOPSIS decision matrix: a criterion with an explicit value function enters as v (benefit),
    /// otherwise as its raw value with its direction.
    static func topsisInput(scenario: Scenario, measured: [MeasuredCriterion], valueMatrix: DecisionMatrix, eligible: [Int]) -> (DecisionMatrix, [Direction]) {
        var matrix = valueMatrix
        var directions: [Direction] = []
        for (j, (criterion, m)) in zip(scenario.criteria, measured).enumerated() {
            if criterion.value != nil {
                directions.append(.benefit)
            } else {
                directions.append(criterion.direction)
                for (k, s) in eligible.enumerated() { matrix[k, j] = m.raw[s] }
            }
        }
        return (matrix, directions)
    }
}

extension ScoringResult {
    /// The aggregation prepared for the eligible sites so that only the weights vary (for sensitivity analysis):
    /// WSM over the value-function results, or TOPSIS over the same matrix the run used.
    public func scoringModel(method: AggregationMethod) -> any ScoringModel {
        let eligible = eligibleIndices
        var valueMatrix = DecisionMatrix(rows: eligible.count, columns: criteria.count, values: Array(repeating: 0, count: eligible.count * criteria.count))
        for (j, column) in criteria.enumerated() {
            for (k, s) in eligible.enumerated() { valueMatrix[k, j] = column.values[s]! }
        }
        switch method {
        case .wsm:
            return WeightedSumModel(values: valueMatrix)
        case .topsis:
            let measured = criteria.map { MeasuredCriterion(raw: $0.raw, text: $0.text) }
            let (matrix, directions) = Aggregation.topsisInput(scenario: scenario, measured: measured, valueMatrix: valueMatrix, eligible: eligible)
            return TOPSISModel(matrix: matrix, directions: directions)
        }
    }
}
