import Foundation
import TestSupport
import XCTest

/// `score --stream` (issue 16), end to end through the binary with tiny chunks (`STANDORT_STREAM_CHUNK_FEATURES`), so that a few hundred sites span many chunks: the output is byte for byte the
/// in-memory run's (every method, GeoJSON and CSV, GeoJSON and German CSV candidates), with the same warnings; a
/// mistake in any chunk gives the same error line as the in-memory run, naming the feature by its place in the file.
final class StreamingScoreTests: XCTestCase {
    var folder: URL!
    /// Chunks of 5 features (CSV blocks of 320 bytes).
    let tiny = ["STANDORT_STREAM_CHUNK_FEATURES": "5"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PartitionScenario.write(to: folder, sites: 240, seed: 17)
        try GermanCSVCandidates.write(to: folder, sites: 180, seed: 5)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func run(_ args: [String], env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try StandortProcess.run(args, cwd: folder, env: env)
    }

    func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    func testStreamedOutputIsTheInMemoryOutput() throws {
        for scenario in ["scenario.yaml", "german.yaml"] {
            for method in ["wsm", "topsis", "vikor", "promethee2"] {
                for ext in ["geojson", "csv"] {
                    let memory = try run(["score", scenario, "--method", method, "--out", "memory.\(ext)", "--quiet"])
                    XCTAssertEqual(memory.status, 0, memory.stderr)
                    let streamed = try run(["score", scenario, "--method", method, "--stream", "--out", "streamed.\(ext)", "--quiet", "--threads", "2"], env: tiny)
                    XCTAssertEqual(streamed.status, 0, streamed.stderr)
                    XCTAssertTrue(try bytes("memory.\(ext)") == bytes("streamed.\(ext)"), "\(scenario), \(method), .\(ext): the streamed output differs")
                    XCTAssertEqual(streamed.stderr, memory.stderr, "\(scenario), \(method): the warnings differ")
                }
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("standort-stream") }
        XCTAssertEqual(leftovers, [], "the temporary part file must be removed")
        // The summary table names the same sites.
        let memory = try run(["score", "german.yaml", "--out", "m.geojson"])
        let streamed = try run(["score", "german.yaml", "--stream", "--out", "s.geojson"], env: tiny)
        XCTAssertEqual(streamed.stdout, memory.stdout)
    }

    func testAMistakeInALaterChunkIsTheSameErrorAsInMemory() throws {
        let csv = folder.appendingPathComponent("german.csv")
        let original = try String(contentsOf: csv, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let memory = try run(["score", "german.yaml", "--out", "bad.geojson", "--quiet"])
            let streamed = try run(["score", "german.yaml", "--stream", "--out", "bad.geojson", "--quiet"], env: tiny)
            XCTAssertNotEqual(memory.status, 0, name, file: file, line: line)
            XCTAssertEqual(streamed.status, memory.status, "\(name): \(streamed.stderr)", file: file, line: line)
            XCTAssertEqual(streamed.stderr, memory.stderr, name, file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.geojson").path), name, file: file, line: line)
        }
        // A duplicate id far from the first.
        XCTAssertTrue(lines[150].hasPrefix("W-150;"), lines[150])
        lines[150] = lines[150].replacingOccurrences(of: "W-150;", with: "W-3;")
        try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        try check("duplicate id")
        // A malformed number on a late line.
        lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[170] = lines[170].replacingOccurrences(of: ";10,", with: ";10,7.3,")
        try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        try check("malformed coordinate")
        // A misspelt field (in the scenario).
        try original.write(to: csv, atomically: true, encoding: .utf8)
        let yaml = folder.appendingPathComponent("german.yaml")
        let scenario = try String(contentsOf: yaml, encoding: .utf8)
        try scenario.replacingOccurrences(of: "field: stellplaetze", with: "field: stellplatze").write(to: yaml, atomically: true, encoding: .utf8)
        try check("misspelt field")
    }

    /// FlatGeobuf and GeoJSON text sequences stream through GDAL (converted with ogr2ogr, the reference tool); the
    /// projected copy (EPSG:25832) is transformed back to lon/lat chunk by chunk for the output.
    func testFlatGeobufAndGeoJSONSequenceCandidatesStream() throws {
        let scenario = try String(contentsOf: folder.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        for (name, driver, options) in [("fgb", "FlatGeobuf", []), ("geojsonl", "GeoJSONSeq", []), ("utm.fgb", "FlatGeobuf", ["-t_srs", "EPSG:25832"])] {
            let ext = name
            let convert = Process()
            convert.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            convert.arguments = ["ogr2ogr", "-f", driver] + options + ["candidates.\(ext)", "candidates.geojson"]
            convert.currentDirectoryURL = folder
            try convert.run()
            convert.waitUntilExit()
            XCTAssertEqual(convert.terminationStatus, 0, "ogr2ogr -f \(driver)")
            try scenario.replacingOccurrences(of: "path: candidates.geojson", with: "path: candidates.\(ext)")
                .write(to: folder.appendingPathComponent("\(ext).yaml"), atomically: true, encoding: .utf8)
            for out in ["geojson", "csv"] {
                let memory = try run(["score", "\(ext).yaml", "--out", "memory-\(ext).\(out)", "--quiet"])
                XCTAssertEqual(memory.status, 0, memory.stderr)
                let streamed = try run(["score", "\(ext).yaml", "--stream", "--out", "streamed-\(ext).\(out)", "--quiet"], env: tiny)
                XCTAssertEqual(streamed.status, 0, streamed.stderr)
                XCTAssertTrue(try bytes("memory-\(ext).\(out)") == bytes("streamed-\(ext).\(out)"), "\(name) → .\(out): the streamed output differs")
                XCTAssertEqual(streamed.stderr, memory.stderr)
            }
        }
    }

    /// `outliers: drop` removes candidates in the second pass: positions and counts are those after dropping, in a
    /// streamed run and in a merge of partitions alike.
    func testDroppedOutliersGiveTheSameOutputStreamedAndMerged() throws {
        let csv = folder.appendingPathComponent("german.csv")
        var lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        for row in [7, 60, 61, 150] {
            var cells = lines[row].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            cells[1] = "100,5"  // far outside the working CRS's area of use (Asia)
            lines[row] = cells.joined(separator: ";")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        let yaml = folder.appendingPathComponent("german.yaml")
        let scenario = try String(contentsOf: yaml, encoding: .utf8)
        try scenario.replacingOccurrences(of: "crs: auto", with: "crs: EPSG:25832")
            .replacingOccurrences(of: "candidates: {path: german.csv, id: kennung, x: lon, y: lat}",
                                  with: "candidates: {path: german.csv, id: kennung, x: lon, y: lat, outliers: drop}")
            .write(to: yaml, atomically: true, encoding: .utf8)
        let memory = try run(["score", "german.yaml", "--out", "memory.geojson", "--quiet"])
        XCTAssertEqual(memory.status, 0, memory.stderr)
        XCTAssertTrue(memory.stderr.contains("4 of 180 features"), memory.stderr)
        let streamed = try run(["score", "german.yaml", "--stream", "--out", "streamed.geojson", "--quiet"], env: tiny)
        XCTAssertEqual(streamed.status, 0, streamed.stderr)
        XCTAssertTrue(try bytes("memory.geojson") == bytes("streamed.geojson"), "the streamed output differs")
        XCTAssertEqual(streamed.stderr, memory.stderr)
        for i in 1...3 {
            let r = try run(["score", "german.yaml", "--partition", "\(i)/3", "--out", "p\(i).ndjson", "--quiet"], env: tiny)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let merged = try run(["merge", "german.yaml", "p1.ndjson", "p2.ndjson", "p3.ndjson", "--out", "merged.geojson", "--quiet"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        let (stripped, _) = try XCTUnwrap(PartitionMergeTests.removingParts(try bytes("merged.geojson")))
        XCTAssertTrue(stripped == (try bytes("memory.geojson")), "the merged output differs")
    }

    /// Ctrl-C during a streamed run leaves neither the temporary part nor a half-written output behind.
    func testAnInterruptedRunLeavesNoTemporaryFiles() throws {
        try PartitionScenario.write(to: folder, sites: 4000, seed: 3)
        let process = Process()
        process.executableURL = try StandortProcess.binary()
        process.arguments = ["score", "scenario.yaml", "--stream", "--out", "big.geojson", "--quiet", "--threads", "1"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["STANDORT_STREAM_CHUNK_FEATURES"] = "1"
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        func temporaries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        }
        var waited = 0
        while try temporaries().isEmpty && process.isRunning && waited < 2000 {
            usleep(10_000)
            waited += 1
        }
        XCTAssertTrue(process.isRunning, "the run ended before it could be interrupted; make the test scenario larger")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try temporaries(), [], "temporary files left behind")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("big.geojson").path))
    }

    func testStreamAndPartitionAreExclusive() throws {
        let r = try run(["score", "scenario.yaml", "--stream", "--partition", "1/2", "--out", "p.ndjson"])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("--stream and --partition"), r.stderr)
    }
}

/// German CSV candidates (`;`, decimal commas, `1.200`-style thousands) with a scenario over the partition test's layers.
enum GermanCSVCandidates {
    static func write(to folder: URL, sites: Int, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var text = "kennung;lon;lat;stellplaetze;flaeche_m2;art\n"
        for i in 1...sites {
            let lon = String(format: "%.5f", Double.random(in: 10.70...10.90, using: &rng)).replacingOccurrences(of: ".", with: ",")
            let lat = String(format: "%.5f", Double.random(in: 52.38...52.46, using: &rng)).replacingOccurrences(of: ".", with: ",")
            let spaces = i % 23 == 0 ? "" : "\(Int.random(in: 4...140, using: &rng))"
            let area = "\(Int.random(in: 1...9, using: &rng)).\(Int.random(in: 100...999, using: &rng))"
            text += "W-\(i);\(lon);\(lat);\(spaces);\(area);\(["Hotel", "Supermarkt", "Baumarkt"][i % 3])\n"
        }
        try text.write(to: folder.appendingPathComponent("german.csv"), atomically: true, encoding: .utf8)
        try """
        name: German CSV streaming test
        crs: auto
        method: wsm
        candidates: {path: german.csv, id: kennung, x: lon, y: lat}
        layers:
          pois: {path: pois.csv, x: lon, y: lat}
          exits: {path: exits.geojson}
          areas: {path: areas.geojson}
        criteria:
          - {id: exit_distance, kind: distance, layer: exits, direction: cost, weight: 3}
          - {id: pois_1km, kind: count_within, layer: pois, radius: 1000, direction: benefit, weight: 2}
          - {id: in_area, kind: inside, layer: areas, direction: benefit, weight: 1}
          - {id: spaces, kind: attribute, field: stellplaetze, direction: benefit, weight: 2}
          - {id: area, kind: attribute, field: flaeche_m2, direction: benefit, weight: 1}
          - {id: kind, kind: attribute, field: art, weight: 1, value: {categories: {Hotel: 0.5, Supermarkt: 1.0}, default: 0.2}}
        constraints:
          - {id: near_exit, kind: distance, layer: exits, max: 6000}

        """.write(to: folder.appendingPathComponent("german.yaml"), atomically: true, encoding: .utf8)
    }
}
