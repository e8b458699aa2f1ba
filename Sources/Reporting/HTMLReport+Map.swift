import GeoCore
import SiteScoring

extension HTMLReport {
    /// The map with its legend and the attribution of the data shown.
    func mapSection() -> String {
        var planned: [(position: Position, order: Int?, site: Int?)] = []
        if let plan = options.plan {
            // Planned sites are drawn at the run's own reference points (the same working-CRS positions as the dots).
            planned = plannedSites.map { (result.referencePoints[$0.index], $0.site.order, $0.index) }
            _ = plan
        }
        let map = ReportMap(result: result, names: names, classes: classes, top: top, planned: planned,
                            planRadius: options.plan?.radius, language: language)
        let (svg, legend, shown) = map.render()
        var html = "<section id=\"map\">\n<h2>\(t("Map", "Karte"))</h2>\n<figure>\n\(svg)\n"
        html += "<figcaption>\(HTML.escape(t("Candidate sites coloured by score class (quantiles of the ranked sites); the top \(top.count) are numbered by rank. North is up; coordinates in the working CRS \(result.workingCRS.definition).", "Standorte nach Wertklasse eingefärbt (Quantile der bewerteten Standorte); die besten \(top.count) tragen ihren Rang. Norden oben; Koordinaten im Arbeits-KBS \(result.workingCRS.definition).")))</figcaption>\n"
        html += legend + "\n</figure>\n"
        html += attribution(shownLayers: ["candidates"] + shown)
        return html + "</section>\n"
    }

    /// Attribution lines: each shown layer's `attribution` member (once each), then the scenario's own lines;
    /// layers whose file names no source are listed so the reader knows to look at the provenance.
    func attribution(shownLayers: [String]) -> String {
        var lines: [String] = []
        var without: [String] = []
        for name in shownLayers {
            guard let input = result.inputs.first(where: { $0.layer == name }) else { continue }
            if let a = input.attribution {
                if !lines.contains(a) { lines.append(a) }
            } else {
                without.append(name)
            }
        }
        lines += options.settings.attribution.filter { !lines.contains($0) }
        var html = ""
        for line in lines { html += "<p class=\"attribution\">\(HTML.escape(line))</p>\n" }
        if !without.isEmpty {
            html += "<p class=\"attribution\">\(HTML.escape(t("Also shown, without a source statement in the file: ", "Außerdem dargestellt, ohne Quellenangabe in der Datei: ") + without.joined(separator: ", ") + t(" (see “Data and licences”).", " (siehe „Daten und Lizenzen“).")))</p>\n"
        }
        return html
    }
}
