import CGDAL
import Foundation
import GeoCore

/// Writes feature collections through GDAL to GeoPackage (`.gpkg`), FlatGeobuf (`.fgb`) and Excel (`.xlsx`),
/// chosen by the output's extension (``VectorFormat/init(forWriting:)``; `.shp` is refused with a hint).
///
/// - Columns are exactly the declared ``VectorField``s, in their order, with their types (see `OGRFieldWriting`).
/// - Features keep their order (FlatGeobuf is written without its spatial index, which would re-sort them).
/// - Writes are atomic (see `StagedOutput`): the file appears complete or not at all.
/// - Deterministic: the same input gives a byte-identical file; GeoPackage's only timestamp
///   (`gpkg_contents.last_change`) is fixed by ``VectorWriteOptions/geoPackageTimestamp``, and GDAL's XLSX
///   writer stores no time (zip entries are dated 1980).
public enum GDALVectorWriter {
    /// The GeoPackage metadata item that holds ``VectorWriteOptions/manifest``.
    public static let manifestMetadataKey = "standort_manifest"

    /// Writes `collection` with the columns `fields` to `url`, in the format of its extension.
    ///
    /// - Returns: GDAL's warnings while writing (normally none).
    /// - Throws: ``VectorFormatError``: an unsupported extension, a value that does not fit its field's type,
    ///   an unusable field name, a failed CRS transform, an unusable output location, or a GDAL failure.
    @discardableResult
    public static func write(_ collection: FeatureCollection, fields: [VectorField], to url: URL,
                             options: VectorWriteOptions) throws(VectorFormatError) -> [String] {
        let format = try VectorFormat(forWriting: url)
        switch format {
        case .geoPackage, .flatGeobuf:
            return try writeLayer(collection, fields: fields, to: url, format: format, options: options)
        case .xlsx:
            let first = SpreadsheetTable(name: options.layerName, columns: fields, features: collection.features)
            return try writeSpreadsheet([first] + options.additionalSheets, to: url, protecting: options.protecting)
        }
    }

    /// Writes `tables` as the sheets of an `.xlsx` workbook, in order, each with a header row of its column names.
    @discardableResult
    public static func writeSpreadsheet(_ tables: [SpreadsheetTable], to url: URL, protecting: [URL] = []) throws(VectorFormatError) -> [String] {
        let path = url.path
        guard try VectorFormat(forWriting: url) == .xlsx else {
            throw VectorFormatError(.unsupportedOutput(extension: url.pathExtension.lowercased(), supported: ["xlsx"], hint: "a workbook is written as .xlsx"), path: path)
        }
        guard !tables.isEmpty else { throw VectorFormatError(.invalidSchema("a workbook needs at least one sheet"), path: path) }
        var sheetNames: Set<String> = []
        for table in tables {
            let name = table.name
            guard !name.isEmpty, name.count <= 31, !name.contains(where: { "[]:*?/\\".contains($0) }) else {
                throw VectorFormatError(.invalidSchema("'\(name)' cannot be a sheet name (1–31 characters, none of [ ] : * ? / \\)"), path: path)
            }
            guard sheetNames.insert(name.lowercased()).inserted else {
                throw VectorFormatError(.invalidSchema("the sheet '\(name)' is given twice"), path: path)
            }
            try OGRFieldWriting.validate(table.columns, reserved: [], path: path)
            if let bad = table.rows.firstIndex(where: { $0.count != table.columns.count }) {
                throw VectorFormatError(.invalidSchema("sheet '\(name)', row \(bad): \(table.rows[bad].count) values for \(table.columns.count) columns"), path: path)
            }
        }
        return try GDALDiagnostics.collecting(for: path) { diagnostics throws(VectorFormatError) in
            let staged = try StagedOutput(target: url, protecting: protecting)
            guard let dataset = GDALDataset.create(driverName: VectorFormat.xlsx.driverName, path: staged.stagingPath) else {
                throw failure(diagnostics, "GDAL cannot create the workbook", path: path)
            }
            for table in tables {
                guard let layer = gdal.GDALDatasetCreateLayer(dataset.handle, table.name, nil, wkbNone, nil) else {
                    throw failure(diagnostics, "cannot create sheet '\(table.name)'", path: path)
                }
                let writing = OGRFieldWriting(fields: table.columns)
                try writing.createColumns(on: layer, rows: table.rows, path: path, diagnostics: diagnostics)
                for (r, row) in table.rows.enumerated() {
                    try createFeature(on: layer, row: row, geometry: nil, writing: writing, index: r, path: path, diagnostics: diagnostics)
                }
            }
            try finish(dataset, staged, diagnostics, path: path)
            return diagnostics.warnings
        }
    }

