import SiteScoring

/// Criteria and constraints described in words for the report, and raw values written with their units.
struct CriterionWording {
    let language: ReportLanguage
    var numbers: NumberStyle { language.numbers }

    private func q(_ s: String) -> String { language.pick("‘\(s)’", "‚\(s)‘") }

    /// The criterion's label as written in the scenario, else its id.
    static func label(_ c: Criterion) -> String { c.label ?? c.id }

    /// What is measured, in a sentence fragment.
    func measure(_ c: Criterion) -> String {
        switch c.kind {
        case .distance(let layer):
            return language.pick("distance to the nearest feature of \(q(layer))", "Entfernung zum nächsten Objekt der Ebene \(q(layer))")
        case .countWithin(let layer, let r):
            return language.pick("number of features of \(q(layer)) within \(numbers.length(r))",
                                 "Anzahl der Objekte der Ebene \(q(layer)) im Umkreis von \(numbers.length(r))")
        case .sumWithin(let layer, let field, let r):
            return language.pick("sum of \(q(field)) over the features of \(q(layer)) within \(numbers.length(r))",
                                 "Summe von \(q(field)) über die Objekte der Ebene \(q(layer)) im Umkreis von \(numbers.length(r))")
        case .inside(let layer):
            return language.pick("1 when the site lies inside \(q(layer)), else 0", "1, wenn der Standort in \(q(layer)) liegt, sonst 0")
        case .attribute(let field):
            return language.pick("the site’s property \(q(field))", "Attribut \(q(field)) des Standorts")
        case .area:
            return language.pick("the site’s area", "Fläche des Standorts")
        }
    }

    /// The raw value's unit.
    func unit(_ c: Criterion) -> String {
        switch c.kind {
        case .distance: "m"
        case .area: "m²"
        case .countWithin: language.pick("count", "Anzahl")
        case .inside: language.pick("yes/no", "ja/nein")
        case .sumWithin, .attribute: c.value?.isCategorical == true ? language.pick("category", "Kategorie") : "–"
        }
    }

    /// Which way is better.
    func direction(_ c: Criterion) -> String {
        if let v = c.value {
            switch v {
            case .piecewise, .categories, .gaussian: return language.pick("as the value function says", "laut Wertfunktion")
            default: break
            }
        }
        return c.direction == .benefit ? language.pick("more is better", "mehr ist besser") : language.pick("less is better", "weniger ist besser")
    }

    /// The value function in words.
    func valueFunction(_ c: Criterion) -> String {
        guard let v = c.value else {
            return language.pick("min–max over the eligible sites", "Min-Max über die zulässigen Standorte")
        }
        switch v {
        case .minMax: return language.pick("min–max over the eligible sites", "Min-Max über die zulässigen Standorte")
        case .linear(let a, let b):
            return language.pick("linear from \(raw(a, c)) to \(raw(b, c))", "linear von \(raw(a, c)) bis \(raw(b, c))")
        case .threshold(let t): return language.pick("threshold at \(raw(t, c))", "Schwelle bei \(raw(t, c))")
        case .piecewise(let points):
            return language.pick("piecewise linear through ", "stückweise linear durch ")
                + points.map { "(\(raw($0.x, c)); \(numbers.decimal($0.v, digits: 2)))" }.joined(separator: ", ")
        case .categories(let map, let d):
            let items = map.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) → \(numbers.decimal($0.value, digits: 2))" }
            return language.pick("categories: ", "Kategorien: ") + items.joined(separator: ", ")
                + language.pick("; others → ", "; andere → ") + numbers.decimal(d, digits: 2)
        case .gaussian(let ideal, let width):
            return language.pick("bell curve around \(raw(ideal, c)), width \(raw(width, c))",
                                 "Glockenkurve um \(raw(ideal, c)), Breite \(raw(width, c))")
        }
    }

    /// A raw value with its unit.
    func raw(_ x: Double, _ c: Criterion) -> String {
        guard x.isFinite else { return "–" }
        switch c.kind {
        case .distance: return numbers.length(x)
        case .area: return numbers.decimal(x, digits: 0) + "\u{202F}m²"
        case .countWithin: return numbers.decimal(x, digits: 0)
        case .inside: return x >= 0.5 ? language.pick("yes", "ja") : language.pick("no", "nein")
        case .sumWithin, .attribute: return numbers.measure(x)
        }
    }

    /// Site `s`'s raw value of `column` (text for categories).
    func raw(_ column: CriterionColumn, site s: Int) -> String {
        if let text = column.text { return text[s] ?? "–" }
        return raw(column.raw[s], column.criterion)
    }

    /// A constraint as a rule.
    func constraint(_ c: Constraint) -> String {
        switch c.kind {
        case .distance(let layer, let lo, let hi):
            var parts: [String] = []
            if let lo { parts.append(language.pick("closer than \(numbers.length(lo)) to \(q(layer))", "näher als \(numbers.length(lo)) an \(q(layer))")) }
            if let hi { parts.append(language.pick("farther than \(numbers.length(hi)) from \(q(layer))", "weiter als \(numbers.length(hi)) von \(q(layer)) entfernt")) }
            return language.pick("excluded when ", "ausgeschlossen, wenn ") + parts.joined(separator: language.pick(" or ", " oder "))
        case .attribute(let field, let lo, let hi):
            var parts: [String] = []
            if let lo { parts.append(language.pick("\(q(field)) is below \(numbers.measure(lo))", "\(q(field)) unter \(numbers.measure(lo)) liegt")) }
            if let hi { parts.append(language.pick("\(q(field)) is above \(numbers.measure(hi))", "\(q(field)) über \(numbers.measure(hi)) liegt")) }
            return language.pick("excluded when ", "ausgeschlossen, wenn ") + parts.joined(separator: language.pick(" or ", " oder "))
        case .inside(let layer):
            return language.pick("excluded when the site is not inside \(q(layer))", "ausgeschlossen, wenn der Standort nicht in \(q(layer)) liegt")
        case .outside(let layer):
            return language.pick("excluded when the site is inside \(q(layer))", "ausgeschlossen, wenn der Standort in \(q(layer)) liegt")
        }
    }

    /// An exclusion reason of the result (`constraint id` or `missing:<field>`) in words.
    func exclusionReason(_ reason: String, scenario: Scenario) -> String {
        if let c = scenario.constraints.first(where: { $0.id == reason }) { return constraint(c) }
        if reason.hasPrefix("missing:") {
            let field = String(reason.dropFirst("missing:".count))
            return language.pick("excluded because \(q(field)) has no value", "ausgeschlossen, weil \(q(field)) keinen Wert hat")
        }
        return reason
    }
}
