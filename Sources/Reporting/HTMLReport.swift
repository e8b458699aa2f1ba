import Foundation
import GeoCore
import SiteScoring

/// The report a council reads: one self-contained HTML file (inline CSS and SVG, no scripts, no network
/// requests) with a map, the scenario in words, the top-N table and why the first site is first, optionally
/// the sensitivity findings and a network plan, the methods, data provenance and the run manifest.
///
/// Deterministic: the same result and options give byte-identical HTML (no clock, no locale, no random ids).
public struct HTMLReport {
    let result: ScoringResult
    let options: ReportOptions
    let names: SiteNames
    let classes: ScoreClasses?
    /// The top N site indices, best first.
    let top: [Int]
    /// The plan's sites matched to the run's site indices.
    let plannedSites: [(site: NetworkPlan.Site, index: Int)]

    var language: ReportLanguage { options.language }
    var numbers: NumberStyle { options.language.numbers }
    var wording: CriterionWording { CriterionWording(language: options.language) }
    func t(_ en: String, _ de: String) -> String { options.language.pick(en, de) }

    /// Prepares a report of `result`.
    /// - Throws: ``ReportError/Reason/mismatch(detail:)`` when the plan names sites the run does not have, or
    ///   the sensitivity run was made for other sites, another method or other weights.
    public init(result: ScoringResult, options: ReportOptions) throws {
        self.result = result
        self.options = options
        names = SiteNames(result, labelField: options.settings.labelField)
        classes = ScoreClasses(scores: result.eligibleIndices.map { result.scores[$0]! })
        top = Array(result.outputOrder.prefix { result.ranks[$0] != nil }.prefix(max(0, options.top)))
        var indexByID: [SiteID: Int] = [:]
        for (i, id) in result.siteIDs.enumerated() { indexByID[id] = i }
        var planned: [(NetworkPlan.Site, Int)] = []
        if let plan = options.plan {
            for site in plan.sites {
                guard let i = indexByID[site.id] else {
                    throw ReportError(.mismatch(detail: "the plan selects site '\(site.id)', which this scenario does not have"), path: "--plan")
                }
                planned.append((site, i))
            }
        }
        plannedSites = planned
        if let findings = options.sensitivity { try Self.check(findings, against: result) }
    }

    /// The sensitivity run must be of the same eligible sites, method, weights and current winner.
    static func check(_ f: SensitivityFindings, against result: ScoringResult) throws {
        let eligible = result.eligibleIndices
        if let model = f.model, model != result.method.rawValue {
            throw ReportError(.mismatch(detail: "the sensitivity analysis used the method '\(model)', this report '\(result.method.rawValue)'"), path: "--sensitivity")
        }
        if let n = f.siteCount, n != eligible.count {
            throw ReportError(.mismatch(detail: "the sensitivity analysis ranked \(n) sites, this run \(eligible.count)"), path: "--sensitivity")
        }
        if let first = f.currentFirst, let s = result.outputOrder.first, result.ranks[s] != nil, first != result.siteIDs[s].description {
            throw ReportError(.mismatch(detail: "the sensitivity analysis had site '\(first)' first, this run '\(result.siteIDs[s])'"), path: "--sensitivity")
        }
        if let weights = f.weights {
            for (j, c) in result.criteria.enumerated() {
                guard let w = weights[c.id], abs(w - result.weights[j]) <= 1e-6 else {
                    throw ReportError(.mismatch(detail: "the sensitivity analysis had other weights (criterion '\(c.id)')"), path: "--sensitivity")
                }
            }
        }
    }

    /// The whole HTML document.
    public func render() -> String {
        let title = options.settings.title ?? result.scenario.name
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.htmlCode)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"standort \(HTML.escape(options.version))\">\n"
        html += "<title>\(HTML.escape(title))</title>\n<style>\n\(ReportStyle.css)</style>\n</head>\n<body>\n"
        html += "<header>\n<p class=\"kicker\">\(t("Site-selection report", "Standortbericht")) · Standort \(HTML.escape(options.version))</p>\n"
        html += "<h1>\(HTML.escape(title))</h1>\n"
        if let d = result.scenario.description { html += "<p class=\"lead\">\(HTML.escape(d))</p>\n" }
        html += keyFigures() + "</header>\n"
        html += contents()
        html += "<main>\n"
        html += mapSection()
        html += rankingSection()
        html += scenarioSection()
        if options.plan != nil { html += planSection() }
        if options.sensitivity != nil { html += sensitivitySection() }
        html += methodSection()
        html += provenanceSection()
        html += manifestSection()
        html += "</main>\n<footer><p>\(t("Written by", "Erstellt mit")) standort \(HTML.escape(options.version)) · \(t("scenario", "Szenario")) \(HTML.escape(result.scenario.name))</p></footer>\n"
        html += "</body>\n</html>\n"
        return html
    }

    func keyFigures() -> String {
        let n = result.siteIDs.count, eligible = result.eligibleIndices.count
        var items = [
            (t("candidate sites", "Standorte geprüft"), numbers.integer(n)),
            (t("ranked", "bewertet"), numbers.integer(eligible)),
            (t("excluded", "ausgeschlossen"), numbers.integer(n - eligible)),
            (t("criteria", "Kriterien"), numbers.integer(result.criteria.count)),
            (t("method", "Verfahren"), result.method.displayName + (result.ahp != nil ? " + AHP" : "")),
        ]
        if let s = top.first { items.append((t("first", "Platz 1"), names[s])) }
        return "<dl class=\"figures\">" + items.map { "<div><dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd></div>" }.joined() + "</dl>\n"
    }

    func contents() -> String {
        var entries = [("map", t("Map", "Karte")), ("ranking", t("Top \(top.count)", "Die besten \(top.count)")),
                       ("scenario", t("What was scored", "Was bewertet wurde"))]
        if options.plan != nil { entries.append(("plan", t("Network plan", "Netzplan"))) }
        if options.sensitivity != nil { entries.append(("sensitivity", t("How stable is the ranking?", "Wie stabil ist die Rangfolge?"))) }
        entries += [("method", t("Methods", "Methoden")), ("provenance", t("Data and licences", "Daten und Lizenzen")),
                    ("manifest", t("Run manifest", "Protokoll des Laufs"))]
        return "<nav><ol>" + entries.map { "<li><a href=\"#\($0.0)\">\(HTML.escape($0.1))</a></li>" }.joined() + "</ol></nav>\n"
    }

    /// The weighted value wⱼ·vⱼ of criterion `j` for site `s` (nil when excluded).
    func contribution(_ j: Int, _ s: Int) -> Double? {
        result.criteria[j].values[s].map { result.weights[j] * $0 }
    }
}
