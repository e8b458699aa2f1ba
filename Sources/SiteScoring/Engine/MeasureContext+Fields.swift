import GeoCore

/// Field checks: every property a criterion or constraint reads must exist in its layer.
extension MeasureContext {
    /// Errors for fields that no feature has (with a did-you-mean over the actual fields, umlaut-folded) or that
    /// are null on every feature; a warning for a field missing on some features (those sites are excluded as
    /// `missing:<field>`, or the `sum_within` stops with an error naming the feature).
    func checkFields(_ scenario: Scenario) throws -> [String] {
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
        var warnings: [String] = []
        var errors: [any Error & Sendable] = []
        var warned = Set<String>()
        for use in uses {
            let features = use.layer.map { layers[$0]!.features } ?? sites.layer.features
            let file = use.layer.map { layers[$0]!.file } ?? sites.layer.file
            let layerName = use.layer ?? "candidates"
            var present = 0, valued = 0
            for f in features {
                guard let value = f.properties[use.field] else { continue }
                present += 1
                if !value.isNull, value.string?.isEmpty != true { valued += 1 }
            }
            if present == 0 {
                var names: [String] = []
                var seen = Set<String>()
                for f in features { for k in f.properties.keys where seen.insert(k).inserted { names.append(k) } }
                errors.append(ScoringError(.unknownField(owner: use.owner, field: use.field, layer: layerName, available: names), file: file))
                if collectsErrors { continue }
                try ScoringErrors.raise(errors)
            }
            if valued == 0 {
                errors.append(ScoringError(.fieldAlwaysEmpty(owner: use.owner, field: use.field, layer: layerName), file: file))
                if collectsErrors { continue }
                try ScoringErrors.raise(errors)
            }
            if valued < features.count, use.layer == nil, use.owner != "label_field", warned.insert(use.field).inserted {
                warnings.append("field '\(use.field)' (read by \(use.owner)) is empty or absent on \(features.count - valued) of \(features.count) candidates; they are excluded as missing:\(use.field)")
            }
        }
        try ScoringErrors.raise(errors)
        return warnings
    }
}
