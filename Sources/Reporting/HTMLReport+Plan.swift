import GeoCore

extension HTMLReport {
    /// The network plan: its settings in words and the planned sites in plan order.
    func planSection() -> String {
        guard let plan = options.plan else { return "" }
        var html = "<section id=\"plan\">\n<h2>\(t("Network plan", "Netzplan"))</h2>\n"
        var sentence = t("The plan selects \(numbers.integer(plan.sites.count)) sites", "Der Plan wählt \(numbers.integer(plan.sites.count)) Standorte")
        if let model = plan.model { sentence += t(" with the location model \(model)", " mit dem Standortmodell \(model)") }
        if let r = plan.radius { sentence += t(" and a coverage radius of \(numbers.length(r))", " und einem Abdeckungsradius von \(numbers.length(r))") }
        sentence += "."
        if let objective = plan.objective { sentence += t(" Objective: \(objective).", " Ziel: \(objective).") }
        if let share = plan.coverageShare { sentence += t(" It covers \(numbers.percent(share, digits: 1)) of the demand.", " Er deckt \(numbers.percent(share, digits: 1)) der Nachfrage ab.") }
        if plan.coveredCount > 0 {
            sentence += t(" \(numbers.integer(plan.coveredCount)) of \(numbers.integer(plan.candidateCount)) candidates lie in a covered area.",
                          " \(numbers.integer(plan.coveredCount)) von \(numbers.integer(plan.candidateCount)) Standorten liegen in einem abgedeckten Gebiet.")
        }
        html += "<p>\(HTML.escape(sentence))</p>\n"
        html += "<table>\n<thead><tr><th class=\"num\">\(t("Order", "Reihenfolge"))</th><th>\(t("Site", "Standort"))</th><th class=\"num\">\(t("Rank", "Rang"))</th><th class=\"num\">\(t("Score", "Wert"))</th></tr></thead>\n<tbody>\n"
        for (site, s) in plannedSites {
            html += "<tr><td class=\"num\">\(site.order.map { "P\($0)" } ?? "–")</td><td>\(HTML.escape(names[s])) <span class=\"id\">(\(HTML.escape(result.siteIDs[s].description)))</span></td>"
            html += "<td class=\"num\">\(result.ranks[s].map { String($0) } ?? t("excluded", "ausgeschl."))</td><td class=\"num\">\(result.scores[s].map { numbers.score($0) } ?? "–")</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"note\">\(t("Plan settings as recorded in the plan file", "Einstellungen laut Plandatei")): " + plan.parameters.map { key, value in
            "<span class=\"mono\">\(HTML.escape(key))</span> = \(HTML.escape(text(value)))"
        }.joined(separator: "; ") + "</p>\n"
        return html + "</section>\n"
    }

    /// A manifest value as short text (numbers in the report's language).
    func text(_ value: JSONValue) -> String {
        switch value {
        case .null: "–"
        case .bool(let b): b ? t("yes", "ja") : t("no", "nein")
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? numbers.integer(Int(n)) : numbers.decimal(n, digits: 4)
        case .string(let s): s
        case .array(let a): "[" + a.map(text).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.members.map { "\($0.0): \(text($0.1))" }.joined(separator: ", ") + "}"
        }
    }
}