    /// GeoPackage or FlatGeobuf: one layer with geometry, in `options.crs`.
    private static func writeLayer(_ collection: FeatureCollection, fields: [VectorField], to url: URL, format: VectorFormat,
                                   options: VectorWriteOptions) throws(VectorFormatError) -> [String] {
        let path = url.path
        try OGRFieldWriting.validate(fields, reserved: format == .geoPackage ? ["fid", "geom"] : [], path: path)
        guard !options.layerName.isEmpty else { throw VectorFormatError(.invalidSchema("the layer name is empty"), path: path) }
        // GDAL 3.6's FlatGeobuf writer silently drops features without a geometry: refuse instead of losing rows.
        if format == .flatGeobuf, let index = collection.features.firstIndex(where: { $0.geometry == nil }) {
            throw VectorFormatError(.featureWithoutGeometry(featureIndex: index, format: "FlatGeobuf"), path: path)
        }
        let geometries = try transformed(collection, to: options.crs, path: path)
        let rows = collection.features.map { f in fields.map { f.properties[$0.name] ?? .null } }

        return try GDALDiagnostics.collecting(for: path) { diagnostics throws(VectorFormatError) in
            guard let srs = SpatialReference(definition: options.crs) else {
                throw VectorFormatError(.writeFailed(message: "GDAL does not understand the CRS '\(options.crs)'"), path: path)
            }
            let staged = try StagedOutput(target: url, protecting: options.protecting)
            // GDAL stamps a GeoPackage with the current time unless OGR_CURRENT_DATE is set; thread-local, so
            // concurrent writers do not see each other's value.
            gdal.CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", options.geoPackageTimestamp)
            defer { gdal.CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }

            guard let dataset = GDALDataset.create(driverName: format.driverName, path: staged.stagingPath) else {
                throw failure(diagnostics, "GDAL cannot create the file", path: path)
            }
            // FlatGeobuf's spatial index would re-sort the features; but GDAL 3.6 writes an empty (0-byte) file for
            // a layer without features and without the index, so an empty layer keeps the index (nothing to sort).
            let layerOptions = CPLStringList(format == .geoPackage
                ? ["FID=fid", "GEOMETRY_NAME=geom"]
                : (rows.isEmpty ? [] : ["SPATIAL_INDEX=NO"]))
            guard let layer = gdal.GDALDatasetCreateLayer(dataset.handle, options.layerName, srs.handle, layerType(geometries), layerOptions.list) else {
                throw failure(diagnostics, "cannot create layer '\(options.layerName)'", path: path)
            }
            let writing = OGRFieldWriting(fields: fields)
            try writing.createColumns(on: layer, rows: rows, path: path, diagnostics: diagnostics)
            // One transaction for all features: SQLite would otherwise commit (and sync) every row.
            let transaction = gdal.GDALDatasetStartTransaction(dataset.handle, 0) == OGRERR_NONE
            for (i, row) in rows.enumerated() {
                try createFeature(on: layer, row: row, geometry: geometries[i], writing: writing, index: i, path: path, diagnostics: diagnostics)
            }
            if transaction, gdal.GDALDatasetCommitTransaction(dataset.handle) != OGRERR_NONE {
                throw failure(diagnostics, "cannot commit the features", path: path)
            }
            if format == .geoPackage, let manifest = options.manifest, !dataset.setMetadataItem(manifestMetadataKey, manifest) {
                throw failure(diagnostics, "cannot store the manifest in the metadata", path: path)
            }
            try finish(dataset, staged, diagnostics, path: path)
            return diagnostics.warnings
        }
    }

