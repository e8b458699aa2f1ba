import GeoCore
import SiteScoring

extension HTMLReport {
    /// Every input file: layer, file, features, CRS, the licence line and derivation its file carries, SHA-256.
    func provenanceSection() -> String {
        var html = "<section id=\"provenance\">\n<h2>\(t("Data and licences", "Daten und Lizenzen"))</h2>\n"
        html += "<p>\(HTML.escape(t("Every file this report was computed from. The licence line and derivation are taken from the file where it records them (GeoJSON members “attribution” and “derivation”).", "Alle Dateien, aus denen dieser Bericht berechnet wurde. Lizenzzeile und Herkunft stammen aus der Datei, wo sie dort vermerkt sind (GeoJSON-Member „attribution“ und „derivation“).")))</p>\n"
        html += "<table>\n<thead><tr><th>\(t("Layer", "Ebene"))</th><th>\(t("File", "Datei"))</th><th class=\"num\">\(t("Features", "Objekte"))</th><th>\(t("Source and licence", "Quelle und Lizenz"))</th></tr></thead>\n<tbody>\n"
        for input in result.inputs {
            let summary = result.layers.first { $0.name == input.layer }
            html += "<tr><td class=\"mono\">\(HTML.escape(input.layer))</td><td><span class=\"mono\">\(HTML.escape(input.path))</span>"
            if let crs = summary?.crs { html += "<br><span class=\"id\">\(HTML.escape(crs.definition))</span>" }
            html += "<br><span class=\"id mono hash\">SHA-256 \(HTML.escape(input.sha256))</span></td>"
            html += "<td class=\"num\">\(summary.map { numbers.integer($0.featureCount) } ?? "–")</td><td>"
            if let a = input.attribution { html += "\(HTML.escape(a))" } else { html += "<span class=\"id\">\(t("no source statement in the file", "keine Quellenangabe in der Datei"))</span>" }
            if let d = input.derivation { html += "<br><span class=\"id\">\(HTML.escape(d))</span>" }
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        let approx = result.candidates.filter { if case .bool(true)? = $0.properties["approx"] { return true } else { return false } }.count
        if approx > 0 {
            html += "<p class=\"note\">\(HTML.escape(t("\(numbers.integer(approx)) of \(numbers.integer(result.candidates.count)) candidate sites are marked approximate (property “approx”): positions or figures are estimates, fit for learning the method, not for a decision.", "\(numbers.integer(approx)) von \(numbers.integer(result.candidates.count)) Standorten sind als Näherung markiert (Attribut „approx“): Lagen oder Zahlen sind Schätzungen, geeignet zum Erlernen der Methode, nicht für eine Entscheidung.")))</p>\n"
        }
        for line in options.settings.attribution { html += "<p class=\"attribution\">\(HTML.escape(line))</p>\n" }
        return html + "</section>\n"
    }

    /// The run manifest (as `standort score` writes it into the ranked GeoJSON).
    func manifestSection() -> String {
        let manifest = result.manifest(scenarioPath: options.scenarioPath, version: options.version)
        var html = "<section id=\"manifest\">\n<h2>\(t("Run manifest", "Protokoll des Laufs"))</h2>\n"
        html += "<p>\(HTML.escape(t("With the same scenario and input files (same SHA-256), Standort \(options.version) reproduces this report byte for byte.", "Mit demselben Szenario und denselben Eingabedateien (gleiche SHA-256) erzeugt Standort \(options.version) diesen Bericht Byte für Byte neu.")))</p>\n"
        var rows: [(String, String)] = [
            (t("Standort version", "Standort-Version"), options.version),
            (t("Scenario", "Szenario"), result.scenario.name),
            (t("Scenario file", "Szenariodatei"), options.scenarioPath),
            (t("Scenario SHA-256", "SHA-256 des Szenarios"), result.scenario.sourceSHA256 ?? "–"),
            (t("Method", "Verfahren"), result.method.displayName),
            (t("Working CRS", "Arbeits-KBS"), result.workingCRS.definition),
            (t("Weights", "Gewichte"), zip(result.criteria, result.weights).map { "\($0.id) \(numbers.decimal($1, digits: 4))" }.joined(separator: ", ")),
        ]
        if let ahp = result.ahp { rows.append((t("AHP consistency ratio", "AHP-Konsistenzverhältnis"), numbers.decimal(ahp.cr, digits: 4))) }
        if let plan = options.plan { rows.append((t("Plan", "Plan"), "\(plan.model ?? "–"), \(numbers.integer(plan.sites.count)) \(t("sites", "Standorte"))")) }
        if let f = options.sensitivity {
            let seed = (f.summary["montecarlo"] as? [String: Any])?["seed"] ?? (f.summary["smaa"] as? [String: Any])?["seed"]
            rows.append((t("Sensitivity", "Sensitivität"), ((f.summary["methods"] as? [String]) ?? []).joined(separator: ", ") + (seed.map { ", seed \($0)" } ?? "")))
        }
        html += "<table>\n<tbody>\n" + rows.map { "<tr><th>\(HTML.escape($0.0))</th><td class=\"mono hash\">\(HTML.escape($0.1))</td></tr>\n" }.joined() + "</tbody>\n</table>\n"
        html += "<pre>\(HTML.escape(JSONValue.object(manifest).jsonText))</pre>\n"
        return html + "</section>\n"
    }
}
