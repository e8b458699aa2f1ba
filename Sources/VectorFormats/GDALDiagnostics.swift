import Foundation
import CGDAL

/// The messages GDAL reported (through `CPLError`) while one operation ran, collected instead of printed.
///
/// GDAL's default error handler writes `Warning 1: …` to stderr; the CLI must not show such lines, and
/// failures should carry GDAL's reason in a ``VectorFormatError``. ``collecting(for:_:)`` loads GDAL and pushes a handler
/// (`CPLPushErrorHandlerEx`) for the duration of `body` on the current thread (CPL's handler stack is
/// thread-local) and pops it afterwards.
final class GDALDiagnostics {
    /// Warnings (`CE_Warning`), in the order GDAL raised them.
    private(set) var warnings: [String] = []
    /// Errors (`CE_Failure`, `CE_Fatal`), in the order GDAL raised them.
    private(set) var errors: [String] = []

    /// The last error message, or the last warning when there was no error, or nil.
    var lastMessage: String? { errors.last ?? warnings.last }

    fileprivate func record(_ level: CPLErr, _ message: String) {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if level == CE_Warning { warnings.append(text) } else if level != CE_None && level != CE_Debug { errors.append(text) }
    }

    /// Runs `body` with GDAL's messages routed into a fresh `GDALDiagnostics`, returned with `body`'s result.
    /// Loads GDAL first (``GDALRuntime/load(for:)``): this is where every use of GDAL begins.
    /// - Throws: ``VectorFormatError/Reason/gdalUnavailable(detail:)`` for `path` when GDAL cannot be loaded,
    ///   else what `body` throws.
    static func collecting<T>(for path: String, _ body: (GDALDiagnostics) throws(VectorFormatError) -> T) throws(VectorFormatError) -> T {
        try GDALRuntime.load(for: path)
        let sink = GDALDiagnostics()
        gdal.CPLErrorReset()
        gdal.CPLPushErrorHandlerEx(gdalDiagnosticsHandler, Unmanaged.passUnretained(sink).toOpaque())
        defer { gdal.CPLPopErrorHandler() }
        return try withExtendedLifetime(sink) { () throws(VectorFormatError) -> T in try body(sink) }
    }
}

/// The C callback: finds the current `GDALDiagnostics` through `CPLGetErrorHandlerUserData`.
private func gdalDiagnosticsHandler(_ level: CPLErr, _ number: CPLErrorNum, _ message: UnsafePointer<CChar>?) {
    guard let user = gdal.CPLGetErrorHandlerUserData() else { return }
    let sink = Unmanaged<GDALDiagnostics>.fromOpaque(user).takeUnretainedValue()
    sink.record(level, message.map { String(cString: $0) } ?? "GDAL error \(number)")
}
