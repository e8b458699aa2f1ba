import Foundation

/// How ``GDALVectorWriter`` writes a feature collection.
public struct VectorWriteOptions: Sendable {
    /// The layer name (GeoPackage table, FlatGeobuf layer, first `.xlsx` sheet, e.g. `ranking`).
    public var layerName: String
    /// The output CRS (`EPSG:4326` by default); features are transformed into it from the collection's CRS
    /// with GeoCore's `CoordinateTransformer` when the two differ. Not used for `.xlsx` (no geometry).
    public var crs: String
    /// A JSON text (the run manifest) stored in the GeoPackage's metadata (`gpkg_metadata`, dataset scope) under
    /// ``GDALVectorWriter/manifestMetadataKey``; `ogrinfo -so out.gpkg` shows it under `Metadata:`.
    /// Ignored by FlatGeobuf (GDAL 3.6 writes no FlatGeobuf metadata) and XLSX (give a sheet instead).
    public var manifest: String?
    /// Further `.xlsx` sheets after the first (e.g. `weights`, `manifest`). Ignored by the other formats.
    public var additionalSheets: [SpreadsheetTable]
    /// Input files of the run that must not be overwritten (compared by device and inode).
    public var protecting: [URL]
    /// The GeoPackage's `gpkg_contents.last_change` timestamp (ISO 8601, UTC). GDAL would write the current
    /// time; a fixed value makes the same input give a byte-identical file.
    public var geoPackageTimestamp: String

    /// Options for a layer called `layerName`; everything else has the defaults described above.
    public init(layerName: String, crs: String = "EPSG:4326", manifest: String? = nil, additionalSheets: [SpreadsheetTable] = [],
                protecting: [URL] = [], geoPackageTimestamp: String = "2000-01-01T00:00:00.000Z") {
        self.layerName = layerName
        self.crs = crs
        self.manifest = manifest
        self.additionalSheets = additionalSheets
        self.protecting = protecting
        self.geoPackageTimestamp = geoPackageTimestamp
    }
}
