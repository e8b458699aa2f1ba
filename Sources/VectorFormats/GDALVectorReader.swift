import CGDAL
import Foundation
import GeoCore

/// Reads vector layers through GDAL/OGR: GeoPackage, ESRI Shapefile (`.prj` CRS, `.cpg`/LDID encoding),
/// FlatGeobuf and any other vector format GDAL opens.
///
/// Features come in file order, with their geometry in the file's coordinates (x = easting/longitude),
/// their attributes typed (see `OGRFieldReading`), and no feature id unless the layer has a named
/// id column of its own (see ``read(url:layer:crs:openOptions:)``).
public enum GDALVectorReader {
    /// Whether GDAL can read `url` as a vector dataset: an existing file (or directory, e.g. a FileGDB, or a GDAL
    /// virtual path such as `/vsizip/data.zip/layer.shp`)
    /// whose extension is in ``VectorFormat/readableExtensions`` or that a GDAL vector driver identifies
    /// from its content (`GDALIdentifyDriverEx` with `GDAL_OF_VECTOR`).
    public static func canRead(_ url: URL) -> Bool {
        guard url.path.hasPrefix("/vsi") || FileManager.default.fileExists(atPath: url.path) else { return false }
        if VectorFormat.readableExtensions.contains(url.pathExtension.lowercased()) { return true }
        return identifiedDriver(url) != nil
    }

    /// The short name of the GDAL vector driver that recognises `url` by its name and content
    /// (`GDALIdentifyDriverEx`), or nil (also when GDAL cannot be loaded).
    public static func identifiedDriver(_ url: URL) -> String? {
        let identified = try? GDALDiagnostics.collecting(for: url.path) { _ -> String? in
            guard let driver = gdal.GDALIdentifyDriverEx(url.path, UInt32(GDAL_OF_VECTOR), nil, nil),
                  let name = gdal.GDALGetDriverShortName(driver) else { return nil }
            return String(cString: name)
        }
        return identified ?? nil
    }

    /// The layer names of the dataset at `url`, in the file's order.
    public static func layerNames(url: URL, openOptions: [String] = []) throws(VectorFormatError) -> [String] {
        try GDALDiagnostics.collecting(for: url.path) { diagnostics throws(VectorFormatError) in
            try open(url, openOptions: openOptions, diagnostics: diagnostics).layerNames
        }
    }

    /// Reads one layer of the dataset at `url`.
    ///
    /// - Parameters:
    ///   - layer: the layer (GeoPackage table) to read; nil picks the only layer, and is an
    ///     ``VectorFormatError/Reason/ambiguousLayer(names:)`` error when there are several.
    ///   - crs: a CRS that overrides the file's (the scenario's `crs:`); nil uses the file's: `AUTHORITY:CODE`
    ///     when the SRS has or is identified with an authority code (`OSRAutoIdentifyEPSG`), else WKT2.
    ///     When the file has no CRS and none is given the read fails with
    ///     ``VectorFormatError/Reason/missingCRS(layer:)``.
    ///   - openOptions: GDAL open options (`KEY=VALUE`) for the driver, e.g. `LIST_ALL_TABLES=YES` for a
    ///     GeoPackage. Spreadsheets (`.xlsx`, `.ods`) are always read with their first row as the header.
    /// - Returns: the features (``GDALLayerData/collection``), the CRS, and what else the file holds.
    ///
    /// Feature ids: OGR numbers every feature (FID), but for Shapefile, FlatGeobuf and a GeoPackage's
    /// default `fid` column that is just the row number, so it is not used (`id` is nil, as for GeoJSON
    /// without ids). Only a layer whose FID column has another name (`OGR_L_GetFIDColumn`, e.g. a
    /// GeoPackage written with `-lco FID=site_no`) gives its FID as a numeric id.
    public static func read(url: URL, layer: String? = nil, crs: String? = nil, openOptions: [String] = []) throws(VectorFormatError) -> GDALLayerData {
        try GDALDiagnostics.collecting(for: url.path) { diagnostics throws(VectorFormatError) in
            let dataset = try open(url, openOptions: openOptions, diagnostics: diagnostics)
            let names = dataset.layerNames
            let layer = try OpenedLayer(layer, in: dataset, names: names, crs: crs, url: url)

            var features: [Feature] = []
            // Without forcing, drivers answer only when the count is cheap (-1 otherwise).
            let count = gdal.OGR_L_GetFeatureCount(layer.handle, 0)
            if count > 0 { features.reserveCapacity(Int(count)) }
            try layer.readFeatures(url: url, diagnostics: diagnostics) { (feature: Feature) -> Bool in
                features.append(feature)
                return true
            }
            return GDALLayerData(
                collection: FeatureCollection(features: features, crs: layer.crs),
                layerName: layer.name, layerNames: names, driver: dataset.driverName, fileCRS: layer.fileCRS,
                fields: layer.fields.schema, warnings: diagnostics.warnings
            )
        }
    }

