import ArgumentParser
import Foundation
import GeoCore
import SiteScoring

/// `standort merge SCEN part-*.ndjson --out ranked.geojson`: the value functions, aggregation and ranking over
/// the measured partitions, written as `score` writes them.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the part files of `score --partition I/N` runs: rank all sites and write the usual outputs.",
        discussion: """
        Every partition 1…N of one scenario must be given once. The result is byte for byte what \
        `standort score SCEN` writes, except that the manifest lists the parts with their SHA-256 ("parts").

          standort score SCEN --partition 1/3 --out part-1.ndjson
          standort score SCEN --partition 2/3 --out part-2.ndjson
          standort score SCEN --partition 3/3 --out part-3.ndjson
          standort merge SCEN part-*.ndjson --out ranked.geojson

        See docs/scale.md for runs on a cluster (Tools/spark/).
        """
    )

    @Argument(help: "The scenario file (YAML/JSON) or the name of a shipped scenario the parts were measured for.")
    var scenario: String

    @Argument(help: "The part files, one per partition.")
    var parts: [String] = []

    @Flag(name: .shortAndLong, help: "No progress and no summary on stderr (errors and warnings are still printed).")
    var quiet = false

    @Option(help: "Worker threads (default: all cores). Results are identical for any value.")
    var threads: Int?

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

    @Option(name: .customLong("csv-dialect"), help: "CSV conventions: en or de. Default: the scenario's csv_dialect, else en.")
    var csvDialect: CSVDialect?

    @Option(help: "Coordinate decimals in GeoJSON output (7 ≈ 1 cm).")
    var precision: Int = 7

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the part files: standort merge SCEN part-*.ndjson --out ranked.geojson") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if top < 0 { throw ValidationError("--top must be zero or positive") }
        if !(0...15).contains(precision) { throw ValidationError("--precision must be between 0 and 15") }
    }

    func run() throws {
        try reportingErrors {
            let pipeline = try ScenarioPipeline(ScenarioOptions.parse([scenario] + (quiet ? ["--quiet"] : []) + (threads.map { ["--threads", "\($0)"] } ?? [])))
            let partURLs = parts.map { URL(fileURLWithPath: $0) }
            for url in partURLs where !FileManager.default.fileExists(atPath: url.path) {
                throw CommandError(message: "\(url.path): no such part file", status: ExitStatus.noInput)
            }
            let outURL = URL(fileURLWithPath: out)
            let protected = pipeline.scenario.inputURLs + partURLs
            try AtomicFileWriter.checkDestination(outURL, protecting: protected)
            let format = try self.format ?? RankedOutputFormat.forOutput(outURL)
            let result = try ScenarioRunner.merge(pipeline.scenario, parts: partURLs,
                                                  options: RunOptions(method: method, threads: pipeline.threads))
            result.warnings.forEach(pipeline.terminal.warning)
            let writeWarnings = try result.write(format, to: outURL, scenarioPath: pipeline.scenarioURL.path, version: Standort.version,
                                                 options: RankedOutputOptions(coordinateDecimals: precision, geometry: geometry,
                                                                              csvDialect: csvDialect ?? pipeline.scenario.csvDialect, threads: pipeline.workerCount),
                                                 protecting: protected)
            writeWarnings.forEach(pipeline.terminal.warning)
            if !quiet {
                print(SummaryTable.render(result, top: top))
                pipeline.terminal.info("merged \(partURLs.count) part\(partURLs.count == 1 ? "" : "s"); wrote \(outURL.path)")
            }
        }
    }
}
