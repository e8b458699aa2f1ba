import GeoCore

/// Field checks: every property a criterion or constraint reads must exist in its layer.
extension MeasureContext {
    /// Errors for fields that no feature has (with a did-you-mean over the actual fields, umlaut-folded) or that
    /// are null on every feature; a warning for a field missing on some features (those sites are excluded as
    /// `missing:<field>`, or the `sum_within` stops with an error naming the feature).
    func checkFields(_ scenario: Scenario) throws -> [String] {
        try checkFields(scenario, uses: Self.fieldUses(scenario))
    }

    /// The fields a scenario reads: (who reads it, the field, its layer or nil for the candidates).
    static func fieldUses(_ scenario: Scenario) -> [(owner: String, field: String, layer: String?)] {
        var uses: [(owner: String, field: String, layer: String?)] = []
        for c in scenario.criteria {
            switch c.kind {
            case .attribute(let field): uses.append(("criterion '\(c.id)'", field, nil))
            case .sumWithin(let layer, let field, _): uses.append(("criterion '\(c.id)'", field, layer))
            default: break
            }
        }
        for c in scenario.constraints {
            if case .attribute(let field, _, _) = c.kind { uses.append(("constraint '\(c.id)'", field, nil)) }
        }
        if let label = scenario.labelField { uses.append(("label_field", label, nil)) }
        return uses
    }

    private func checkFields(_ scenario: Scenario, uses: [(owner: String, field: String, layer: String?)]) throws -> [String] {
        var warnings: [String] = []
        var errors: [any Error & Sendable] = []
        var warned = Set<String>()
        let candidateTally = candidateFields ?? FieldTally(fields: uses.filter { $0.layer == nil }.map(\.field), features: sites.layer.features, threads: threads)
        for use in uses {
            let file = use.layer.map { layers[$0]!.file } ?? sites.layer.file
            let layerName = use.layer ?? "candidates"
            let tally = use.layer.map { FieldTally(fields: [use.field], features: layers[$0]!.features, threads: threads) } ?? candidateTally
            let (present, valued) = tally.counts(use.field)
            if present == 0 {
                errors.append(ScoringError(.unknownField(owner: use.owner, field: use.field, layer: layerName, available: tally.names), file: file))
                if collectsErrors { continue }
                try ScoringErrors.raise(errors)
            }
            if valued == 0 {
                errors.append(ScoringError(.fieldAlwaysEmpty(owner: use.owner, field: use.field, layer: layerName), file: file))
                if collectsErrors { continue }
                try ScoringErrors.raise(errors)
            }
            if valued < tally.total, use.layer == nil, use.owner != "label_field", warned.insert(use.field).inserted {
                warnings.append("field '\(use.field)' (read by \(use.owner)) is empty or absent on \(tally.total - valued) of \(tally.total) candidates; they are excluded as missing:\(use.field)")
            }
        }
        try ScoringErrors.raise(errors)
        return warnings
    }
}

/// How many features have each field a scenario reads, and have it non-empty; gathered over a whole layer or
/// chunk by chunk (a streamed candidate file).
struct FieldTally: Sendable {
    private let fields: [String]
    private var present: [Int]
    private var valued: [Int]
    /// Features seen.
    private(set) var total = 0
    /// Every property name seen, in first-seen order (for the did-you-mean of a missing field).
    private(set) var names: [String] = []
    private var seen = Set<String>()
    private var lastKeys: [String] = []

    init(fields: [String]) {
        self.fields = fields
        present = Array(repeating: 0, count: fields.count)
        valued = Array(repeating: 0, count: fields.count)
    }

    /// The tally of `features`, counted in parallel chunks of at least 16,384 features (issue 15: serially ≈ 0.1 s
    /// at 1,000,000 candidates, on one core); the same counts and names in the same order for any thread count.
    init(fields: [String], features: [Feature], threads: Int = 1) {
        self.init(fields: fields)
        let parts = parallelChunks(count: features.count, threads: threads, minChunk: 16_384) { range in
            var part = FieldTally(fields: fields)
            part.add(features[range])
            return part
        }
        for part in parts { add(part) }
    }

    mutating func add(_ features: [Feature]) {
        add(features[...])
    }

    mutating func add(_ features: ArraySlice<Feature>) {
        total += features.count
        // Counted in locals: read through `self` in the loop, the field list (shared by the tallies of all chunks)
        // was retained per feature, and two threads contended for its reference count (issue 15).
        let fields = self.fields
        var present = self.present, valued = self.valued
        features.withUnsafeBufferPointer { features in
            for i in features.indices {
                if !features[i].properties.sharesKeys(with: lastKeys) {
                    let keys = features[i].properties.keys
                    for k in keys where seen.insert(k).inserted { names.append(k) }
                    lastKeys = keys
                }
                for j in fields.indices {
                    guard let value = features[i].properties[fields[j]] else { continue }
                    present[j] += 1
                    if !value.isNull, value.string?.isEmpty != true { valued[j] += 1 }
                }
            }
        }
        self.present = present
        self.valued = valued
    }

    /// Adds the tally of the features after those tallied so far (same fields): counts add up, names keep their
    /// first-seen order.
    mutating func add(_ later: FieldTally) {
        precondition(later.fields == fields, "tallies of the same fields")
        total += later.total
        for j in fields.indices {
            present[j] += later.present[j]
            valued[j] += later.valued[j]
        }
        for k in later.names where seen.insert(k).inserted { names.append(k) }
    }

    /// (features with the field, features with a non-empty value).
    func counts(_ field: String) -> (present: Int, valued: Int) {
        guard let j = fields.firstIndex(of: field) else { return (0, 0) }
        return (present[j], valued[j])
    }
}