    /// Reads the layer like `read`, handing its features to `body` in chunks of `chunkSize` (at least one chunk,
    /// possibly empty) with the index of each chunk's first feature, so that one chunk is in memory at a time.
    /// Returns GDAL's warnings. `body`'s errors stop the reading and are rethrown.
    public static func readChunks(url: URL, layer: String? = nil, crs: String? = nil, openOptions: [String] = [], chunkSize: Int,
                                  _ body: (FeatureCollection, Int) throws -> Void) throws -> [String] {
        var failure: (any Error)?
        let warnings = try GDALDiagnostics.collecting(for: url.path) { diagnostics throws(VectorFormatError) -> [String] in
            let dataset = try open(url, openOptions: openOptions, diagnostics: diagnostics)
            let opened = try OpenedLayer(layer, in: dataset, names: dataset.layerNames, crs: crs, url: url)
            var chunk: [Feature] = []
            var first = 0, handed = false
            func hand() -> Bool {
                do { try body(FeatureCollection(features: chunk, crs: opened.crs), first) } catch {
                    failure = error
                    return false
                }
                handed = true
                first += chunk.count
                chunk.removeAll(keepingCapacity: true)
                return true
            }
            try opened.readFeatures(url: url, diagnostics: diagnostics) { (feature: Feature) -> Bool in
                chunk.append(feature)
                return chunk.count < chunkSize || hand()
            }
            if failure == nil, !chunk.isEmpty || !handed { _ = hand() }
            return diagnostics.warnings
        }
        if let failure { throw failure }
        return warnings
    }

    /// Opens `url` read-only, turning GDAL's failure into a typed error with a hint for the format.
    /// Spreadsheets are opened with their first row as the header (`GDALConfiguration.reading`).
    static func open(_ url: URL, openOptions: [String], diagnostics: GDALDiagnostics) throws(VectorFormatError) -> GDALDataset {
        let path = url.path
        // GDAL's virtual paths (`/vsizip/archive.zip/layer.shp`, `/vsicurl/…`) are not in the file system.
        guard path.hasPrefix("/vsi") || FileManager.default.fileExists(atPath: path) else { throw VectorFormatError(.fileNotFound, path: path) }
        let opened = GDALConfiguration.with(GDALConfiguration.reading) { GDALDataset.openVector(path: path, openOptions: openOptions) }
        guard let dataset = opened else {
            throw VectorFormatError(.cannotOpen(driverHint: hint(forExtension: url.pathExtension.lowercased()),
                                                gdalMessage: diagnostics.lastMessage), path: path)
        }
        return dataset
    }

    static func pickLayer(_ requested: String?, in dataset: GDALDataset, names: [String], path: String) throws(VectorFormatError) -> (OGRLayerH, String) {
        if let requested {
            guard let handle = dataset.layer(named: requested) else {
                throw VectorFormatError(.unknownLayer(name: requested, available: names,
                                                      suggestion: NameSuggestion.nearest(to: requested, in: names)), path: path)
            }
            return (handle, requested)
        }
        guard !names.isEmpty, let first = dataset.layer(at: 0) else { throw VectorFormatError(.noLayers, path: path) }
        guard names.count == 1 else { throw VectorFormatError(.ambiguousLayer(names: names), path: path) }
        return (first, names[0])
    }

