import Foundation
import XCTest

/// Issue 11: plausible planner mistakes that used to give a wrong ranking with exit 0 now stop with one error
/// (or warn), through the binary. One test per class of mistake.
final class PlannerMistakeTests: XCTestCase {
    var workspace: BadInputWorkspace!

    override func setUpWithError() throws { workspace = try BadInputWorkspace() }
    override func tearDown() { workspace?.destroy() }

    func testCostDirectionOnARisingPiecewiseCurveIsAnError() throws {
        try workspace.editScenario("field: spaces, direction: benefit, weight: 1}", "field: spaces, direction: cost, weight: 1, value: {piecewise: [[10, 0], [100, 1]]}}")
        try assertFailure(workspace, status: 65, mentions: ["scenario.yaml:", "criterion 'spaces'", "direction: cost", "curve rises", "remove 'direction:'"])
    }

    func testBenefitDirectionOnARisingCurveStaysValid() throws {
        try workspace.editScenario("field: spaces, direction: benefit, weight: 1}", "field: spaces, direction: benefit, weight: 1, value: {piecewise: [[10, 0], [100, 1]]}}")
        try assertSuccess(workspace)
    }

    func testLinearRangeFlippedTwiceIsAnError() throws {
        try workspace.editScenario("direction: cost, weight: 3}", "direction: cost, weight: 3, value: {linear: [3000, 0]}}")
        try assertFailure(workspace, status: 65, mentions: ["linear: [3000, 0]", "flip it a second time"])
    }

    func testCategoryKeysThatMatchNoDataValueWarn() throws {
        let sites = try String(contentsOf: workspace.url("sites.geojson"), encoding: .utf8)
        try workspace.write("sites.geojson", sites.replacingOccurrences(of: "\"spaces\": 50}", with: "\"spaces\": 50, \"kind\": \"Supermarkt\"}")
            .replacingOccurrences(of: "\"spaces\": 30}", with: "\"spaces\": 30, \"kind\": \"Baumarkt\"}")
            .replacingOccurrences(of: "\"spaces\": 5}", with: "\"spaces\": 5, \"kind\": \"Baumarkt\"}")
            .replacingOccurrences(of: "\"spaces\": 20}", with: "\"spaces\": 20, \"kind\": \"Supermarkt\"}"))
        try workspace.editScenario("field: spaces, direction: benefit, weight: 1}", """
        field: spaces, direction: benefit, weight: 1}
          - {id: use, kind: attribute, field: kind, weight: 1, value: {categories: {Supermarket: 1.0}, default: 0.2}}
        """)
        let result = try assertSuccess(workspace)
        XCTAssertTrue(result.stderr.contains("warning: criterion 'use': category 'Supermarket' matches no value of field 'kind' (did you mean 'Supermarkt'?)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("get the default 0.2: 'Baumarkt' (2), 'Supermarkt' (2)"), result.stderr)
    }

    func testConstantCriterionWarns() throws {
        let sites = try String(contentsOf: workspace.url("sites.geojson"), encoding: .utf8)
        let flattened = sites.replacingOccurrences(of: #""spaces": [0-9]+"#, with: "\"spaces\": 40", options: .regularExpression)
        try workspace.write("sites.geojson", flattened)
        let result = try assertSuccess(workspace)
        XCTAssertTrue(result.stderr.contains("criterion 'spaces' has the same value for all"), result.stderr)
    }

    func testNoEligibleSiteMakesValidateFail() throws {
        try workspace.editScenario("criteria:", "constraints:\n  - {id: impossible, kind: attribute, field: spaces, min: 1000}\ncriteria:")
        let result = try workspace.run(["validate", "scenario.yaml"])
        checkOneErrorLine(result, status: 65, mentions: ["no site is eligible"])
    }

    /// A projected CSV declared as lon/lat: the error names the row, the columns as written and the likely CRS.
    func testGaussKruegerCSVDeclaredAsLonLatSuggestsTheZone() throws {
        try workspace.write("shops.csv", "name;Rechtswert;Hochwert\nS1;4430000;5810000\nS2;4431000;5811000\nS3;4432000;5812000\n")
        try workspace.editScenario("shops: {path: shops.csv, x: lon, y: lat}", "shops: {path: shops.csv, x: Rechtswert, y: Hochwert}")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv", "row 1: Rechtswert 4430000, Hochwert 5810000", "Gauß-Krüger zone 4", "EPSG:31468"])
    }

    func testUTMWithZonePrefixSuggestsEPSG4647() throws {
        try workspace.write("shops.csv", "name;x;y\nS1;32617000;5810000\nS2;32618000;5811000\n")
        try workspace.editScenario("shops: {path: shops.csv, x: lon, y: lat}", "shops: {path: shops.csv, x: x, y: y, crs: EPSG:25832}")
        try assertFailure(workspace, status: 65, mentions: ["zone prefix", "EPSG:4647"])
    }

    func testSwappedAxesAreNamed() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,52.4306,10.7695\nS2,52.4358,10.7800\n")
        try assertFailure(workspace, status: 65, mentions: ["lat, lon in that order", "swap"])
    }

    /// Real data has outliers: one shop far away warns (kept), `outliers: drop` removes it, `error` refuses.
    func testAFewOutliersWarnAndFollowThePolicy() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,10.7695,52.4306\nS2,10.7800,52.4358\nS3,10.7600,52.4300\nFAR,30.0,52.4\n")
        let kept = try assertSuccess(workspace)
        XCTAssertTrue(kept.stderr.contains("1 of 4 features of layer 'shops' lie outside the area of use of EPSG:25832"), kept.stderr)
        XCTAssertTrue(kept.stderr.contains("they are kept"), kept.stderr)
        try workspace.editScenario("shops: {path: shops.csv, x: lon, y: lat}", "shops: {path: shops.csv, x: lon, y: lat, outliers: drop}")
        let dropped = try assertSuccess(workspace)
        XCTAssertTrue(dropped.stderr.contains("they are dropped"), dropped.stderr)
        try workspace.editScenario("outliers: drop", "outliers: error")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv", "lon 30.0000", "outliers: keep"])
    }

    /// Nationwide data in EPSG:25832: a position at 15.0° E (Görlitz) is inside the extended use (Germany).
    func testGermanyIsTheExtendedUseOfUTM32() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,10.7695,52.4306\nS2,10.7800,52.4358\nGOERLITZ,15.0,51.15\n")
        let result = try assertSuccess(workspace)
        XCTAssertFalse(result.stderr.contains("outside the area of use"), result.stderr)
    }

    /// `validate` reports every independent problem at once (one `error:` line each), `score` stops at the first.
    func testValidateReportsAllProblemsAtOnce() throws {
        try workspace.editScenario("field: spaces", "field: Spaces2")
        try workspace.editScenario("criteria:", "constraints:\n  - {id: big, kind: attribute, field: spacez, min: 10}\ncriteria:")
        let validate = try workspace.run(["validate", "scenario.yaml"])
        XCTAssertEqual(validate.status, 65, validate.stderr)
        let errors = validate.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        XCTAssertEqual(errors.count, 2, validate.stderr)
        XCTAssertTrue(errors[0].contains("'Spaces2'") && errors[1].contains("'spacez'"), validate.stderr)
        try assertFailure(workspace, status: 65, mentions: ["'Spaces2'"])

        try workspace.remove("exits.geojson")
        try workspace.remove("area.geojson")
        let missing = try workspace.run(["validate", "scenario.yaml"])
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertEqual(missing.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") && $0.contains("no such file") }.count, 2, missing.stderr)
    }
}
