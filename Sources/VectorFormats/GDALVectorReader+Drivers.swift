import CGDAL

extension GDALVectorReader {
    /// The GDAL release in use (`GDALVersionInfo("RELEASE_NAME")`), e.g. `3.6.2`, for `--version` and manifests.
    public static var gdalVersion: String {
        GDALRuntime.ensureRegistered()
        return GDALRuntime.version
    }

    /// The short names of the vector drivers this GDAL build has (`DCAP_VECTOR`), sorted: what
    /// ``canRead(_:)`` can recognise beyond ``VectorFormat/readableExtensions``.
    public static var vectorDrivers: [String] {
        GDALRuntime.ensureRegistered()
        var names: [String] = []
        for i in 0..<GDALGetDriverCount() {
            guard let driver = GDALGetDriver(i), GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nil) != nil,
                  let name = GDALGetDriverShortName(driver) else { continue }
            names.append(String(cString: name))
        }
        return names.sorted()
    }
}
