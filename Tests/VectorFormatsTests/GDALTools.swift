import Foundation
import XCTest

/// Runs GDAL's command-line tools (`ogr2ogr`, `ogrinfo`; Debian `gdal-bin`) as processes: they make the
/// fixtures and are the independent check of what the writer produced.
enum GDALTools {
    /// The repository checkout (three levels above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A shipped layer, e.g. `layer("wolfsburg/parking_candidates.geojson")`.
    static func layer(_ relative: String) -> URL {
        repositoryRoot.appendingPathComponent("GeoData/layers").appendingPathComponent(relative)
    }

    /// The path of `tool` on `PATH`, or nil.
    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Skips the calling test when the GDAL tools are not installed.
    static func requireTools() throws {
        guard find("ogr2ogr") != nil, find("ogrinfo") != nil else {
            throw XCTSkip("ogr2ogr/ogrinfo not found on PATH: install gdal-bin (make deps) to run the GDAL format tests")
        }
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `tool` with `arguments`, returning its exit status and output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: find(tool) ?? tool)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the tool.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `ogr2ogr` and fails the test unless it succeeds.
    static func ogr2ogr(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try run("ogr2ogr", arguments)
        XCTAssertEqual(result.status, 0, "ogr2ogr \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
    }

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(for test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vectorformats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
