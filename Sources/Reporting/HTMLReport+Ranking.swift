import SiteScoring

extension HTMLReport {
    /// The top-N table (rank, name, score, each criterion's raw value and weighted value) and why #1 is first.
    func rankingSection() -> String {
        var html = "<section id=\"ranking\">\n<h2>\(HTML.escape(t("The top \(top.count) sites", "Die besten \(top.count) Standorte")))</h2>\n"
        guard !top.isEmpty else {
            return html + "<p>\(t("No site is eligible: every candidate is excluded by a constraint or a missing value.", "Kein Standort ist zulässig: jeder wird durch eine Bedingung oder einen fehlenden Wert ausgeschlossen."))</p>\n</section>\n"
        }
        html += "<p class=\"note\">\(HTML.escape(t("Each criterion cell shows the measured value and, below it, the weighted value w·v it adds (weight × value-function result).", "Jede Kriterienzelle zeigt den gemessenen Wert und darunter den gewichteten Beitrag w·v (Gewicht × Ergebnis der Wertfunktion).")))"
        if result.method != .wsm {
            html += " " + HTML.escape(t("With \(result.method.displayName) the score is not the sum of these contributions; they show where a site is strong.", "Bei \(result.method.displayName) ist der Wert nicht die Summe dieser Beiträge; sie zeigen, wo ein Standort stark ist."))
        }
        html += "</p>\n" + whyFirst()
        let planOrder = Dictionary(plannedSites.map { ($0.index, $0.site.order) }, uniquingKeysWith: { a, _ in a })
        html += "<table class=\"ranking\">\n<thead><tr><th class=\"num\">\(t("Rank", "Rang"))</th><th>\(t("Site", "Standort"))</th><th class=\"num\">\(t("Score", "Wert"))</th>"
        for (j, c) in result.criteria.enumerated() {
            html += "<th class=\"num\" title=\"\(HTML.escape(CriterionWording.label(c.criterion)))\">\(t("C", "K"))\(j + 1)<br><span class=\"id\">\(HTML.escape(c.id))</span></th>"
        }
        if options.plan != nil { html += "<th class=\"num\">\(t("Plan", "Plan"))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for s in top {
            html += "<tr><td class=\"num\">\(result.ranks[s]!)</td><td>\(HTML.escape(names[s]))"
            if names.field != nil { html += " <span class=\"id\">(\(HTML.escape(result.siteIDs[s].description)))</span>" }
            html += "</td><td class=\"num\">\(numbers.score(result.scores[s]!))</td>"
            for (j, column) in result.criteria.enumerated() {
                html += "<td class=\"num\">\(HTML.escape(wording.raw(column, site: s)))<span class=\"c\">\(contribution(j, s).map { numbers.decimal($0, digits: 3) } ?? "–")</span></td>"
            }
            if options.plan != nil {
                let cell: String
                if let order = planOrder[s] { cell = order.map { "P\($0)" } ?? "✓" } else { cell = "" }
                html += "<td class=\"num\">\(cell)</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"note\">" + result.criteria.enumerated().map { j, c in
            "\(t("C", "K"))\(j + 1) = \(HTML.escape(CriterionWording.label(c.criterion)))"
        }.joined(separator: "; ") + ".</p>\n"
        return html + "</section>\n"
    }

    /// "Why is #1 first": its weighted values against the runner-up's, largest differences first.
    func whyFirst() -> String {
        guard let first = top.first else { return "" }
        let name1 = names[first]
        let score1 = numbers.score(result.scores[first]!)
        guard top.count > 1 || result.eligibleIndices.count > 1 else {
            return "<p class=\"why\">\(HTML.escape(t("\(name1) is the only eligible site (score \(score1)).", "\(name1) ist der einzige zulässige Standort (Wert \(score1)).")))</p>\n"
        }
        let second = result.outputOrder[1]
        let name2 = names[second]
        let score2 = numbers.score(result.scores[second]!)
        let diffs = result.criteria.indices.map { j in (j, (contribution(j, first) ?? 0) - (contribution(j, second) ?? 0)) }
        let ahead = diffs.filter { $0.1 > 1e-12 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let behind = diffs.filter { $0.1 < -1e-12 }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        func item(_ d: (Int, Double)) -> String {
            let c = result.criteria[d.0]
            return "\(CriterionWording.label(c.criterion)) (\(wording.raw(c, site: first)) \(t("against", "gegenüber")) \(wording.raw(c, site: second)), \(d.1 >= 0 ? "+" : "−")\(numbers.decimal(abs(d.1), digits: 3)))"
        }
        var text = t("\(name1) is first with a score of \(score1), ahead of \(name2) (\(score2)). ",
                     "\(name1) liegt mit einem Wert von \(score1) vorn, vor \(name2) (\(score2)). ")
        if ahead.isEmpty {
            text += t("Its weighted values are nowhere higher than the runner-up’s; it wins on the method’s tie-break or its non-additive scoring.",
                      "Seine gewichteten Beiträge sind nirgends höher als die des Zweiten; er gewinnt durch die Reihungsregel bzw. die nicht-additive Bewertung des Verfahrens.")
        } else {
            text += t("It gains most on ", "Den größten Vorsprung hat er bei ") + ahead.prefix(2).map(item).joined(separator: t(" and ", " und ")) + ". "
            if let worst = behind.first {
                text += t("\(name2) is better on ", "\(name2) ist besser bei ") + item(worst)
                text += behind.count > 1 ? t(" and \(behind.count - 1) more criteria", " und \(behind.count - 1) weiteren Kriterien") : ""
                text += result.method == .wsm ? t(", which does not make up the difference.", ", was den Abstand nicht aufholt.") : "."
            } else {
                text += t("\(name2) is better on no criterion.", "\(name2) ist bei keinem Kriterium besser.")
            }
        }
        text += t(" (Figures in brackets: the measured values and the difference of the weighted values w·v.)",
                  " (In Klammern: die gemessenen Werte und der Unterschied der gewichteten Beiträge w·v.)")
        return "<h3>\(HTML.escape(t("Why is \(name1) first?", "Warum liegt \(name1) vorn?")))</h3>\n<p class=\"why\">\(HTML.escape(text))</p>\n"
    }
}
