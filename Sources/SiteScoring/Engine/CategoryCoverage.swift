import GeoCore

/// Checks a `categories` value function against the text values the data has: a key that matches no value is
/// most likely misspelt (`Supermarket` for `Supermarkt`), and values without a key silently get `default`.
enum CategoryCoverage {
    /// One warning per key that matches no data value (with the closest data value), and one per criterion
    /// listing the data values that fell to `default` (with counts, most frequent first).
    static func warnings(criteria: [Criterion], measured: [MeasuredCriterion]) -> [String] {
        var warnings: [String] = []
        for (criterion, m) in zip(criteria, measured) {
            guard case .categories(let map, let fallback)? = criterion.value, let text = m.text else { continue }
            var counts: [String: Int] = [:]
            var order: [String] = []
            for t in text.compactMap({ $0 }) {
                if counts[t] == nil { order.append(t) }
                counts[t, default: 0] += 1
            }
            for key in map.keys.sorted() where counts[key] == nil {
                let unmatched = order.filter { map[$0] == nil }
                let hint = NameSuggestion.nearest(to: key, in: unmatched.isEmpty ? order : unmatched, folding: true).map { " (did you mean '\($0)'?)" } ?? ""
                warnings.append("criterion '\(criterion.id)': category '\(key)' matches no value of field '\(m.missingField ?? criterion.id)'\(hint); values are compared exactly, case and umlauts included")
            }
            let unkeyed = order.filter { map[$0] == nil }.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
            if !unkeyed.isEmpty {
                let list = unkeyed.prefix(8).map { "'\($0)' (\(counts[$0]!))" }.joined(separator: ", ") + (unkeyed.count > 8 ? ", …" : "")
                let sites = unkeyed.reduce(0) { $0 + counts[$1]! }
                warnings.append("criterion '\(criterion.id)': \(sites) site\(sites == 1 ? "" : "s") have values without a category and get the default \(fallback): \(list); add them under 'categories:' if that is not intended")
            }
        }
        return warnings
    }
}
