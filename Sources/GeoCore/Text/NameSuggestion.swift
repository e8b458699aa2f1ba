/// Suggests the nearest valid name for a misspelt one ("did you mean …?"), by edit distance.
public enum NameSuggestion {
    /// The candidate closest to `name`, case-insensitively: one that the name abbreviates or extends
    /// (`lon` ↔ `longitude`; the shortest such), else the nearest by Levenshtein distance when that is a
    /// plausible typo (at most a third of the name's length, and at least 1–2 edits).
    public static func nearest<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
        let lowered = name.lowercased()
        if lowered.count >= 2 {
            let extensions = candidates.filter {
                let c = $0.lowercased()
                return c != lowered && c.count >= 2 && (c.hasPrefix(lowered) || lowered.hasPrefix(c))
            }
            if let shortest = extensions.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
        }
        let target = Array(lowered.unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        let limit = max(2, target.count / 3)
        return best.distance <= limit ? best.name : nil
    }

    /// ` (did you mean 'x'?)`, or "" when nothing is close.
    public static func hint<S: Sequence>(for name: String, in candidates: S) -> String where S.Element == String {
        nearest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
