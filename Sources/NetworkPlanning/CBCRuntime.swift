import GeoCore

/// COIN-OR CBC, opened the first time a plan is solved exactly (``CBCFunctions``). Swift initialises the
/// `static let` once, even when threads race for it.
enum CBCRuntime {
    /// The environment variable that names the CBC library to load instead of the default (a file name the
    /// dynamic loader finds, or a path).
    static let libraryVariable = "STANDORT_CBC_LIBRARY"

    /// The library names tried, in order: `$STANDORT_CBC_LIBRARY` when set; else CBC 2.10's soname
    /// (`libCbcSolver.so.3`, Debian's package `coinor-libcbc3`), then the development link `libCbcSolver.so`.
    static var libraryNames: [String] {
        #if os(macOS)
        let defaults = ["libCbcSolver.dylib"]
        #else
        let defaults = ["libCbcSolver.so.3", "libCbcSolver.so"]
        #endif
        return DynamicLibrary.fileNames(defaults, overriddenBy: libraryVariable)
    }

    /// The loaded library's functions, or why it could not be loaded.
    static let loaded: Result<CBCFunctions, DynamicLibrary.LoadError> = Result { () throws(DynamicLibrary.LoadError) in
        try CBCFunctions(DynamicLibrary(firstOf: libraryNames))
    }

    /// Whether CBC can be loaded (`solver: auto` then solves small plans exactly).
    static var isAvailable: Bool {
        if case .success = loaded { return true }
        return false
    }

    /// CBC's functions.
    /// - Throws: ``PlanningError/Reason/solverUnavailable(detail:)`` when the library cannot be loaded.
    static func functions() throws(PlanningError) -> CBCFunctions {
        switch loaded {
        case .success(let functions): return functions
        case .failure(let error): throw PlanningError(.solverUnavailable(detail: error.description))
        }
    }
}
