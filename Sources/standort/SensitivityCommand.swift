import ArgumentParser
import Foundation
import GeoCore
import Sensitivity
import SiteScoring

/// Which analyses `standort sensitivity` runs.
enum SensitivityAnalysis: String, ExpressibleByArgument, CaseIterable {
    case oat
    case montecarlo
    case smaa
    case all
}

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "How stable is the ranking when the weights move? OAT sweeps, Monte Carlo, SMAA-2, with plots.",
        discussion: """
        The spatial criteria are computed once; only the aggregation is repeated. Sampling is seeded and \
        independent of the thread count: the same seed gives byte-identical files. DIR is created complete \
        or not at all. See docs/sensitivity.md.
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .shortAndLong, help: "Output directory (must not exist or be empty, unless --replace).")
    var out: String

    @Option(help: "Analyses to run.")
    var analysis: SensitivityAnalysis = .all

    @Option(help: "Aggregation method to analyse (default: the scenario's).")
    var method: AggregationMethod?

    @Option(help: "Weight vectors drawn for Monte Carlo and SMAA.")
    var samples: Int = 10_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Monte Carlo: each weight is multiplied by a factor uniform in [1 − spread, 1 + spread].")
    var spread: Double = 0.25

    @Option(help: "Size of the top set (top-N probabilities, stability of the top set, SMAA ranks).")
    var top: Int = 10

    @Option(help: "OAT grid step for a criterion's weight.")
    var step: Double = 0.05

    @Flag(help: "SMAA: sample only weight vectors that keep the order of the scenario's weights.")
    var ordinal = false

    @Flag(help: "Replace an existing non-empty output directory.")
    var replace = false

    func validate() throws {
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
        if !(0..<1).contains(spread) { throw ValidationError("--spread must be in [0, 1)") }
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if !(step > 0 && step <= 1) { throw ValidationError("--step must be in (0, 1]") }
    }

    func run() throws {
        try reportingErrors {
            let pipeline = try ScenarioPipeline(options)
            let (terminal, scenarioURL, scenario) = (pipeline.terminal, pipeline.scenarioURL, pipeline.scenario)
            let outURL = URL(fileURLWithPath: out)
            // The destination is checked before the long run: parent writable, not an input, empty unless --replace.
            try AtomicDirectoryWriter.checkDestination(outURL, replacingExisting: replace, protecting: scenario.inputURLs)
            let progress = terminal.progressReporter()
            let result = try pipeline.run(method: method)
            let eligible = result.eligibleIndices
            guard eligible.count >= 2 else {
                throw CommandError(message: "\(scenarioURL.path): only \(eligible.count) site(s) are eligible; a sensitivity analysis needs at least 2", status: ExitStatus.dataError)
            }
            let problem = try SensitivityProblem(
                siteIDs: eligible.map { result.siteIDs[$0] }, criterionIDs: result.criteria.map(\.criterion.id),
                weights: result.weights, model: result.scoringModel(threads: pipeline.workerCount)
            )
            let top = min(self.top, eligible.count)
            func stage(_ name: String) -> (@Sendable (Double) -> Void)? {
                guard let progress else { return nil }
                let report: @Sendable (Double) -> Void = { fraction in progress(name, fraction) }
                return report
            }
            let runsOAT = analysis == .oat || analysis == .all
            let runsMC = analysis == .montecarlo || analysis == .all
            let runsSMAA = analysis == .smaa || analysis == .all
            let oat = runsOAT ? try OneAtATime.run(problem, step: step, top: top) : nil
            let mc = runsMC ? try MonteCarlo.run(problem, samples: samples, seed: seed, spread: spread, top: top, threads: options.threads, progress: stage("monte carlo")) : nil
            let smaa = runsSMAA ? try SMAA.run(problem, samples: samples, seed: seed, top: top, ordinal: ordinal, threads: options.threads, progress: stage("smaa")) : nil
            terminal.finishProgress()
            let report = SensitivityReport(
                problem: problem, modelName: result.method.rawValue, oat: oat, monteCarlo: mc, smaa: smaa,
                siteLabels: Dictionary(uniqueKeysWithValues: zip(result.siteIDs, result.siteLabels).compactMap { id, label in label.map { (id, $0) } }),
                criterionLabels: Dictionary(uniqueKeysWithValues: result.criteria.compactMap { c in c.criterion.label.map { (c.id, $0) } })
            )

            // The ranked sites with the per-site sensitivity figures added.
            var collection = try result.rankedCollection(scenarioPath: scenarioURL.path, version: Standort.version)
            let perSite = report.siteProperties()
            for (k, s) in result.outputOrder.enumerated() {
                guard let extra = perSite[result.siteIDs[s]] else { continue }
                for (key, value) in extra.members { collection.features[k].properties[key] = value }
            }
            let geojson = try GeoJSONWriter().encode(collection)

            let files = try report.files()
            try AtomicDirectoryWriter.write(to: outURL, replacingExisting: replace) { dir in
                let writer = AtomicFileWriter()
                try writer.write(geojson, to: dir.appendingPathComponent("sensitivity.geojson"))
                for file in files {
                    try writer.write(file.contents, to: dir.appendingPathComponent(file.name))
                }
            }
            if !options.quiet {
                if let summary = files.first(where: { $0.name == "summary.md" }) {
                    print(String(decoding: summary.contents, as: UTF8.self))
                }
                terminal.info("wrote \(outURL.path)/")
            }
        }
    }
}
