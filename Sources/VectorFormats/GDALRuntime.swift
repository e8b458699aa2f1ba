import CGDAL
import GeoCore

/// GDAL's process-wide set-up, done once, on first use: `libgdal` is opened (``GDALFunctions``) and
/// `GDALAllRegister` registers every driver the library was built with.
///
/// Swift initialises a `static let` lazily and exactly once, even when several threads race for it
/// (`swift_once`), so calling ``load(for:)`` from concurrent readers is safe.
enum GDALRuntime {
    /// The environment variable that names the GDAL library to load instead of the default (a file name the
    /// dynamic loader finds, or a path), e.g. for a GDAL installed outside the loader's search path.
    static let libraryVariable = "STANDORT_GDAL_LIBRARY"

    /// The library names tried, in order: `$STANDORT_GDAL_LIBRARY` when set; else the soname of the release
    /// whose headers Standort was compiled against (GDAL 3.x's soname is 26 + the minor version:
    /// 3.6 → `libgdal.so.32`, Debian's package `libgdal32`), then the development link `libgdal.so`.
    static var libraryNames: [String] {
        #if os(macOS)
        let defaults = ["libgdal.dylib"]
        #else
        let defaults = ["libgdal.so.\(26 + GDAL_VERSION_MINOR)", "libgdal.so"]
        #endif
        return DynamicLibrary.fileNames(defaults, overriddenBy: libraryVariable)
    }

    /// The loaded and registered library, or why it could not be loaded.
    static let loaded: Result<GDALFunctions, DynamicLibrary.LoadError> = Result { () throws(DynamicLibrary.LoadError) in
        let functions = try GDALFunctions(DynamicLibrary(firstOf: libraryNames))
        functions.GDALAllRegister()
        return functions
    }

    /// Loads GDAL and registers its drivers the first time it is called; later calls only report the outcome.
    /// - Throws: ``VectorFormatError/Reason/gdalUnavailable(detail:)`` for the file at `path` (the one that
    ///   needed GDAL) when the library cannot be loaded.
    static func load(for path: String) throws(VectorFormatError) {
        if case .failure(let error) = loaded {
            throw VectorFormatError(.gdalUnavailable(detail: error.description), path: path)
        }
    }

    /// The GDAL release in use (`GDALVersionInfo("RELEASE_NAME")`), e.g. `3.6.2`.
    static var version: String {
        String(cString: gdal.GDALVersionInfo("RELEASE_NAME")!)
    }
}

/// GDAL's functions, for code that runs after ``GDALRuntime/load(for:)`` succeeded (every public entry
/// point of this module calls it first, so reaching this without GDAL is a programming error).
var gdal: GDALFunctions {
    guard case .success(let functions) = GDALRuntime.loaded else {
        preconditionFailure("GDAL used before GDALRuntime.load(for:) succeeded")
    }
    return functions
}
