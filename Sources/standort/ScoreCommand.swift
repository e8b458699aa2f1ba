import ArgumentParser
import Foundation
import GeoCore
import SiteScoring

/// Output formats of `standort score`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson
    case csv
}

extension AggregationMethod: ExpressibleByArgument {}

/// Options every scenario command shares.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "A scenario file (YAML/JSON) or the name of a shipped scenario (default: \(ShippedScenarios.defaultName)).")
    var scenario: String?

    @Flag(name: .shortAndLong, help: "No progress and no summary on stderr (errors and warnings are still printed).")
    var quiet = false

    @Option(help: "Worker threads (default: all cores). Results are identical for any value.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }
}

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score and rank a scenario's candidate sites; write ranked GeoJSON (RFC 7946) or CSV."
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .shortAndLong, help: "The output file (written completely or not at all).")
    var out: String = "ranked.geojson"

    @Option(help: "Override the scenario's aggregation method.")
    var method: AggregationMethod?

    @Option(help: "Rows of the summary table on stdout.")
    var top: Int = 10

    @Option(help: "Output format.")
    var format: OutputFormat?

    @Option(help: "Coordinate decimals in GeoJSON output (7 ≈ 1 cm).")
    var precision: Int = 7

    @Option(help: "Write stage timings (seconds) as JSON to this file.")
    var timings: String?

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be zero or positive") }
        if !(0...15).contains(precision) { throw ValidationError("--precision must be between 0 and 15") }
    }

    func run() throws {
        try reportingErrors {
            let terminal = Terminal(quiet: options.quiet)
            let clock = ContinuousClock()
            let start = clock.now
            let scenarioURL = try ShippedScenarios.resolve(options.scenario)
            let scenario = try ScenarioLoader.load(contentsOf: scenarioURL)
            let outURL = URL(fileURLWithPath: out)
            let format = self.format ?? (outURL.pathExtension.lowercased() == "csv" ? .csv : .geojson)

            // Output directories are checked before the run: a bad path fails at once, and a bad --timings
            // path cannot fail after the output has been written.
            try OutputDirectory.check(outURL)
            if let timings { try OutputDirectory.check(URL(fileURLWithPath: timings)) }
            var stages = StageTimings()
            let runOptions = RunOptions(method: method, threads: options.threads, progress: terminal.progressReporter())
            let result = try ScenarioRunner.run(scenario, options: runOptions, timings: &stages)
            terminal.finishProgress()
            result.warnings.forEach(terminal.warning)

            let writeStart = clock.now
            let usedMethod = method ?? scenario.method
            let parts: [[UInt8]]
            switch format {
            case .geojson:
                parts = try result.rankedGeoJSONParts(scenarioPath: scenarioURL.path, method: usedMethod, version: Standort.version,
                                                      coordinateDecimals: precision, threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount)
            case .csv:
                parts = [try result.rankedCSV()]
            }
            try AtomicFileWriter().write(parts: parts, to: outURL, protecting: scenario.inputURLs)
            let writeSeconds = (clock.now - writeStart).seconds

            if let timings {
                let total = (clock.now - start).seconds
                let json = String(format: "{\"read\": %.6f, \"transform\": %.6f, \"criteria\": %.6f, \"aggregate\": %.6f, \"write\": %.6f, \"total\": %.6f}\n",
                                  stages.read, stages.transform, stages.criteria, stages.aggregate, writeSeconds, total)
                try AtomicFileWriter().write(Array(json.utf8), to: URL(fileURLWithPath: timings), protecting: scenario.inputURLs)
            }
            if !options.quiet {
                print(SummaryTable.render(result, top: top, method: usedMethod))
                terminal.info("wrote \(outURL.path)")
            }
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// Early checks of an output path's directory, with the same errors the atomic writer gives.
enum OutputDirectory {
    static func check(_ file: URL) throws {
        let directory = file.standardizedFileURL.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError.directoryNotFound(path: directory)
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw OutputError.notWritable(path: directory, reason: "permission denied")
        }
    }
}
