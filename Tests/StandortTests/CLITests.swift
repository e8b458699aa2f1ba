import Foundation
import XCTest

/// End-to-end tests of the built `standort` binary: help, the shipped scenarios, outputs a GIS opens,
/// reproducibility of sensitivity runs.
final class CLITests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let small = repository.appendingPathComponent("Tests/SiteScoringTests/Fixtures/small/scenario_25832.yaml").path

    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("standort-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func testHelpListsCommandsAndChoices() throws {
        let root = try StandortProcess.run(["--help"])
        XCTAssertEqual(root.status, 0)
        for command in ["score", "validate", "scenarios", "sensitivity"] { XCTAssertTrue(root.stdout.contains(command), command) }
        let score = try StandortProcess.run(["score", "--help"])
        XCTAssertTrue(score.stdout.contains("--method <method>"))
        XCTAssertTrue(score.stdout.contains("wsm"), score.stdout)
        XCTAssertTrue(score.stdout.contains("topsis"))
    }

    func testScenariosListsTheShippedOnesWithTheDefault() throws {
        let r = try StandortProcess.run(["scenarios"], cwd: Self.repository)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines.contains { $0.hasPrefix("wolfsburg-fast-charging") && $0.hasSuffix("(default)") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("germany-fast-charging-gaps") })
    }

    func testScoreDefaultScenarioWritesRankedGeoJSONThatOGRReads() throws {
        let out = work.appendingPathComponent("ranked.geojson")
        let r = try StandortProcess.run(["score", "--out", out.path, "--top", "3"], cwd: Self.repository)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("rank  site"), r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }.count, 3)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
        XCTAssertNil(json["crs"], "RFC 7946: no crs member")
        let features = json["features"] as! [[String: Any]]
        let ranks = features.compactMap { ($0["properties"] as! [String: Any])["rank"] as? Int }
        XCTAssertEqual(ranks, Array(1...ranks.count))
        let manifest = json["standort"] as! [String: Any]
        XCTAssertEqual(manifest["method"] as? String, "wsm")
        XCTAssertEqual((manifest["scenario"] as! [String: Any])["sha256"].map { "\($0)".count }, 64)

        let ogrinfo = URL(fileURLWithPath: "/usr/bin/ogrinfo")
        guard FileManager.default.isExecutableFile(atPath: ogrinfo.path) else { throw XCTSkip("ogrinfo not installed") }
        let p = Process()
        p.executableURL = ogrinfo
        p.arguments = ["-al", "-so", out.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertFalse(text.contains("Warning"), text)
        XCTAssertTrue(text.contains("Feature Count: 51"), text)
        XCTAssertTrue(text.contains("junction_distance_value: Real"), text)
    }

    func testScoreCSVAndTimings() throws {
        let out = work.appendingPathComponent("ranked.csv"), timings = work.appendingPathComponent("t.json")
        let r = try StandortProcess.run(["score", Self.small, "--out", out.path, "--quiet", "--timings", timings.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let csv = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv[0], "lon,lat,site_id,spaces,kind,rank,score,excluded,excluded_by,exit_distance,exit_distance_value,shops_1km,shops_1km_value,in_area,in_area_value,spaces_value")
        // Site B (rank 1) at 621000/5810000 in EPSG:25832 is 10.7795962, 52.4268054 (cs2cs EPSG:25832 OGC:CRS84).
        XCTAssertTrue(csv[1].hasPrefix("10.7795962,52.4268054,B,30,hotel,1,"), String(csv[1]))
        let t = try JSONSerialization.jsonObject(with: Data(contentsOf: timings)) as! [String: Double]
        XCTAssertEqual(Set(t.keys), ["read", "transform", "criteria", "aggregate", "write", "total"])
    }

    func testValidateReportsLayersAndRanges() throws {
        let r = try StandortProcess.run(["validate", "mitteldeutschland-structural-change"], cwd: Self.repository)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("layer motorway_junctions: 29 features (Point 29); CRS EPSG:31468"), r.stdout)
        XCTAssertTrue(r.stdout.contains("AHP: λmax"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("ok\n"))
    }

    func testUnknownScenarioNameSuggestsTheNearest() throws {
        let r = try StandortProcess.run(["score", "wolfsburg-fast-chargin", "--out", work.appendingPathComponent("x.geojson").path], cwd: Self.repository)
        XCTAssertEqual(r.status, 66)
        XCTAssertTrue(r.stderr.hasPrefix("error: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("did you mean 'wolfsburg-fast-charging'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("x.geojson").path))
    }

    /// Same inputs and seed → byte-identical sensitivity output, whatever the thread count.
    func testSensitivityIsReproducibleAcrossRunsAndThreadCounts() throws {
        var outputs: [[String: Data]] = []
        for (k, threads) in ["1", "4", "4"].enumerated() {
            let dir = work.appendingPathComponent("sens\(k)")
            let r = try StandortProcess.run(["sensitivity", Self.small, "--out", dir.path, "--samples", "500", "--seed", "7", "--quiet", "--threads", threads, "--top", "2"])
            XCTAssertEqual(r.status, 0, r.stderr)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        XCTAssertEqual(Set(outputs[0].keys), ["sensitivity.geojson", "oat.csv", "stability.csv", "tipping.csv", "montecarlo.csv", "smaa.csv",
                                              "summary.json", "summary.md", "stability_tornado.svg", "oat_ranks.svg", "smaa_acceptability.svg"])
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[1], outputs[2])
        XCTAssertTrue(String(decoding: outputs[0]["oat.csv"]!, as: UTF8.self).hasPrefix("criterion,weight,site,score,rank\n"))
    }

    func testScoreIsByteIdenticalAcrossThreadCounts() throws {
        let a = work.appendingPathComponent("a.geojson"), b = work.appendingPathComponent("b.geojson")
        XCTAssertEqual(try StandortProcess.run(["score", Self.small, "--out", a.path, "--quiet", "--threads", "1"]).status, 0)
        XCTAssertEqual(try StandortProcess.run(["score", Self.small, "--out", b.path, "--quiet", "--threads", "3"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
    }
}
