import ArgumentParser
import Foundation
import GeoCore
import SiteScoring

/// The options of the commands that write a ranked result (`score`, `merge`), and the one way they write it.
struct RankedOutputArguments: ParsableArguments {
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

    @Option(name: .customLong("out-crs"), help: "CRS of .gpkg/.fgb output, e.g. EPSG:25832 (default EPSG:4326; GeoJSON is always RFC 7946 lon/lat).")
    var outCRS: String?

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be zero or positive") }
        if !(0...15).contains(precision) { throw ValidationError("--precision must be between 0 and 15") }
    }

    var outURL: URL { URL(fileURLWithPath: out) }

    /// The format: `--format`, else by the `--out` extension (an extension without a writer is a usage error), checked
    /// against `--out-crs` (only GeoPackage and FlatGeobuf take another CRS). Called before the run.
    func outputFormat() throws -> RankedOutputFormat {
        let format = try format ?? RankedOutputFormat.forOutput(outURL)
        if let outCRS {
            guard format == .gpkg || format == .fgb else {
                throw CommandError(message: "--out-crs applies to .gpkg and .fgb output; \(format.rawValue) is always WGS 84 lon/lat (RFC 7946 for GeoJSON), not \(outCRS)")
            }
            do { _ = try CRS(outCRS).info() } catch {
                throw CommandError(message: "--out-crs \(outCRS): \(error)")
            }
        }
        return format
    }

    /// Writes `result` to `--out` and prints the writer's warnings (and a warning for an option the format ignores).
    func write(_ result: ScoringResult, pipeline: ScenarioPipeline, protecting inputs: [URL]) throws {
        try write(pipeline: pipeline) { format, options in
            try result.write(format, to: outURL, scenarioPath: pipeline.scenarioURL.path, version: Standort.version, options: options, protecting: inputs)
        }
    }

    /// Writes a merged or streamed ranking to `--out` as `write(_:pipeline:protecting:)` does.
    func write(_ ranking: MergedRanking, pipeline: ScenarioPipeline, protecting inputs: [URL]) throws {
        try write(pipeline: pipeline) { format, options in
            try ranking.write(format, to: outURL, scenarioPath: pipeline.scenarioURL.path, version: Standort.version, options: options, protecting: inputs)
        }
    }

    private func write(pipeline: ScenarioPipeline, _ body: (RankedOutputFormat, RankedOutputOptions) throws -> [String]) throws {
        let format = try outputFormat()
        if csvDialect != nil && format != .csv {
            pipeline.terminal.warning("--csv-dialect applies to CSV output only; \(out) is written as \(format.rawValue)")
        }
        if precision != 7 && format != .geojson {
            pipeline.terminal.warning("--precision applies to GeoJSON output only; \(out) is written as \(format.rawValue) with full precision")
        }
        let options = RankedOutputOptions(coordinateDecimals: precision, geometry: geometry,
                                          csvDialect: csvDialect ?? pipeline.scenario.csvDialect, threads: pipeline.workerCount,
                                          crs: outCRS.map { CRS($0) }, progress: pipeline.terminal.progressReporter())
        let warnings = try body(format, options)
        pipeline.terminal.finishProgress()
        warnings.forEach(pipeline.terminal.warning)
    }
}
