import Foundation
import XCTest

/// Runs the built `standort` binary for end-to-end tests and captures what a planner would see.
///
/// The binary is looked up next to the test bundle (SwiftPM puts products and the `.xctest` bundle in the
/// same build folder, e.g. `.build/debug/`); `STANDORT_BINARY` overrides the lookup.
struct StandortProcess {
    /// Why the binary could not be run.
    enum Failure: Error, CustomStringConvertible {
        case binaryNotFound(searched: [String])

        var description: String {
            switch self {
            case .binaryNotFound(let searched):
                "the standort binary was not found (build it with `swift build --build-tests`); searched: \(searched.joined(separator: ", "))"
            }
        }
    }

    /// The repository root (three levels above this file: Tests/StandortTests/StandortProcess.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folders searched for the binary, best first.
    static func searchFolders() -> [URL] {
        var folders: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["STANDORT_BINARY"], !explicit.isEmpty {
            folders.append(URL(fileURLWithPath: explicit).deletingLastPathComponent())
        }
        // On Linux the test runner is `<build>/debug/<Package>PackageTests.xctest` (Bundle.main is its folder);
        // on macOS the bundle is loaded by xctest and `Bundle(for:)` points into `<build>/debug/`.
        for bundle in [Bundle.main, Bundle(for: Marker.self)] + Bundle.allBundles {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
            folders.append(bundle.bundleURL)
            if let executable = bundle.executableURL { folders.append(executable.deletingLastPathComponent()) }
        }
        return folders
    }

    /// The `standort` executable to run.
    static func binary() throws -> URL {
        if let explicit = ProcessInfo.processInfo.environment["STANDORT_BINARY"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let candidates = searchFolders().map { $0.appendingPathComponent("standort") }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) && !isDirectory($0) }) {
            return found
        }
        throw Failure.binaryNotFound(searched: candidates.map(\.path))
    }

    /// Runs `standort args…` in `cwd` (default: the current directory) with `env` added to the environment;
    /// returns the exit status and everything written to stdout and stderr.
    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = args
        if let cwd { process.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in env { environment[key] = value }
        process.environment = environment
        // Files, not pipes: a pipe fills up at 64 KiB and would block a chatty child while we wait for it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return (process.terminationStatus, stdout, stderr)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    private final class Marker {}
}