    /// What a file with this extension needs to open, for the error message.
    static func hint(forExtension ext: String) -> String {
        switch ext {
        case "shp", "dbf", "shx": "a Shapefile needs its .shp, .shx and .dbf side by side with the same name; copy all of them"
        case "gpkg": "the GeoPackage may be damaged or still locked by another program; re-export it from QGIS"
        case "fgb": "the FlatGeobuf file may be damaged or cut off; re-export it"
        case "zip": "give the path of the layer inside the archive, e.g. /vsizip/data.zip/layer.shp, or unzip it first"
        default: "GDAL recognises no vector format in this file; export the layer as GeoPackage (.gpkg) or GeoJSON"
        }
    }
}

extension GDALVectorReader {
    /// A dataset-level metadata item (`GDALGetMetadataItem`, default domain), e.g. the manifest a GeoPackage
    /// written by ``GDALVectorWriter`` carries under ``GDALVectorWriter/manifestMetadataKey``; nil when absent.
    public static func metadataItem(_ key: String, url: URL) throws(VectorFormatError) -> String? {
        try GDALDiagnostics.collecting(for: url.path) { diagnostics throws(VectorFormatError) in
            try open(url, openOptions: [], diagnostics: diagnostics).metadataItem(key)
        }
    }
}

/// A layer of an open data set, ready to read: its handle and name, the CRS of its coordinates (the override, the
/// file's, or CRS84 for a table without geometry), whether its FID is an id of its own, and its fields.
private struct OpenedLayer {
    let handle: OGRLayerH
    let name: String
    let crs: String
    let fileCRS: String?
    let meaningfulFID: Bool
    let fields: OGRFieldReading

    init(_ requested: String?, in dataset: GDALDataset, names: [String], crs: String?, url: URL) throws(VectorFormatError) {
        (handle, name) = try GDALVectorReader.pickLayer(requested, in: dataset, names: names, path: url.path)
        fileCRS = gdal.OGR_L_GetSpatialRef(handle).flatMap { SpatialReference(cloning: $0)?.definitionForPROJ }
        let hasGeometry = gdal.OGR_L_GetGeomType(handle) != wkbNone
        guard let crsString = crs ?? fileCRS ?? (hasGeometry ? nil : "OGC:CRS84") else {
            throw VectorFormatError(.missingCRS(layer: name), path: url.path)
        }
        self.crs = crsString
        let fidColumn = gdal.OGR_L_GetFIDColumn(handle).map { String(cString: $0) } ?? ""
        meaningfulFID = !fidColumn.isEmpty && !["fid", "ogc_fid", "objectid", "ogr_fid"].contains(fidColumn.lowercased())
        fields = OGRFieldReading(layer: handle)
    }

    /// Reads the features in order into `take`, until the layer ends or `take` returns false.
    func readFeatures(url: URL, diagnostics: GDALDiagnostics, _ take: (Feature) -> Bool) throws(VectorFormatError) {
        var index = 0
        let errorsBefore = diagnostics.errors.count
        gdal.OGR_L_ResetReading(handle)
        while let feature = gdal.OGR_L_GetNextFeature(handle) {
            defer { gdal.OGR_F_Destroy(feature) }
            var geometry: Geometry?
            if let borrowed = gdal.OGR_F_GetGeometryRef(feature) {
                do throws(OGRGeometryReading.Unsupported) {
                    geometry = try OGRGeometryReading.geometry(from: borrowed)
                } catch {
                    throw VectorFormatError(.unsupportedGeometry(kind: error.kind, featureIndex: index), path: url.path)
                }
            }
            let id: FeatureID? = meaningfulFID ? .number(Double(gdal.OGR_F_GetFID(feature))) : nil
            index += 1
            guard take(Feature(id: id, geometry: geometry, properties: fields.properties(of: feature))) else { return }
        }
        // A failed read ends the loop like the end of the layer does; an error raised meanwhile says which it was.
        if diagnostics.errors.count > errorsBefore, let message = diagnostics.errors.last {
            throw VectorFormatError(.readFailed(message: message, featureIndex: index), path: url.path)
        }
    }
}
