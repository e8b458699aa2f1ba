import Foundation
import GeoCore
import VectorFormats

/// The formats a ranked result is written in, chosen by the output file's extension (the one place that
/// chooses). An extension without a writer is a `LayerFormatError` listing the ones that have one.
public enum RankedOutputFormat: String, Sendable, CaseIterable {
    /// RFC 7946 GeoJSON with the run manifest as the foreign member `standort`.
    case geojson
    /// CSV: one row per site with the centroid's lon/lat.
    case csv
    /// GeoPackage (one layer named after the scenario, typed fields, the manifest in the GeoPackage metadata).
    case gpkg
    /// FlatGeobuf (typed fields, features in rank order).
    case fgb
    /// Excel workbook: sheet `ranking` in rank order, sheets `weights` and `manifest`.
    case xlsx

    /// Extensions written by each format.
    public var extensions: [String] {
        switch self {
        case .geojson: ["geojson", "json"]
        case .csv: ["csv"]
        case .gpkg: ["gpkg"]
        case .fgb: ["fgb"]
        case .xlsx: ["xlsx"]
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
        case let format?: "\(format.displayName) is read but not written; write .gpkg or .geojson and convert with `ogr2ogr`"
        case nil: nil
        }
        throw LayerFormatError(.unsupportedOutput(extension: ext, supported: allCases.flatMap(\.extensions), hint: hint), file: url.path)
    }
}

extension ScoringResult {
    /// Writes the ranked result as `format` to `url`, atomically (complete or not at all; never over one of
    /// `protecting`). Returns the writer's warnings (GDAL's, normally none).
    @discardableResult
    public func write(_ format: RankedOutputFormat, to url: URL, scenarioPath: String, version: String,
                      options: RankedOutputOptions = RankedOutputOptions(), protecting inputs: [URL]) throws -> [String] {
        let warnings = Self.mixedGeometryWarnings(types: Set(candidates.compactMap { $0.geometry?.typeName }), format: format, options: options)
        switch format {
        case .geojson:
            try writeRankedGeoJSON(to: url, protecting: inputs, scenarioPath: scenarioPath, version: version,
                                   coordinateDecimals: options.coordinateDecimals, geometry: options.geometry, threads: options.threads)
            return warnings
        case .csv:
            try AtomicFileWriter().write(try rankedCSV(dialect: options.csvDialect), to: url, protecting: inputs)
            return warnings
        case .gpkg, .fgb, .xlsx:
            let collection = try rankedCollection(scenarioPath: scenarioPath, version: version, geometry: options.geometry)
            let manifest = collection.foreignMembers["standort"]?.jsonText
            var sheets: [SpreadsheetTable] = []
            if format == .xlsx {
                let weightRows: [[JSONValue]] = criteria.enumerated().map { j, c in
                    [.string(c.id), .string(c.criterion.label ?? ""), .number(weights[j])]
                }
                sheets.append(SpreadsheetTable(name: "weights", columns: [VectorField("criterion", .text), VectorField("label", .text), VectorField("weight", .real)], rows: weightRows))
                if case .object(let m)? = collection.foreignMembers["standort"] { sheets.append(SpreadsheetTable(name: "manifest", keyValuesOf: m)) }
            }
            let writeOptions = VectorWriteOptions(layerName: format == .xlsx ? "ranking" : Self.layerName(scenario.name),
                                                  crs: format == .xlsx ? "EPSG:4326" : (options.crs?.definition ?? "EPSG:4326"),
                                             manifest: manifest, additionalSheets: sheets, protecting: inputs)
            return warnings + (try GDALVectorWriter.write(collection, fields: outputFields(collection), to: url, options: writeOptions))
        }
    }

    /// A warning when the candidates' geometry types would make several layers in QGIS.
    static func mixedGeometryWarnings(types names: Set<String>, format: RankedOutputFormat, options: RankedOutputOptions) -> [String] {
        guard options.geometry == .original, format != .csv, format != .xlsx else { return [] }
        // Types as QGIS groups them (Polygon with MultiPolygon): strip "Multi" once per distinct name, not per site.
        let types = Set(names.map { $0.replacingOccurrences(of: "Multi", with: "") })
        guard types.count > 1 else { return [] }
        return ["the candidates mix geometry types (\(types.sorted().joined(separator: ", "))); QGIS shows one type per layer: use --geometry centroid for points\(format == .gpkg ? "" : ", or write .gpkg")"]
    }

    /// The output's columns with their types: the candidates' own properties (inferred), then Standort's.
    func outputFields(_ collection: FeatureCollection) -> [VectorField] {
        let added = Set(outputPropertyNames)
        let original = VectorField.inferred(from: candidates).filter { !added.contains($0.name) }
        var fields = original
        fields.append(VectorField("rank", .integer))
        fields.append(VectorField("score", .real))
        fields += methodColumns.map { VectorField($0.name, .real) }
        fields += [VectorField("excluded", .boolean), VectorField("excluded_by", .text)]
        for c in criteria {
            fields.append(VectorField(c.id, c.text != nil ? .text : (c.isIntegral ? .integer : .real)))
            fields.append(VectorField(c.valueName, .real))
        }
        return fields
    }

    /// A GeoPackage table name from the scenario name: letters, digits and `_`.
    static func layerName(_ name: String) -> String {
        let cleaned = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }).split(separator: "_").joined(separator: "_")
        return cleaned.isEmpty ? "ranking" : String(cleaned.prefix(60))
    }
}
