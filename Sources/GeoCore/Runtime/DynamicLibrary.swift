import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shared library opened at run time (`dlopen`), for C libraries that only some runs need: the executable
/// does not link them, so a run that never uses them never pays for loading them and their dependencies
/// (GDAL pulls in about 130 libraries; the dynamic loader's symbol binding for them was half of the start-up
/// time of every run, issue 15).
///
/// The library is never closed: function pointers taken from it stay valid for the rest of the process.
public struct DynamicLibrary: @unchecked Sendable {
    /// Why a library or one of its functions could not be loaded.
    public enum LoadError: Error, Hashable, Sendable, CustomStringConvertible {
        /// None of the file names could be opened; `message` is the dynamic loader's reason for the first.
        case notFound(fileNames: [String], message: String)
        /// The library has no such symbol (an older release than the one built against).
        case missingSymbol(String, library: String)

        public var description: String {
            switch self {
            case .notFound(let names, let message):
                return "\(names.joined(separator: " or ")) could not be loaded (\(message))"
            case .missingSymbol(let symbol, let library):
                return "\(library) has no function \(symbol) (an older release than Standort was built for)"
            }
        }
    }

    /// The file name that was opened (one of those given to ``init(firstOf:)``).
    public let fileName: String
    /// `dlopen`'s handle; immutable and never closed, so sharing it between threads is safe.
    private let handle: UnsafeMutableRawPointer

    /// Opens the first of `fileNames` the dynamic loader finds (a bare name is looked up in the loader's
    /// search path, a name with a slash is a path), resolving all its symbols now (`RTLD_NOW`) and keeping
    /// them out of the global namespace (`RTLD_LOCAL`).
    public init(firstOf fileNames: [String]) throws(LoadError) {
        var firstMessage: String?
        for name in fileNames {
            if let opened = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                fileName = name
                handle = opened
                return
            }
            let message = dlerror().map { String(cString: $0) } ?? "not found"
            if firstMessage == nil { firstMessage = message }
        }
        throw .notFound(fileNames: fileNames, message: firstMessage ?? "no file name given")
    }

    /// `defaults`, unless the environment variable `variable` names a library (a file name the dynamic loader finds,
    /// or a path): then that one alone, so a library installed elsewhere can be chosen.
    public static func fileNames(_ defaults: [String], overriddenBy variable: String) -> [String] {
        if let chosen = ProcessInfo.processInfo.environment[variable], !chosen.isEmpty { return [chosen] }
        return defaults
    }

    /// The function called `name`, as `T`, which must be the `@convention(c)` type of its C declaration
    /// (nothing can check that: a wrong type is undefined behaviour, as a wrong prototype is in C).
    public func function<T>(_ name: String, as type: T.Type = T.self) throws(LoadError) -> T {
        guard let symbol = dlsym(handle, name) else { throw .missingSymbol(name, library: fileName) }
        return unsafeBitCast(symbol, to: T.self)
    }
}
