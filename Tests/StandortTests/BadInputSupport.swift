import Foundation
import XCTest

/// A scratch copy of `Fixtures/bad/base` (a four-site scenario with a GeoJSON candidate layer, a CSV layer,
/// a point and a polygon layer) in which a test replaces one file with a bad one and runs `standort`.
struct BadInputWorkspace {
    static let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad/base")

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-bad-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.base, to: folder)
    }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func write(_ name: String, _ text: String) throws {
        try write(name, bytes: Array(text.utf8))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try? FileManager.default.removeItem(at: url(name))
        try Data(bytes).write(to: url(name))
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: url(name))
    }

    /// The base scenario with `old` replaced by `new` (the test fails if `old` is not in it).
    func editScenario(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try String(contentsOf: url("scenario.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains(old), "the base scenario has no '\(old)'", file: file, line: line)
        try write("scenario.yaml", text.replacingOccurrences(of: old, with: new))
    }

    /// Runs `standort args…` in the workspace with `env` added to the environment.
    func run(_ args: [String], env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try StandortProcess.run(args, cwd: folder, env: env)
    }

    /// Files in the workspace whose names start with `.` (the atomic writer's temporary files).
    func leftoverTemporaryFiles(in directory: URL? = nil) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: (directory ?? folder).path)) ?? []
        return names.filter { $0.hasPrefix(".") }
    }

    func destroy() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The contract every failure must keep (issue 5): a documented non-zero status, exactly one `error:` line
/// on stderr (only `error:`/`warning:` lines there, so no trap or stack trace) naming the file and the
/// given details, no output file created, an existing output left byte for byte.
extension XCTestCase {
    /// Runs `args` (default: `score scenario.yaml --out out.geojson --quiet`) twice in `workspace` — once
    /// without an output file and once over an existing one — and checks the failure contract.
    /// - Returns: the `error:` line, for further checks.
    @discardableResult
    func assertFailure(
        _ workspace: BadInputWorkspace, status: Int32, mentions: [String],
        args: [String] = ["score", "scenario.yaml", "--out", "out.geojson", "--quiet"], output: String = "out.geojson",
        env: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let outURL = output.hasPrefix("/") ? URL(fileURLWithPath: output) : workspace.url(output)
        try? FileManager.default.removeItem(at: outURL)

        let first = try workspace.run(args, env: env)
        let errorLine = checkOneErrorLine(first, status: status, mentions: mentions, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outURL.path), "an output file was created", file: file, line: line)
        XCTAssertEqual(workspace.leftoverTemporaryFiles(in: outURL.deletingLastPathComponent()), [], "temporary files were left behind", file: file, line: line)

        // Same run over an existing output: it must be left as it was.
        let sentinel = Array("previous result, must survive\n".utf8)
        if FileManager.default.fileExists(atPath: outURL.deletingLastPathComponent().path),
           (try? Data(sentinel).write(to: outURL)) != nil {
            let second = try workspace.run(args, env: env)
            checkOneErrorLine(second, status: status, mentions: mentions, file: file, line: line)
            XCTAssertEqual(try? Array(Data(contentsOf: outURL)), sentinel, "the existing output was changed", file: file, line: line)
            try? FileManager.default.removeItem(at: outURL)
        }
        return errorLine
    }

    @discardableResult
    func checkOneErrorLine(
        _ result: (status: Int32, stdout: String, stderr: String), status: Int32, mentions: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        XCTAssertEqual(result.status, status, "exit status; stderr: \(result.stderr)", file: file, line: line)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let errors = lines.filter { $0.hasPrefix("error: ") }
        XCTAssertEqual(errors.count, 1, "expected exactly one error: line, stderr was:\n\(result.stderr)", file: file, line: line)
        for other in lines where !other.hasPrefix("error: ") && !other.hasPrefix("warning: ") {
            XCTFail("unexpected stderr line (trap or trace?): \(other)", file: file, line: line)
        }
        let message = errors.first ?? ""
        for needle in mentions {
            XCTAssertTrue(message.contains(needle), "the error line does not mention '\(needle)': \(message)", file: file, line: line)
        }
        return message
    }

    /// Runs `args` and checks it succeeds; returns the result.
    @discardableResult
    func assertSuccess(
        _ workspace: BadInputWorkspace, args: [String] = ["score", "scenario.yaml", "--out", "out.geojson", "--quiet"],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try workspace.run(args)
        XCTAssertEqual(result.status, 0, "stderr: \(result.stderr)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("error:"), result.stderr, file: file, line: line)
        return result
    }

    /// The ranked features of a GeoJSON output as (site id → properties without the input hashes), for
    /// comparing two runs that read the same data from differently written files.
    func rankedProperties(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [String: NSDictionary] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let features = object?["features"] as? [[String: Any]] ?? []
        XCTAssertFalse(features.isEmpty, "no features in \(url.path)", file: file, line: line)
        var out: [String: NSDictionary] = [:]
        for f in features {
            let p = f["properties"] as? [String: Any] ?? [:]
            out[p["site_id"] as? String ?? "?"] = p as NSDictionary
        }
        return out
    }
}
