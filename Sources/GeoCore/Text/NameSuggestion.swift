/// Suggests the nearest valid name for a misspelt one ("did you mean …?"), by edit distance.
public enum NameSuggestion {
    /// The candidate closest to `name`, case-insensitively: one that the name abbreviates or extends
    /// (`lon` ↔ `longitude`; the shortest such), else the nearest by Levenshtein distance when that is a
    /// plausible typo (at most a third of the name's length, and at least 1–2 edits).
    ///
    /// With `folding`, names are compared as a German keyboard-less typist writes them: case-insensitive,
    /// ä/ö/ü → ae/oe/ue, ß → ss (so `Stellplaetze` finds `Stellplätze`); an exact folded match wins.
    public static func nearest<S: Sequence>(to name: String, in candidates: S, folding: Bool = false) -> String? where S.Element == String {
        if folding {
            let folded = fold(name)
            let pairs = candidates.map { ($0, fold($0)) }
            if let exact = pairs.first(where: { $0.1 == folded && $0.0 != name }) { return exact.0 }
            guard let best = nearest(to: folded, in: pairs.map(\.1)) else { return nil }
            return pairs.first { $0.1 == best }?.0
        }
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
    public static func hint<S: Sequence>(for name: String, in candidates: S, folding: Bool = false) -> String where S.Element == String {
        nearest(to: name, in: candidates, folding: folding).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Lower case with German umlauts and ß spelt out (ä → ae, ß → ss): how a name is typed without them.
    public static func fold(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            default: out.append(ch)
            }
        }
        return out
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
