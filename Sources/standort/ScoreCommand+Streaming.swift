import ArgumentParser
import Foundation
import GeoCore
import SiteScoring

/// `score --stream`: the candidates measured a chunk at a time into a temporary part file, ranked from it with only
/// the ranking's columns in memory, and written a chunk at a time (issue 16; docs/scale.md).
extension ScoreCommand {
    /// Whether the run streams without being asked: a candidate file over 512 MiB (more than the whole-file CSV
    /// reader takes; a million sites or more).
    static func needsStreaming(_ scenario: Scenario) -> Bool {
        guard let size = try? FileManager.default.attributesOfItem(atPath: scenario.candidates.layer.url.path)[.size] as? Int else { return false }
        return size > CSVReader.defaultMaximumBytes
    }

    func runStreaming(_ resolved: ScenarioPipeline? = nil) throws {
        try reportingErrors {
            let clock = ContinuousClock()
            let start = clock.now
            let pipeline = try resolved ?? ScenarioPipeline(options)
            let outURL = output.outURL
            let inputs = pipeline.scenario.inputURLs
            try AtomicFileWriter.checkDestination(outURL, protecting: inputs)
            _ = try output.outputFormat()
            let timingsURL = timings.map { URL(fileURLWithPath: $0) }
            if let timingsURL { try AtomicFileWriter.checkDestination(timingsURL, protecting: inputs) }
            // The part beside the output (same file system, which must hold it: ≈ 0.5 KB per site), removed afterwards.
            let partURL = outURL.deletingLastPathComponent()
                .appendingPathComponent(".\(outURL.lastPathComponent).standort-stream-\(ProcessInfo.processInfo.processIdentifier).ndjson")
            let cleanup = InterruptCleanup.register(partURL.path)
            defer {
                try? FileManager.default.removeItem(at: partURL)
                InterruptCleanup.unregister(cleanup)
            }
            let runOptions = RunOptions(method: output.method, threads: pipeline.threads, progress: pipeline.terminal.progressReporter())
            var stages = StageTimings()
            _ = try ScenarioRunner.measurePartition(pipeline.scenario, partition: try Partition(index: 1, count: 1), to: partURL, protecting: inputs,
                                                    options: runOptions, version: Standort.version, timings: &stages)
            let rankStart = clock.now
            let ranking = try ScenarioRunner.merge(pipeline.scenario, parts: [partURL], options: runOptions, listingParts: false)
            pipeline.terminal.finishProgress()
            ranking.warnings.forEach(pipeline.terminal.warning)
            let writeStart = clock.now
            try output.write(ranking, pipeline: pipeline, protecting: inputs + [partURL])
            if let timingsURL {
                let json = String(format: "{\"read\": %.6f, \"transform\": %.6f, \"criteria\": %.6f, \"aggregate\": %.6f, \"write\": %.6f, \"total\": %.6f}\n",
                                  stages.read, stages.transform, stages.criteria, (writeStart - rankStart).seconds, (clock.now - writeStart).seconds,
                                  (clock.now - start).seconds)
                try AtomicFileWriter().write(Array(json.utf8), to: timingsURL, protecting: inputs)
            }
            if !options.quiet {
                print(try SummaryTable.render(ranking, top: output.top))
                pipeline.terminal.info("wrote \(outURL.path)")
            }
        }
    }
}
