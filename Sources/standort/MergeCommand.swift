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

    @OptionGroup var output: RankedOutputArguments

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the part files: standort merge SCEN part-*.ndjson --out ranked.geojson") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let pipeline = try ScenarioPipeline(ScenarioOptions.parse([scenario] + (quiet ? ["--quiet"] : []) + (threads.map { ["--threads", "\($0)"] } ?? [])))
            let partURLs = parts.map { URL(fileURLWithPath: $0) }
            for url in partURLs where !FileManager.default.fileExists(atPath: url.path) {
                throw CommandError(message: "\(url.path): no such part file", status: ExitStatus.noInput)
            }
            let outURL = output.outURL
            let protected = pipeline.scenario.inputURLs + partURLs
            try AtomicFileWriter.checkDestination(outURL, protecting: protected)
            _ = try output.outputFormat()
            let ranking = try ScenarioRunner.merge(pipeline.scenario, parts: partURLs,
                                                   options: RunOptions(method: output.method, threads: pipeline.threads,
                                                                       progress: pipeline.terminal.progressReporter()))
            pipeline.terminal.finishProgress()
            ranking.warnings.forEach(pipeline.terminal.warning)
            try output.write(ranking, pipeline: pipeline, protecting: protected)
            if !quiet {
                print(try SummaryTable.render(ranking, top: output.top))
                pipeline.terminal.info("merged \(partURLs.count) part\(partURLs.count == 1 ? "" : "s"); wrote \(outURL.path)")
            }
        }
    }
}
