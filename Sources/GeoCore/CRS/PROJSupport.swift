import CPROJ
import Foundation

/// Small helpers shared by the PROJ wrappers. Internal: nothing outside this folder touches PROJ.
enum PROJSupport {
    /// PROJ's message for the context's last error, or a fallback when it has none.
    static func errorMessage(_ ctx: OpaquePointer?, fallback: String = "unknown PROJ error") -> String {
        let code = proj_context_errno(ctx)
        guard code != 0, let text = proj_context_errno_string(ctx, code) else { return fallback }
        return String(cString: text)
    }

    /// A `String` from a C string owned by PROJ, or nil for NULL.
    static func string(_ cString: UnsafePointer<CChar>?) -> String? {
        cString.map { String(cString: $0) }
    }

    /// A new context, logging silenced (errors are reported through Swift errors, not stderr).
    static func makeContext(searchPaths: [String]? = nil) throws -> OpaquePointer {
        guard let ctx = proj_context_create() else { throw ProjectionError.contextUnavailable }
        proj_log_level(ctx, PJ_LOG_NONE)
        if let searchPaths { setSearchPaths(ctx, searchPaths) }
        return ctx
    }

    /// Wraps `proj_context_set_search_paths`: where PROJ looks for proj.db and grids.
    static func setSearchPaths(_ ctx: OpaquePointer, _ paths: [String]) {
        var cStrings = paths.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
                proj_context_set_search_paths(ctx, Int32(paths.count), rebound.baseAddress)
            }
        }
    }
}
