import ArgumentParser
import Foundation
import GeoCore
import Reporting
import SiteScoring

extension ReportLanguage: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report for people: map, criteria in words, top sites, methods, provenance.",
        discussion: """
        One HTML file with inline CSS and SVG, no scripts and no network requests: attach it to an e-mail or \
        print it to PDF from a browser (A4). --sensitivity embeds a directory written by `standort sensitivity` \
        (same scenario and method), --plan a plan.geojson written by `standort plan`. See docs/report.md.
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .shortAndLong, help: "The HTML file to write (written completely or not at all).")
    var out: String = "report.html"

    @Option(help: "Language of the report's text (labels from the scenario are shown as written).")
    var lang: ReportLanguage = .en

    @Option(help: "Sites in the table and labelled on the map.")
    var top: Int = 20

    @Option(help: "Override the scenario's aggregation method.")
    var method: AggregationMethod?

    @Option(help: "A directory written by `standort sensitivity` for this scenario, to embed.")
    var sensitivity: String?

    @Option(help: "A plan.geojson written by `standort plan` for this scenario, to draw and describe.")
    var plan: String?

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if !["html", "htm"].contains(URL(fileURLWithPath: out).pathExtension.lowercased()) {
            throw ValidationError("--out must end in .html (the report is one HTML file)")
        }
    }

    func run() throws {
        try reportingErrors {
            let pipeline = try ScenarioPipeline(options)
            let outURL = URL(fileURLWithPath: out)
            let planURL = plan.map { URL(fileURLWithPath: $0) }
            let sensitivityURL = sensitivity.map { URL(fileURLWithPath: $0, isDirectory: true) }
            let protected = pipeline.scenario.inputURLs + [planURL].compactMap { $0 }
            try AtomicFileWriter.checkDestination(outURL, protecting: protected)
            // The scenario's report settings and the extra inputs are read before the run, so a typo fails at once.
            let settings = try ReportSettings(pipeline.scenario)
            let networkPlan = try reportInput { try planURL.map { try NetworkPlan.read(contentsOf: $0, idField: pipeline.scenario.candidates.idField) } }
            let findings = try reportInput { try sensitivityURL.map { try SensitivityFindings.read(directory: $0) } }

            let result = try pipeline.run(method: method, outputs: [outURL], keepsContextLayers: true)
            let reportOptions = ReportOptions(language: lang, top: top, scenarioPath: pipeline.scenarioURL.path, version: Standort.version,
                                              settings: settings, plan: networkPlan, sensitivity: findings)
            let html = try reportInput { try HTMLReport(result: result, options: reportOptions).render() }
            try AtomicFileWriter().write(Array(html.utf8), to: outURL, protecting: protected)
            pipeline.terminal.info("wrote \(outURL.path)")
        }
    }

    /// Runs `body`, turning a `ReportError` into the command's error with its exit status (66 for a missing file).
    private func reportInput<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ReportError {
            if case .notFound = e.reason { throw CommandError(message: e.description, status: ExitStatus.noInput) }
            throw CommandError(message: e.description, status: ExitStatus.dataError)
        }
    }
}
