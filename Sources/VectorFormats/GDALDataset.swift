import CGDAL

/// One open GDAL dataset: owns its `GDALDatasetH` and closes it (`GDALClose`) in `deinit`.
///
/// GDAL datasets are not thread-safe, so this type is deliberately not `Sendable`: each task opens its own.
/// Layer handles (`OGRLayerH`) belong to the dataset; they are only used while the dataset is alive.
final class GDALDataset {
    let handle: GDALDatasetH
    private var isClosed = false

    private init(handle: GDALDatasetH) {
        self.handle = handle
    }

    deinit { if !isClosed { gdal.GDALClose(handle) } }

    /// Closes the dataset now (`GDALClose`), which is when GPKG and XLSX flush what was written; GDAL reports
    /// failures of that flush through `CPLError` only, so a writer checks its ``GDALDiagnostics`` afterwards.
    /// The dataset must not be used after this.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        gdal.GDALClose(handle)
    }

    /// Opens `path` read-only as a vector dataset (`GDALOpenEx` with `GDAL_OF_VECTOR`), or nil when GDAL
    /// cannot; the reason is then in the current ``GDALDiagnostics``.
    static func openVector(path: String, openOptions: [String] = [], allowedDrivers: [String] = []) -> GDALDataset? {
        let options = CPLStringList(openOptions)
        let drivers = CPLStringList(allowedDrivers)
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        guard let handle = gdal.GDALOpenEx(path, flags, allowedDrivers.isEmpty ? nil : drivers.constList, options.constList, nil) else { return nil }
        return GDALDataset(handle: handle)
    }

    /// Creates a new vector dataset at `path` with the driver `driverName` (`GDALCreate` with no raster bands),
    /// or nil when GDAL cannot; the reason is then in the current ``GDALDiagnostics``.
    static func create(driverName: String, path: String, options: [String] = []) -> GDALDataset? {
        guard let driver = gdal.GDALGetDriverByName(driverName) else { return nil }
        let creationOptions = CPLStringList(options)
        guard let handle = gdal.GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, creationOptions.list) else { return nil }
        return GDALDataset(handle: handle)
    }

    /// The short name of the driver that opened the dataset (`GPKG`, `ESRI Shapefile`, `FlatGeobuf`, …).
    var driverName: String {
        guard let driver = gdal.GDALGetDatasetDriver(handle), let name = gdal.GDALGetDriverShortName(driver) else { return "" }
        return String(cString: name)
    }

    /// The number of layers.
    var layerCount: Int { Int(gdal.GDALDatasetGetLayerCount(handle)) }

    /// The layer at `index` (0-based).
    func layer(at index: Int) -> OGRLayerH? {
        gdal.GDALDatasetGetLayer(handle, Int32(index))
    }

    /// The names of all layers, in the dataset's order.
    var layerNames: [String] {
        (0..<layerCount).compactMap { i in layer(at: i).flatMap { gdal.OGR_L_GetName($0) }.map { String(cString: $0) } }
    }

    /// The layer called `name`.
    func layer(named name: String) -> OGRLayerH? {
        gdal.GDALDatasetGetLayerByName(handle, name)
    }

    /// Sets a metadata item of the dataset (`GDALSetMetadataItem`, default domain). Returns false on failure.
    func setMetadataItem(_ key: String, _ value: String) -> Bool {
        gdal.GDALSetMetadataItem(handle, key, value, nil) == CE_None
    }

    /// Reads a metadata item of the dataset (`GDALGetMetadataItem`, default domain).
    func metadataItem(_ key: String) -> String? {
        gdal.GDALGetMetadataItem(handle, key, nil).map { String(cString: $0) }
    }
}
