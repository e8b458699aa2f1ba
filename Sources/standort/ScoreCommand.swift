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

    @OptionGroup var output: RankedOutputArguments

    @Option(help: "Write stage timings (seconds) as JSON to this file.")
    var timings: String?

    @Option(help: "Measure only partition I of N (1-based, e.g. 2/3) and write its raw values to --out (a part file, .ndjson) for `standort merge`.")
    var partition: String?

    @Option(name: .customLong("partition-by"), help: "How sites are split into partitions: hash (FNV-1a of the site id) or tile:SIZE (square tiles of SIZE metres in the working CRS).")
    var partitionBy: String = "hash"

    @Flag(help: "Stream the candidates: measure them a chunk at a time into a temporary part file beside --out, then rank and write chunk by chunk (bounded memory; the same output). Automatic for candidate files over 512 MiB.")
    var stream = false

    func validate() throws {
        try validatePartition()
        if stream && partition != nil { throw ValidationError("--stream and --partition exclude each other: a partition is always measured a chunk at a time") }
    }

    func run() throws {
        if partition != nil { return try runPartition() }
        if stream { return try runStreaming() }
        try reportingErrors {
            let clock = ContinuousClock()
            let start = clock.now
            let pipeline = try ScenarioPipeline(options)
            if ScoreCommand.needsStreaming(pipeline.scenario) {
                pipeline.terminal.info("the candidate file is over \(CSVReader.defaultMaximumBytes >> 20) MiB: streaming it (--stream)")
                return try runStreaming(pipeline)
            }
            let outURL = output.outURL
            try AtomicFileWriter.checkDestination(outURL, protecting: pipeline.scenario.inputURLs)
            _ = try output.outputFormat()  // an extension without a writer fails before the run
            let timingsURL = timings.map { URL(fileURLWithPath: $0) }
            var stages = StageTimings()
            // The working state is kept, not freed: the process exits after writing (exitSkippingTeardown).
            let result = try pipeline.run(method: output.method, outputs: [outURL] + (timingsURL.map { [$0] } ?? []), timings: &stages,
                                          keepsWorkingState: true)

            let writeStart = clock.now
            try output.write(result, pipeline: pipeline, protecting: pipeline.scenario.inputURLs)
            let writeSeconds = (clock.now - writeStart).seconds

            if let timingsURL {
                let total = (clock.now - start).seconds
                let json = String(format: "{\"read\": %.6f, \"transform\": %.6f, \"criteria\": %.6f, \"aggregate\": %.6f, \"write\": %.6f, \"total\": %.6f}\n",
                                  stages.read, stages.transform, stages.criteria, stages.aggregate, writeSeconds, total)
                try AtomicFileWriter().write(Array(json.utf8), to: timingsURL, protecting: pipeline.scenario.inputURLs)
            }
            if !options.quiet {
                print(SummaryTable.render(result, top: output.top))
                pipeline.terminal.info("wrote \(outURL.path)")
            }
            exitSkippingTeardown(keeping: (result, pipeline))
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
