import CGDAL

/// GDAL's process-wide set-up, done once: `GDALAllRegister` registers every driver the library was built with.
///
/// Swift initialises a `static let` lazily and exactly once, even when several threads race for it
/// (`swift_once`), so calling ``ensureRegistered()`` from concurrent readers is safe.
enum GDALRuntime {
    private static let registration: Void = {
        GDALAllRegister()
    }()

    /// Registers GDAL's drivers the first time it is called; later calls do nothing.
    static func ensureRegistered() {
        _ = registration
    }

    /// The GDAL release the module is linked against (`GDALVersionInfo("RELEASE_NAME")`), e.g. `3.6.2`.
    static var version: String {
        String(cString: GDALVersionInfo("RELEASE_NAME"))
    }
}