    /// The collection's geometries in `crs`: unchanged when the CRS strings are equal, else transformed with
    /// GeoCore's `CoordinateTransformer` (which keeps x = easting/longitude).
    private static func transformed(_ collection: FeatureCollection, to crs: String, path: String) throws(VectorFormatError) -> [Geometry?] {
        let geometries = collection.features.map(\.geometry)
        guard collection.crs != crs else { return geometries }
        do {
            return try CoordinateTransformer(from: CRS(collection.crs), to: CRS(crs)).transform(geometries)
        } catch {
            throw VectorFormatError(.transformFailed(message: "\(collection.crs) → \(crs): \(error)"), path: path)
        }
    }

    /// The layer's geometry type: the one kind all geometries share, else `wkbUnknown` ("Geometry": mixed kinds).
    private static func layerType(_ geometries: [Geometry?]) -> OGRwkbGeometryType {
        let kinds = Set(geometries.compactMap { $0.map { OGRGeometryBuilding.ogrType(of: $0).rawValue } })
        guard kinds.count == 1, let only = kinds.first else { return wkbUnknown }
        return OGRwkbGeometryType(rawValue: only)
    }

    private static func createFeature(on layer: OGRLayerH, row: [JSONValue], geometry: Geometry?, writing: OGRFieldWriting,
                                      index: Int, path: String, diagnostics: GDALDiagnostics) throws(VectorFormatError) {
        guard let feature = gdal.OGR_F_Create(gdal.OGR_L_GetLayerDefn(layer)) else { throw failure(diagnostics, "cannot create feature \(index)", path: path) }
        defer { gdal.OGR_F_Destroy(feature) }
        try writing.setValues(row, on: feature, featureIndex: index, path: path)
        if let geometry, gdal.OGR_F_SetGeometryDirectly(feature, OGRGeometryBuilding(geometry).giveAway()) != OGRERR_NONE {
            throw failure(diagnostics, "cannot set the geometry of feature \(index)", path: path)
        }
        guard gdal.OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
            throw failure(diagnostics, "cannot write feature \(index)", path: path)
        }
    }

    /// Closes the dataset (GPKG and XLSX write on close), fails on any GDAL error so far, then renames the file into place.
    private static func finish(_ dataset: GDALDataset, _ staged: StagedOutput, _ diagnostics: GDALDiagnostics, path: String) throws(VectorFormatError) {
        dataset.close()
        if let message = diagnostics.errors.last { throw failure(diagnostics, message, path: path) }
        try staged.commit()
    }

    /// A write failure with GDAL's last error (or `fallback`); a full disk is reported as such.
    private static func failure(_ diagnostics: GDALDiagnostics, _ fallback: String, path: String) -> VectorFormatError {
        var message = diagnostics.errors.isEmpty ? fallback : diagnostics.errors.joined(separator: "; ")
        // GDAL names the staging file (`dir/.stem.tmp-XXXXXX/name`); the planner only knows the target.
        message = message.replacingOccurrences(of: #"/\.[^/]*\.tmp-[A-Za-z0-9]{6}/"#, with: "/", options: .regularExpression)
        let lower = message.lowercased()
        if lower.contains("no space left") || lower.contains("disk is full") || lower.contains("disk full") {
            return VectorFormatError(.output(.diskFull(path: path)), path: path)
        }
        return VectorFormatError(.writeFailed(message: message), path: path)
    }
}
