extension HTMLReport {
    /// The sensitivity findings: rank stability of the top sites in plain language, the charts, the summary.
    func sensitivitySection() -> String {
        guard let f = options.sensitivity else { return "" }
        var html = "<section id=\"sensitivity\">\n<h2>\(t("How stable is the ranking?", "Wie stabil ist die Rangfolge?"))</h2>\n"
        html += "<p>\(HTML.escape(t("Weights are judgements. The sensitivity analysis repeats the ranking with other weights and shows which results hold.", "Gewichte sind Einschätzungen. Die Sensitivitätsanalyse wiederholt die Reihung mit anderen Gewichten und zeigt, welche Ergebnisse halten.")))</p>\n"
        html += stability(f)
        let captions: [String: String] = [
            "stability_tornado.svg": t("Weight ranges within which the first site stays first (dark) and the top set stays the same (light), per criterion; the line marks the scenario’s weight.",
                                       "Gewichtsbereiche, in denen der erste Standort vorn bleibt (dunkel) und die Spitzengruppe gleich bleibt (hell), je Kriterium; der Strich markiert das Gewicht des Szenarios."),
            "oat_ranks.svg": t("Rank of the top sites as one weight moves from 0 to 1 while the others keep their ratios.",
                               "Rang der besten Standorte, wenn ein Gewicht von 0 bis 1 wandert und die übrigen ihr Verhältnis behalten."),
            "smaa_acceptability.svg": t("SMAA-2 rank acceptability: how often each site takes each rank over all possible weights.",
                                        "SMAA-2-Rangakzeptanz: wie oft jeder Standort über alle möglichen Gewichte jeden Rang einnimmt."),
        ]
        for chart in f.charts {
            html += "<figure class=\"chart\">\n\(chart.svg)\n<figcaption>\(HTML.escape(captions[chart.name] ?? chart.name)) <span class=\"mono\">(\(HTML.escape(chart.name)))</span></figcaption>\n</figure>\n"
        }
        if let md = f.summaryMarkdown {
            html += "<h3>\(t("Summary of the analysis", "Zusammenfassung der Analyse"))</h3>\n"
            if language == .de { html += "<p class=\"note\">Wortlaut von <span class=\"mono\">summary.md</span> (englisch), Standorte mit ihrer Kennung.</p>\n" }
            html += "<div class=\"md\" lang=\"en\">\n\(MarkdownLite.html(md))</div>\n"
        }
        return html + "</section>\n"
    }

    /// The top sites' Monte Carlo and SMAA figures in sentences.
    func stability(_ f: SensitivityFindings) -> String {
        let listed = top.prefix(5).filter { f.sites[result.siteIDs[$0].description] != nil }
        guard !listed.isEmpty else { return "" }
        let mc = f.summary["montecarlo"] as? [String: Any]
        let spread = mc?["spread"] as? Double
        let n = f.monteCarloTop.map(numbers.integer) ?? "N"
        var intro = t("Rank stability of the leading sites", "Rangstabilität der führenden Standorte")
        if let samples = f.monteCarloSamples, let spread {
            intro += t(" (Monte Carlo, \(numbers.integer(samples)) draws, every weight varied by up to ±\(numbers.percent(spread)))",
                       " (Monte Carlo, \(numbers.integer(samples)) Ziehungen, jedes Gewicht um bis zu ±\(numbers.percent(spread)) variiert)")
        }
        var html = "<h3>\(HTML.escape(intro))</h3>\n<ul>\n"
        for s in listed {
            let st = f.sites[result.siteIDs[s].description]!
            var text = t("Rank \(result.ranks[s]!), \(names[s]): ", "Rang \(result.ranks[s]!), \(names[s]): ")
            var parts: [String] = []
            if let p1 = st.pRank1, let pt = st.pTopN {
                parts.append(t("first in \(numbers.percent(p1)) of the draws, in the top \(n) in \(numbers.percent(pt))",
                               "in \(numbers.percent(p1)) der Ziehungen vorn, in \(numbers.percent(pt)) unter den besten \(n)"))
            }
            if let a = st.rankP05, let b = st.rankP95 {
                parts.append(a == b ? t("rank \(numbers.measure(a)) in at least \(numbers.percent(0.9)) of the draws", "in mindestens \(numbers.percent(0.9)) der Ziehungen auf Rang \(numbers.measure(a))")
                                    : t("rank between \(numbers.measure(a)) and \(numbers.measure(b)) in \(numbers.percent(0.9)) of the draws", "in \(numbers.percent(0.9)) der Ziehungen zwischen Rang \(numbers.measure(a)) und \(numbers.measure(b))"))
            }
            if let b1 = st.smaaFirst {
                parts.append(t("first for \(numbers.percent(b1)) of all possible weightings (SMAA)", "für \(numbers.percent(b1)) aller denkbaren Gewichtungen vorn (SMAA)"))
            }
            text += parts.joined(separator: "; ")
            if let pt = st.pTopN {
                text += " — " + (pt >= 0.95 ? t("safely in the top \(n)", "sicher unter den besten \(n)")
                                 : pt >= 0.75 ? t("probably in the top \(n)", "wahrscheinlich unter den besten \(n)")
                                 : t("whether it stays in the top \(n) depends on the weights", "ob er unter den besten \(n) bleibt, hängt von den Gewichten ab"))
            }
            html += "<li>\(HTML.escape(text + "."))</li>\n"
        }
        return html + "</ul>\n"
    }
}
