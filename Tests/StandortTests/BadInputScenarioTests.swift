import Foundation
import XCTest

/// Bad scenario files and settings, end to end: errors name the scenario file and line:column (YAML) or
/// the field, and suggest the nearest valid key.
final class BadInputScenarioTests: XCTestCase {
    private var workspace: BadInputWorkspace!

    override func setUpWithError() throws { workspace = try BadInputWorkspace() }
    override func tearDown() { workspace?.destroy() }

    func testMissingScenarioFile() throws {
        try workspace.remove("scenario.yaml")
        try assertFailure(workspace, status: 66, mentions: ["scenario.yaml", "no such file"])
    }

    func testScenarioIsADirectory() throws {
        try workspace.remove("scenario.yaml")
        try FileManager.default.createDirectory(at: workspace.url("scenario.yaml"), withIntermediateDirectories: false)
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml", "directory"])
    }

    func testEmptyScenario() throws {
        try workspace.write("scenario.yaml", "")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml", "empty"])
    }

    func testYAMLSyntaxErrorHasLineAndColumn() throws {
        // The flow mapping opened on line 2 is never closed; libyaml notices on line 3.
        try workspace.write("scenario.yaml", "name: x\ncandidates: {path: sites.geojson\ncriteria:\n  - id: a\n")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:3:", "YAML syntax error"])
    }

    func testTabIndentationIsASyntaxError() throws {
        try workspace.write("scenario.yaml", "name: x\ncandidates:\n\tpath: sites.geojson\n")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:3:1:", "YAML syntax error"])
    }

    func testControlCharacterHasLineAndColumn() throws {
        // Found by FuzzScenario: libyaml's reader errors came without a position. U+0001 is at line 2, column 4.
        try workspace.write("scenario.yaml", "name: x\nb: \u{01}abc\n")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:2:4:", "control characters", "U+0001"])
    }

    func testNotUTF8() throws {
        try workspace.write("scenario.yaml", bytes: Array("name: M".utf8) + [0xFC] + Array("nchen\n".utf8))
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml", "UTF-8"])
    }

    func testUnknownTopLevelKeyNamesTheNearestValidKey() throws {
        try workspace.editScenario("method: wsm", "methd: wsm")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:3:1:", "'methd'", "did you mean 'method'"])
    }

    func testUnknownCriterionKeyNamesTheNearestValidKey() throws {
        try workspace.editScenario("radius: 1000", "radios: 1000")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:11:", "'radios'", "did you mean 'radius'"])
    }

    func testUnknownLayerNameIsSuggested() throws {
        try workspace.editScenario("layer: exits,", "layer: exit,")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:10:", "'exit'", "exits"])
    }

    func testAliasBombIsBounded() throws {
        // 1000 experts, each an alias of one list of 1000 aliased judgements: 10⁶ judgements (4·10⁶ nodes)
        // from a 7.5 kB file. The loader's node budget (10⁵) stops it with an error instead of expanding it.
        var text = try String(contentsOf: workspace.url("scenario.yaml"), encoding: .utf8)
        for w in [", weight: 3}", ", weight: 2}", ", weight: 1}"] { text = text.replacingOccurrences(of: w, with: "}") }
        let expert = "[&j [exit_distance, shops_1km, 3]" + String(repeating: ", *j", count: 999) + "]"
        let group = "ahp_group: [&e " + expert + String(repeating: ", *e", count: 999) + "]\n"
        try workspace.write("scenario.yaml", text.replacingOccurrences(of: "criteria:", with: group + "criteria:"))
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:", "expands to more than 100000 nodes"])
    }

    func testDeepNestingIsBounded() throws {
        try workspace.write("scenario.yaml", "name: x\ndescription: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:2:", "nested"])
    }

    func testUnknownEPSGCode() throws {
        try workspace.editScenario("crs: EPSG:25832", "crs: EPSG:99999")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml", "crs", "EPSG:99999"])
    }

    func testInvalidPROJString() throws {
        try workspace.editScenario("crs: EPSG:25832", #"crs: "+proj=nonsense +ellps=WGS84""#)
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml", "crs", "+proj=nonsense"])
    }

    func testUnknownLayerCRS() throws {
        try workspace.editScenario("exits: {path: exits.geojson}", "exits: {path: exits.geojson, crs: EPSG:99999}")
        try assertFailure(workspace, status: 65, mentions: ["exits.geojson", "EPSG:99999"])
    }

    func testUnsupportedLegacyCRSMemberInALayer() throws {
        try workspace.write("exits.geojson", #"{"type": "FeatureCollection", "crs": {"type": "link", "properties": {"href": "http://example.com/crs"}}, "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [10.8, 52.43]}}]}"#)
        try assertFailure(workspace, status: 65, mentions: ["exits.geojson", "crs"])
    }

    func testWorkingCRSInDegrees() throws {
        try workspace.editScenario("crs: EPSG:25832", "crs: EPSG:4326")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml", "crs", "geographic (degrees)"])
    }

    func testRadiusZero() throws {
        try workspace.editScenario("radius: 1000", "radius: 0")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:11:", "shops_1km", "radius", "greater than 0"])
    }

    func testNegativeWeight() throws {
        try workspace.editScenario("weight: 3", "weight: -3")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:10:", "exit_distance", "weight"])
    }

    func testAllWeightsZero() throws {
        for w in ["weight: 3", "weight: 2", "weight: 1"] { try workspace.editScenario(w, "weight: 0") }
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:", "all criterion weights are 0"])
    }

    func testOneZeroWeightIsAWarning() throws {
        try workspace.editScenario("weight: 3", "weight: 0")
        let result = try assertSuccess(workspace)
        XCTAssertTrue(result.stderr.contains("warning: criterion 'exit_distance' has weight 0"), result.stderr)
    }

    func testLayerPathOutsideTheScenarioFolderIsAllowedAndReportedByValidate() throws {
        let elsewhere = workspace.folder.appendingPathComponent("../standort-bad-elsewhere-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.copyItem(at: workspace.url("exits.geojson"), to: elsewhere.appendingPathComponent("exits.geojson"))
        try workspace.editScenario("exits: {path: exits.geojson}", "exits: {path: ../\(elsewhere.lastPathComponent)/exits.geojson}")
        try assertSuccess(workspace)
        let result = try assertSuccess(workspace, args: ["validate", "scenario.yaml"])
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("layer exits:") } ?? ""
        XCTAssertTrue(line.contains("outside the scenario's folder"), String(line))
        XCTAssertTrue(line.contains(elsewhere.lastPathComponent), String(line))
    }

    func testMissingLayerFileNamesTheLayerAndScenarioPath() throws {
        try workspace.editScenario("exits: {path: exits.geojson}", "exits: {path: exit.geojson}")
        try assertFailure(workspace, status: 66, mentions: ["exit.geojson", "no such file", "exits"])
    }

    func testUnknownShippedScenarioName() throws {
        try assertFailure(workspace, status: 66, mentions: ["no-such-scenario"], args: ["score", "no-such-scenario", "--out", "out.geojson", "--quiet"])
    }

    func testBadOptionIsAUsageError() throws {
        let result = try workspace.run(["score", "scenario.yaml", "--threads", "0"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("--threads"), result.stderr)
    }
}
