import SiteScoring

extension HTMLReport {
    /// The scenario in words: what was scored, the criteria with value-function curves and weights, the AHP
    /// matrix and consistency, and the constraints with the number of sites each excluded.
    func scenarioSection() -> String {
        let scenario = result.scenario
        let n = result.siteIDs.count, eligible = result.eligibleIndices.count
        var html = "<section id=\"scenario\">\n<h2>\(t("What was scored", "Was bewertet wurde"))</h2>\n"
        let candidates = scenario.candidates.layer.path
        html += "<p>\(HTML.escape(t("\(numbers.integer(n)) candidate sites from \(candidates) were measured against \(scenario.layers.count) context layers in the working coordinate system \(result.workingCRS.definition). \(numbers.integer(n - eligible)) were excluded by the constraints below; \(numbers.integer(eligible)) were ranked with \(result.method.displayName) over \(result.criteria.count) criteria.", "\(numbers.integer(n)) Standorte aus \(candidates) wurden gegenüber \(scenario.layers.count) Kontextebenen im Arbeits-Koordinatensystem \(result.workingCRS.definition) gemessen. \(numbers.integer(n - eligible)) wurden durch die Bedingungen unten ausgeschlossen; \(numbers.integer(eligible)) wurden mit \(result.method.displayName) über \(result.criteria.count) Kriterien gereiht.")))</p>\n"

        html += "<h3>\(t("Criteria and weights", "Kriterien und Gewichte"))</h3>\n"
        html += "<p class=\"note\">\(HTML.escape(t("Each value function turns the measured value into a value between 0 (worst) and 1 (best); the small chart shows it over the range of the data, with a tick for every ranked site.", "Jede Wertfunktion macht aus dem gemessenen Wert einen Wert zwischen 0 (schlechtester) und 1 (bester); die kleine Grafik zeigt sie über den Bereich der Daten, mit einem Strich für jeden bewerteten Standort.")))</p>\n"
        html += "<table class=\"criteria\">\n<thead><tr><th></th><th>\(t("Criterion", "Kriterium"))</th><th>\(t("Measured", "Gemessen"))</th><th>\(t("Value function", "Wertfunktion"))</th><th class=\"num\">\(t("Weight", "Gewicht"))</th></tr></thead>\n<tbody>\n"
        let eligibleSites = result.eligibleIndices
        for (j, column) in result.criteria.enumerated() {
            let c = column.criterion
            let curve = ValueFunctionCurve(criterion: c, observed: column.text == nil ? eligibleSites.map { column.raw[$0] } : [],
                                           observedText: column.text.map { text in eligibleSites.compactMap { text[$0] } } ?? [],
                                           wording: wording)
            html += "<tr><td>\(t("C", "K"))\(j + 1)</td><td><strong>\(HTML.escape(CriterionWording.label(c)))</strong><br><span class=\"id\">\(HTML.escape(c.id))</span></td>"
            let unit = wording.unit(c)
            html += "<td>\(HTML.escape(wording.measure(c)))<br><span class=\"id\">\(unit == "–" ? "" : HTML.escape(t("unit", "Einheit")) + ": " + HTML.escape(unit) + " · ")\(HTML.escape(wording.direction(c)))</span></td>"
            html += "<td>\(curve.svg())<br><span class=\"id\">\(HTML.escape(wording.valueFunction(c)))</span></td>"
            html += "<td class=\"num\">\(numbers.percent(result.weights[j], digits: 1))"
            if let w = c.weight { html += "<span class=\"c\">\(t("given", "angegeben")) \(numbers.measure(w))</span>" }
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let ahp = result.ahp { html += ahpBlock(ahp) } else {
            html += "<p class=\"note\">\(HTML.escape(t("Weights were given directly in the scenario and divided by their sum.", "Die Gewichte sind im Szenario direkt angegeben und durch ihre Summe geteilt.")))</p>\n"
        }

        html += "<h3>\(t("Constraints", "Ausschlussbedingungen"))</h3>\n"
        let counts = Dictionary(result.exclusionCounts.map { ($0.reason, $0.count) }, uniquingKeysWith: +)
        var rows: [(String, String, Int)] = scenario.constraints.map { ($0.id, wording.constraint($0), counts[$0.id] ?? 0) }
        for (reason, count) in result.exclusionCounts where reason.hasPrefix("missing:") {
            rows.append((reason, wording.exclusionReason(reason, scenario: scenario), count))
        }
        if rows.isEmpty {
            html += "<p>\(t("No constraints: every candidate was ranked.", "Keine Ausschlussbedingungen: jeder Standort wurde bewertet."))</p>\n"
        } else {
            html += "<table>\n<thead><tr><th>\(t("Constraint", "Bedingung"))</th><th>\(t("Rule", "Regel"))</th><th class=\"num\">\(t("Sites excluded", "Ausgeschlossene Standorte"))</th></tr></thead>\n<tbody>\n"
            for (id, rule, count) in rows {
                html += "<tr><td class=\"mono\">\(HTML.escape(id))</td><td>\(HTML.escape(rule))</td><td class=\"num\">\(numbers.integer(count))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
            let multiple = result.exclusions.filter { $0.count > 1 }.count
            if multiple > 0 {
                html += "<p class=\"note\">\(HTML.escape(t("\(numbers.integer(multiple)) sites fail more than one constraint and are counted in each row.", "\(numbers.integer(multiple)) Standorte verletzen mehrere Bedingungen und sind in jeder Zeile gezählt.")))</p>\n"
            }
        }
        return html + "</section>\n"
    }

    /// The AHP pairwise matrix, λmax, CI and the consistency ratio.
    func ahpBlock(_ ahp: AHPResult) -> String {
        var html = "<h3>\(t("Weights by pairwise comparison (AHP)", "Gewichte aus Paarvergleichen (AHP)"))</h3>\n"
        let ok = ahp.cr <= 0.1
        html += "<p>\(HTML.escape(t("The weights come from pairwise judgements on Saaty’s 1–9 scale (a cell says how many times more important the row’s criterion is than the column’s). Consistency ratio CR = \(numbers.decimal(ahp.cr, digits: 4)) (λmax = \(numbers.decimal(ahp.lambdaMax, digits: 4)), CI = \(numbers.decimal(ahp.ci, digits: 4)), RI = \(numbers.decimal(ahp.ri, digits: 2))); \(ok ? "below 0.1, so the judgements are acceptably consistent" : "above 0.1: the judgements contradict each other and should be revised").", "Die Gewichte stammen aus Paarvergleichen auf Saatys Skala 1–9 (eine Zelle sagt, wie viel wichtiger das Kriterium der Zeile als das der Spalte ist). Konsistenzverhältnis CR = \(numbers.decimal(ahp.cr, digits: 4)) (λmax = \(numbers.decimal(ahp.lambdaMax, digits: 4)), CI = \(numbers.decimal(ahp.ci, digits: 4)), RI = \(numbers.decimal(ahp.ri, digits: 2))); \(ok ? "unter 0,1, die Urteile sind also ausreichend widerspruchsfrei" : "über 0,1: die Urteile widersprechen sich und sollten überarbeitet werden").")))</p>\n"
        html += "<table class=\"matrix\">\n<thead><tr><th></th>"
        for j in ahp.criteria.indices { html += "<th>\(t("C", "K"))\(j + 1)</th>" }
        html += "<th class=\"num\">\(t("Weight", "Gewicht"))</th></tr></thead>\n<tbody>\n"
        for (i, id) in ahp.criteria.enumerated() {
            html += "<tr><th title=\"\(HTML.escape(id))\">\(t("C", "K"))\(i + 1)</th>"
            for j in ahp.criteria.indices { html += "<td>\(HTML.escape(judgement(ahp.matrix[i][j])))</td>" }
            html += "<td class=\"num\">\(numbers.percent(ahp.weights[i], digits: 1))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A matrix entry as a judgement: 3, 1/3, or a decimal for aggregated group judgements.
    func judgement(_ v: Double) -> String {
        if abs(v - v.rounded()) < 1e-9 { return numbers.integer(Int(v.rounded())) }
        let inverse = 1 / v
        if abs(inverse - inverse.rounded()) < 1e-9 { return "1/\(Int(inverse.rounded()))" }
        return numbers.decimal(v, digits: 2)
    }
}
