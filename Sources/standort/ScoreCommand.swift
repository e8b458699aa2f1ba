import ArgumentParser
import Foundation
import GeoCore
import SiteScoring

extension AggregationMethod: ExpressibleByArgument {}
extension RankedOutputFormat: ExpressibleByArgument {}
extension OutputGeometry: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}

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
        abstract: "Score and rank a scenario's candidate sites; write ranked GeoJSON (RFC 7946) or CSV.",
        discussion: ScoreCommand.partitionHelp
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .shortAndLong, help: "The output file (written completely or not at all).")
    var out: String = "ranked.geojson"

    @Option(help: "Override the scenario's aggregation method.")
    var method: AggregationMethod?

    @Option(help: "Rows of the summary table on stdout.")
    var top: Int = 10

    @Option(help: "Output format (default: by the --out extension).")
    var format: RankedOutputFormat?

    @Option(help: "Output geometry: the sites' own (original) or their centroids (centroid: one point layer).")
    var geometry: OutputGeometry = .original

    @Option(name: .customLong("csv-dialect"), help: "CSV conventions: en (, and .) or de (; and decimal comma, BOM: opens in a German Excel). Default: the scenario's csv_dialect, else en.")
    var csvDialect: CSVDialect?

    @Option(help: "Coordinate decimals in GeoJSON output (7 ≈ 1 cm).")
    var precision: Int = 7

    @Option(help: "Write stage timings (seconds) as JSON to this file.")
    var timings: String?

    @Option(help: "Measure only partition I of N (1-based, e.g. 2/3) and write its raw values to --out (a part file, .ndjson) for `standort merge`.")
    var partition: String?

    @Option(name: .customLong("partition-by"), help: "How sites are split into partitions: hash (FNV-1a of the site id) or tile:SIZE (square tiles of SIZE metres in the working CRS).")
    var partitionBy: String = "hash"

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be zero or positive") }
        if !(0...15).contains(precision) { throw ValidationError("--precision must be between 0 and 15") }
        try validatePartition()
    }

    func run() throws {
        if partition != nil { return try runPartition() }
        try reportingErrors {
            let clock = ContinuousClock()
            let start = clock.now
            let pipeline = try ScenarioPipeline(options)
            let outURL = URL(fileURLWithPath: out)
            try AtomicFileWriter.checkDestination(outURL, protecting: pipeline.scenario.inputURLs)
            let format = try self.format ?? RankedOutputFormat.forOutput(outURL)
            let timingsURL = timings.map { URL(fileURLWithPath: $0) }
            var stages = StageTimings()
            let result = try pipeline.run(method: method, outputs: [outURL] + (timingsURL.map { [$0] } ?? []), timings: &stages)

            let writeStart = clock.now
            let writeWarnings = try result.write(format, to: outURL, scenarioPath: pipeline.scenarioURL.path, version: Standort.version,
                                                 options: RankedOutputOptions(coordinateDecimals: precision, geometry: geometry,
                                                                              csvDialect: csvDialect ?? pipeline.scenario.csvDialect, threads: pipeline.workerCount),
                                                 protecting: pipeline.scenario.inputURLs)
            writeWarnings.forEach(pipeline.terminal.warning)
            let writeSeconds = (clock.now - writeStart).seconds

            if let timingsURL {
                let total = (clock.now - start).seconds
                let json = String(format: "{\"read\": %.6f, \"transform\": %.6f, \"criteria\": %.6f, \"aggregate\": %.6f, \"write\": %.6f, \"total\": %.6f}\n",
                                  stages.read, stages.transform, stages.criteria, stages.aggregate, writeSeconds, total)
                try AtomicFileWriter().write(Array(json.utf8), to: timingsURL, protecting: pipeline.scenario.inputURLs)
            }
            if !options.quiet {
                print(SummaryTable.render(result, top: top))
                pipeline.terminal.info("wrote \(outURL.path)")
            }
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
