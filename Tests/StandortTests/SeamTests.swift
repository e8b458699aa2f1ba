import Foundation
import XCTest

/// The seams of issue 10, end to end through the binary: every aggregation method writes its outcome, the
/// format seam refuses unsupported formats with one clear error, and field names that do not resolve stop the run.
final class SeamTests: XCTestCase {
    var workspace: BadInputWorkspace!

    override func setUpWithError() throws { workspace = try BadInputWorkspace() }
    override func tearDown() { workspace?.destroy() }

    func manifest(_ name: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.url(name))) as? [String: Any]
        return try XCTUnwrap(object?["standort"] as? [String: Any])
    }

    func testEveryMethodRunsAndIsRecordedInTheManifest() throws {
        for method in ["wsm", "topsis", "vikor", "promethee2"] {
            try assertSuccess(workspace, args: ["score", "scenario.yaml", "--method", method, "--out", "\(method).geojson", "--quiet"])
            let m = try manifest("\(method).geojson")
            XCTAssertEqual(m["method"] as? String, method)
            try assertSuccess(workspace, args: ["score", "scenario.yaml", "--method", method, "--out", "\(method).csv", "--quiet"])
        }
        let vikor = try XCTUnwrap(try manifest("vikor.geojson")["vikor"] as? [String: Any])
        XCTAssertEqual(vikor["v"] as? Double, 0.5)
        XCTAssertNotNil(vikor["acceptable_advantage"] as? Bool)
        XCTAssertNotNil(vikor["acceptable_stability"] as? Bool)
        XCTAssertFalse((vikor["compromise_set"] as? [Any] ?? []).isEmpty)
        let first = try XCTUnwrap(try rankedProperties(workspace.url("vikor.geojson")).values.first { ($0["rank"] as? Int) == 1 })
        XCTAssertEqual(first["score"] as? Double ?? -1, 1 - (first["vikor_q"] as? Double ?? 9), accuracy: 1e-12)
        XCTAssertNotNil(first["vikor_s"] as? Double)
        let flows = try XCTUnwrap(try rankedProperties(workspace.url("promethee2.geojson")).values.first { ($0["rank"] as? Int) == 1 })
        XCTAssertEqual(flows["score"] as? Double ?? -1, (flows["phi_plus"] as? Double ?? 9) - (flows["phi_minus"] as? Double ?? 9), accuracy: 1e-12)
        let promethee = try XCTUnwrap(try manifest("promethee2.geojson")["promethee2"] as? [String: Any])
        XCTAssertEqual((promethee["functions"] as? [String: String])?["exit_distance"], "usual")
    }

    func testScenarioMethodSettings() throws {
        try workspace.editScenario("method: wsm", "method: promethee2\npromethee: {function: linear, q: 0.05, p: 0.4}\nvikor: {v: 0.3}")
        try workspace.editScenario("direction: cost, weight: 3}", "direction: cost, weight: 3, promethee: {function: vshape, p: 0.2}}")
        try assertSuccess(workspace)
        let functions = try XCTUnwrap((try manifest("out.geojson")["promethee2"] as? [String: Any])?["functions"] as? [String: String])
        XCTAssertEqual(functions["exit_distance"], "vshape(p=0.2)")
        XCTAssertEqual(functions["shops_1km"], "linear(q=0.05, p=0.4)")
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--method", "vikor", "--out", "v.geojson", "--quiet"])
        XCTAssertEqual((try manifest("v.geojson")["vikor"] as? [String: Any])?["v"] as? Double, 0.3)
    }

    func testPrometheeSiteLimitIsAClearError() throws {
        try workspace.editScenario("method: wsm", "method: promethee2\npromethee: {max_sites: 2}")
        try assertFailure(workspace, status: 65, mentions: ["PROMETHEE II", "limit of 2", "wsm, topsis or vikor"])
    }

    func testInvalidPreferenceThresholdsAreScenarioErrors() throws {
        try workspace.editScenario("method: wsm", "method: promethee2\npromethee: {function: linear, q: 0.5, p: 0.2}")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:", "p must be greater than q"])
    }

    func testSensitivityRunsForEveryMethod() throws {
        for method in ["topsis", "vikor", "promethee2"] {
            let out = "sens-\(method)"
            try assertSuccess(workspace, args: ["sensitivity", "scenario.yaml", "--method", method, "--analysis", "all", "--samples", "200", "--out", out, "--quiet"])
            let summary = try String(contentsOf: workspace.url("\(out)/summary.md"), encoding: .utf8)
            XCTAssertTrue(summary.contains("Model: \(method)"), summary)
        }
    }

    func testGeoPackageWithoutAReaderSaysHowToConvert() throws {
        // A GeoPackage is an SQLite file: told by its first bytes even under a misleading name.
        try workspace.write("exits.dat", bytes: Array("SQLite format 3\u{0}".utf8) + Array(repeating: 0, count: 100))
        try workspace.editScenario("exits: {path: exits.geojson}", "exits: {path: exits.dat}")
        let line = try workspace.run(["score", "scenario.yaml", "--out", "out.geojson", "--quiet"]).stderr
        XCTAssertFalse(line.contains("invalid JSON"), line)
        XCTAssertTrue(line.contains("GeoPackage"), line)
    }

    func testOutputExtensionWithoutWriterIsAUsageError() throws {
        try assertFailure(workspace, status: 64, mentions: ["out.shp", "10 characters", ".geojson"],
                          args: ["score", "scenario.yaml", "--out", "out.shp", "--quiet"], output: "out.shp")
        try assertFailure(workspace, status: 64, mentions: ["out.docx", ".geojson, .json, .csv"],
                          args: ["score", "scenario.yaml", "--out", "out.docx", "--quiet"], output: "out.docx")
    }

    func testUnknownFieldSuggestsTheUmlautSpelling() throws {
        // The candidates have `spaces`; a planner types the German name without umlaut of a field that has one.
        let sites = try String(contentsOf: workspace.url("sites.geojson"), encoding: .utf8)
        try workspace.write("sites.geojson", sites.replacingOccurrences(of: "\"spaces\"", with: "\"Stellplätze\""))
        try workspace.editScenario("field: spaces", "field: Stellplaetze")
        try assertFailure(workspace, status: 65, mentions: ["criterion 'spaces'", "'Stellplaetze'", "did you mean 'Stellplätze'"])
        let validate = try workspace.run(["validate", "scenario.yaml"])
        XCTAssertEqual(validate.status, 65, validate.stderr)
    }

    func testFieldEmptyOnEveryFeatureIsAnError() throws {
        let sites = try String(contentsOf: workspace.url("sites.geojson"), encoding: .utf8)
        let emptied = sites.replacingOccurrences(of: #""spaces":\s*[0-9]+"#, with: "\"spaces\": null", options: .regularExpression)
        XCTAssertNotEqual(emptied, sites)
        try workspace.write("sites.geojson", emptied)
        try assertFailure(workspace, status: 65, mentions: ["'spaces'", "empty (null) on every feature"])
    }

    func testAHPFractionsAreAccepted() throws {
        try workspace.editScenario("direction: cost, weight: 3}", "direction: cost}")
        try workspace.editScenario("direction: benefit, weight: 2}", "direction: benefit}")
        try workspace.editScenario("kind: inside, layer: area, direction: benefit, weight: 1}", "kind: inside, layer: area, direction: benefit}")
        try workspace.editScenario("field: spaces, direction: benefit, weight: 1}", """
        field: spaces, direction: benefit}
        ahp:
          - [exit_distance, shops_1km, 3]
          - [exit_distance, in_area, 5]
          - [exit_distance, spaces, 5]
          - [shops_1km, in_area, 3]
          - [shops_1km, spaces, 3]
          - [in_area, spaces, 1/1]
        """)
        try assertSuccess(workspace)
        try workspace.editScenario("[in_area, spaces, 1/1]", "[in_area, spaces, 1/12]")
        try assertFailure(workspace, status: 65, mentions: ["1/12", "1/9 to 9"])
    }

    /// Output files and folders get the permissions the umask gives new files (not mkstemp's 0600 / mkdtemp's 0700).
    func testOutputsGetTheUsualPermissions() throws {
        let mask = umask(0o022)
        umask(mask)
        try assertSuccess(workspace, args: ["sensitivity", "scenario.yaml", "--samples", "50", "--out", "sens", "--quiet"])
        try assertSuccess(workspace)
        func mode(_ name: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: workspace.url(name).path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        XCTAssertEqual(try mode("sens"), Int(0o777 & ~mask))
        XCTAssertEqual(try mode("sens/summary.md"), Int(0o666 & ~mask))
        XCTAssertEqual(try mode("out.geojson"), Int(0o666 & ~mask))
    }

    /// An option the chosen format ignores resolves but looks unintended: a warning, not silence.
    func testOptionsTheFormatIgnoresWarn() throws {
        let result = try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "out.geojson", "--csv-dialect", "de", "--quiet"])
        XCTAssertTrue(result.stderr.contains("warning: --csv-dialect applies to CSV output only"), result.stderr)
        let csv = try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "out.csv", "--precision", "3", "--quiet"])
        XCTAssertTrue(csv.stderr.contains("warning: --precision applies to GeoJSON output only"), csv.stderr)
    }
}
