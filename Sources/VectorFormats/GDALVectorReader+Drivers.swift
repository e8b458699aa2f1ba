import CGDAL

extension GDALVectorReader {
    /// The GDAL release in use (`GDALVersionInfo("RELEASE_NAME")`), e.g. `3.6.2`; nil when GDAL cannot be loaded.
    public static var gdalVersion: String? {
        guard case .success = GDALRuntime.loaded else { return nil }
        return GDALRuntime.version
    }

    /// The short names of the vector drivers this GDAL build has (`DCAP_VECTOR`), sorted: what
    /// ``canRead(_:)`` can recognise beyond ``VectorFormat/readableExtensions``; empty when GDAL cannot be loaded.
    public static var vectorDrivers: [String] {
        guard case .success = GDALRuntime.loaded else { return [] }
        var names: [String] = []
        for i in 0..<gdal.GDALGetDriverCount() {
            guard let driver = gdal.GDALGetDriver(i), gdal.GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nil) != nil,
                  let name = gdal.GDALGetDriverShortName(driver) else { continue }
            names.append(String(cString: name))
        }
        return names.sorted()
    }
}
