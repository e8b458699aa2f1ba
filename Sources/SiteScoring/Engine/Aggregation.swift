import Dispatch
import GeoCore

/// Value functions over the eligible sites, the aggregation method, and the ranking.
enum Aggregation {
    /// The value-function results per criterion and the aggregation input for the eligible sites.
    struct Prepared {
        var columns: [CriterionColumn]
        var input: AggregationInput
        var eligible: [Int]
    }

    /// Applies each criterion's value function to the eligible sites and builds `method`'s input (TOPSIS's own
    /// matrix only for TOPSIS).
    static func prepare(scenario: Scenario, method: AggregationMethod, sites: SiteTable, measured: [MeasuredCriterion],
                        exclusions: [[String]], weights: [Double]) throws -> Prepared {
        let n = sites.count
        let eligible = exclusions.indices.filter { exclusions[$0].isEmpty }
        let file = scenario.sourceURL?.path ?? "scenario"
        let k = scenario.criteria.count
        var valueMatrix = DecisionMatrix(rows: eligible.count, columns: k, values: Array(repeating: 0, count: eligible.count * k))
        // One task per criterion (their value functions are independent; serially this was ≈ 0.15 s at 1,000,000
        // sites on one core); the first criterion, in scenario order, that fails is reported, as a loop would.
        let perSite = ConcurrentSlots<Result<[Double?], Error>>(count: k)
        valueMatrix.values.withUnsafeMutableBufferPointer { matrix in
            let cells = DisjointWrites(matrix)
            let criteria = scenario.criteria, candidateFile = sites.layer.file, ids = sites.ids
            DispatchQueue.concurrentPerform(iterations: k) { j in
                perSite.set(j, Result {
                    let m = measured[j]
                    let v = try values(criteria[j], raw: m.text == nil ? eligible.map { m.raw[$0] } : nil, text: m.text.map { t in eligible.map { t[$0]! } },
                                       scenarioFile: file, candidateFile: candidateFile) { r in (eligible[r], ids[eligible[r]]) }
                    var column = [Double?](repeating: nil, count: n)
                    for (r, s) in eligible.enumerated() {
                        column[s] = v[r]
                        cells.buffer[r * k + j] = v[r]
                    }
                    return column
                })
            }
        }
        var columns: [CriterionColumn] = []
        for (criterion, (m, column)) in zip(scenario.criteria, zip(measured, perSite.values)) {
            columns.append(CriterionColumn(criterion: criterion, raw: m.raw, text: m.text, values: try column.get()))
        }
        // TOPSIS: a criterion with an explicit value function enters as v (benefit), otherwise as its raw value.
        var topsisMatrix = valueMatrix
        if method == .topsis {
            for (j, (criterion, m)) in zip(scenario.criteria, measured).enumerated() where criterion.value == nil {
                for (r, s) in eligible.enumerated() { topsisMatrix[r, j] = m.raw[s] }
            }
        }
        let input = AggregationInput(values: valueMatrix, topsisMatrix: topsisMatrix, topsisDirections: topsisDirections(scenario.criteria), weights: weights,
                                     criterionIDs: scenario.criteria.map(\.id), siteIDs: eligible.map { sites.ids[$0] })
        return Prepared(columns: columns, input: input, eligible: eligible)
    }

    /// TOPSIS's direction per criterion: benefit for a criterion with an explicit value function (it enters as its
    /// value), else the criterion's own (it enters as its raw value).
    static func topsisDirections(_ criteria: [Criterion]) -> [Direction] {
        criteria.map { $0.value != nil ? .benefit : $0.direction }
    }

    /// The warnings about a ranking (after those of measuring): nothing ranked, a criterion id that replaces a
    /// candidate property, a criterion of weight 0, a weighted criterion whose value is the same for every eligible
    /// site. `values` is the eligible sites' value matrix; `propertyNames` the candidates' property names.
    static func rankingWarnings(scenario: Scenario, weights: [Double], values: DecisionMatrix, siteCount: Int,
                                propertyNames: Set<String>) -> [String] {
        var warnings: [String] = []
        if values.rows == 0 && siteCount > 0 {
            warnings.append("every site is excluded by the constraints or missing attributes; nothing is ranked")
        }
        warnings += propertyCollisionWarnings(scenario: scenario, propertyNames: propertyNames)
        for (j, c) in scenario.criteria.enumerated() where weights[j] == 0 {
            warnings.append("criterion '\(c.id)' has weight 0: it is reported but does not affect the ranking")
        }
        if values.rows > 1 {
            for (j, c) in scenario.criteria.enumerated() where weights[j] > 0 {
                let column = values.column(j)
                if column.allSatisfy({ $0 == column[0] }) {
                    warnings.append("criterion '\(c.id)' has the same value for all \(values.rows) eligible sites: it cannot change the ranking (check its layer, radius or value function)")
                }
            }
        }
        return warnings
    }

