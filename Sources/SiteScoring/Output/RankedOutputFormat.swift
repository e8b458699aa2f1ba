import Foundation
import GeoCore

/// The formats a ranked result is written in, chosen by the output file's extension (the one place that
/// chooses). An extension without a writer is a `LayerFormatError` listing the ones that have one.
public enum RankedOutputFormat: String, Sendable, CaseIterable {
    /// RFC 7946 GeoJSON with the run manifest as the foreign member `standort`.
    case geojson
    /// CSV: one row per site with the centroid's lon/lat.
    case csv

    /// Extensions written by each format.
    public var extensions: [String] {
        switch self {
        case .geojson: ["geojson", "json"]
        case .csv: ["csv"]
        }
    }

    /// The format for `url`'s extension (GeoJSON for a name without one), or an error naming the supported extensions (and, for a format that
    /// exists but is not written, what to use instead).
    public static func forOutput(_ url: URL) throws(LayerFormatError) -> RankedOutputFormat {
        let ext = url.pathExtension.lowercased()
        if ext.isEmpty { return .geojson }  // a name without an extension gets the default format
        if let format = allCases.first(where: { $0.extensions.contains(ext) }) { return format }
        let hint: String? = switch LayerFormat(extension: ext) {
        case .shapefile?: "Shapefile field names are cut to 10 characters, which would mangle criterion ids; write .gpkg (GeoPackage) for QGIS"
        case let format?: "\(format.displayName) output is not available in this build; write .geojson and convert with `ogr2ogr`"
        case nil: nil
        }
        throw LayerFormatError(.unsupportedOutput(extension: ext, supported: allCases.flatMap(\.extensions), hint: hint), file: url.path)
    }
}

extension ScoringResult {
    /// The ranked result encoded as `format`, in parts for `AtomicFileWriter.write(parts:to:)`.
    public func encoded(as format: RankedOutputFormat, scenarioPath: String, version: String, coordinateDecimals: Int = 7, threads: Int) throws -> [[UInt8]] {
        switch format {
        case .geojson:
            try rankedGeoJSONParts(scenarioPath: scenarioPath, version: version, coordinateDecimals: coordinateDecimals, threads: threads)
        case .csv:
            [try rankedCSV()]
        }
    }
}
