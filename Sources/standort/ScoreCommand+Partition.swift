import ArgumentParser
import Foundation
import GeoCore
import SiteScoring

/// `score --partition I/N`: measure one partition and write its part file.
extension ScoreCommand {
    static let partitionHelp = """
    Partitions (runs too large for one process, or spread over a cluster; see docs/scale.md): measure each \
    partition on its own, then merge. The merged output is byte for byte the single-process output, apart from \
    the manifest's "parts" list.

      standort score SCEN --partition 1/3 --out part-1.ndjson
      standort score SCEN --partition 2/3 --out part-2.ndjson
      standort score SCEN --partition 3/3 --out part-3.ndjson
      standort merge SCEN part-*.ndjson --out ranked.geojson

    --partition-by hash (default) splits by a stable hash of the site id; --partition-by tile:10000 by 10 km \
    tiles of the reference points, so that neighbouring sites share a partition.
    """

    /// The partition named by `--partition` and `--partition-by`, checked as a usage error.
    func validatePartition() throws {
        guard let partition else {
            if partitionBy != "hash" { throw ValidationError("--partition-by needs --partition I/N") }
            return
        }
        do { _ = try Partition(parsing: partition, scheme: partitionBy) } catch { throw ValidationError(error.message) }
        if output.method != nil { throw ValidationError("--method applies to `standort merge`; a partition only measures raw values") }
        if output.format != nil { throw ValidationError("--format does not apply to a partition: it always writes a part file (.ndjson)") }
    }

    func runPartition() throws {
        try reportingErrors {
            let part = try Partition(parsing: partition!, scheme: partitionBy)
            let pipeline = try ScenarioPipeline(options)
            let outURL = output.outURL
            if RankedOutputFormat.allCases.contains(where: { $0.extensions.contains(outURL.pathExtension.lowercased()) }) {
                throw CommandError(message: "\(output.out): a partition writes a part file for `standort merge`, not a ranked output; name it \(outURL.deletingPathExtension().lastPathComponent).ndjson")
            }
            try AtomicFileWriter.checkDestination(outURL, protecting: pipeline.scenario.inputURLs)
            let options = RunOptions(threads: pipeline.threads, progress: pipeline.terminal.progressReporter())
            var stages = StageTimings()
            let measured = try ScenarioRunner.measurePartition(pipeline.scenario, partition: part, to: outURL, protecting: pipeline.scenario.inputURLs,
                                                               options: options, version: Standort.version, timings: &stages)
            pipeline.terminal.finishProgress()
            measured.warnings.forEach(pipeline.terminal.warning)
            if let timings {
                // The part is written while it is measured: "criteria" includes writing its lines.
                let json = String(format: "{\"read\": %.6f, \"transform\": %.6f, \"criteria\": %.6f, \"sites\": %d, \"candidates\": %d}\n",
                                  stages.read, stages.transform, stages.criteria, measured.siteCount, measured.candidateCount)
                try AtomicFileWriter().write(Array(json.utf8), to: URL(fileURLWithPath: timings), protecting: pipeline.scenario.inputURLs)
            }
            if !self.options.quiet {
                pipeline.terminal.info("partition \(part): \(measured.siteCount) of \(measured.candidateCount) candidates measured; wrote \(outURL.path)")
            }
        }
    }
}