    /// The value-function results of one criterion for the eligible sites, from their raw values (or texts, for
    /// `categories`); `site(row)` names the row's site (position in the candidates, id) in errors.
    static func values(_ criterion: Criterion, raw: [Double]?, text: [String]?, scenarioFile: String, candidateFile: String,
                       site: (Int) -> (Int, SiteID)) throws -> [Double] {
        let function = criterion.value ?? .minMax
        do {
            if let text { return try function.values(forText: text) }
            let raw = raw ?? []
            if let bad = raw.firstIndex(where: { !$0.isFinite }) {
                let (index, id) = site(bad)
                throw ScoringError(.nonFiniteCriterion(criterion: criterion.id, value: raw[bad]), file: candidateFile, featureIndex: index, featureID: id.description)
            }
            return try function.values(for: raw, direction: criterion.direction)
        } catch let error as ScoringError {
            throw error
        } catch {
            throw ScoringError(.valueFunction(criterion: criterion.id, detail: "\(error)"), file: scenarioFile, field: criterion.id)
        }
    }

    /// Runs `method` on `input` (the eligible sites' rows): its outcome, and each row's rank and the rows in rank
    /// order. `site(row)` names the row's site in errors.
    static func evaluate(_ input: AggregationInput, method: AggregationMethod, settings: MethodSettings, candidateFile: String, threads: Int,
                         site: (Int) -> (Int, SiteID)) throws -> (outcome: AggregationOutcome, ranks: [Int], order: [Int]) {
        let outcome: AggregationOutcome
        do { outcome = try method.evaluate(input, settings: settings, threads: threads) } catch {
            switch error {
            case .tooManyAlternatives(let name, let count, let limit):
                throw ScoringError(.tooManySites(method: name, count: count, limit: limit,
                                                 alternative: "use wsm, topsis or vikor, tighten the constraints, or raise 'promethee: {max_sites: …}'"),
                                   file: candidateFile)
            default:
                throw ScoringError(.invalidMethodSetting("\(error)"), file: candidateFile)
            }
        }
        // Raw values near Double's limits can overflow inside a method (TOPSIS squares them); a NaN score
        // would silently rank last, so it is an error naming the site.
        if let bad = outcome.scores.firstIndex(where: { !$0.isFinite }) {
            let (index, id) = site(bad)
            throw ScoringError(.nonFiniteScore(method: method.rawValue), file: candidateFile, featureIndex: index, featureID: id.description)
        }
        let order = Ranking.order(scores: outcome.scores, ids: input.siteIDs)
        var ranks = [Int](repeating: 0, count: order.count)
        for (position, row) in order.enumerated() { ranks[row] = position + 1 }
        return (outcome, ranks, order)
    }

    /// Runs `method` on the prepared input and ranks: scores and ranks per site (nil when excluded) and the
    /// output order (by rank, then excluded sites in input order).
    static func rank(_ prepared: Prepared, method: AggregationMethod, settings: MethodSettings, sites: SiteTable, exclusions: [[String]], threads: Int)
        throws -> (outcome: AggregationOutcome, scores: [Double?], ranks: [Int?], order: [Int]) {
        let n = sites.count
        let eligible = prepared.eligible
        let (outcome, eligibleRanks, eligibleOrder) = try evaluate(prepared.input, method: method, settings: settings, candidateFile: sites.layer.file,
                                                                   threads: threads) { r in (eligible[r], sites.ids[eligible[r]]) }
        let eligibleScores = outcome.scores
        var scores = [Double?](repeating: nil, count: n)
        var ranks = [Int?](repeating: nil, count: n)
        for (r, s) in eligible.enumerated() {
            scores[s] = eligibleScores[r]
            ranks[s] = eligibleRanks[r]
        }
        let order = eligibleOrder.map { eligible[$0] }
            + exclusions.indices.filter { !exclusions[$0].isEmpty }
        return (outcome, scores, ranks, order)
    }

    /// Output properties `<id>` / `<id>_value` replace candidate properties of the same name; that is expected for
    /// an attribute criterion named after its field (same value) and for re-scoring a ranked file, otherwise worth a warning.
    static func propertyCollisionWarnings(scenario: Scenario, propertyNames present: Set<String>) -> [String] {
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
        for (j, column) in criteria.enumerated() {
            let explicit = column.criterion.value != nil
            for (r, s) in eligible.enumerated() {
                values[r, j] = column.values[s]!
                topsis[r, j] = explicit ? column.values[s]! : column.raw[s]
            }
        }
        return AggregationInput(values: values, topsisMatrix: topsis, topsisDirections: Aggregation.topsisDirections(criteria.map(\.criterion)),
                                weights: weights, criterionIDs: criteria.map(\.id), siteIDs: eligible.map { siteIDs[$0] })
    }

    /// The run's method prepared so that only the weights vary (for sensitivity analysis).
    public func scoringModel(threads: Int = 1) throws -> any ScoringModel {
        do { return try method.scoringModel(aggregationInput, settings: scenario.methodSettings, threads: threads) } catch {
            throw ScoringError(.invalidMethodSetting("\(error)"), file: scenario.sourceURL?.path ?? "scenario")
        }
    }
}
