import Foundation
import XCTest

/// German Excel exports (`;`, decimal comma, '.' as thousands separator, BOM, umlauts, Rechtswert/Hochwert),
/// end to end through the binary (issue 11). The base scenario's `shops.csv` (name, lon, lat) is replaced;
/// where a shop attribute matters, a `sum_within` criterion over it is added.
final class BadInputGermanCSVTests: XCTestCase {
    private var workspace: BadInputWorkspace!

    override func setUpWithError() throws { workspace = try BadInputWorkspace() }
    override func tearDown() { workspace?.destroy() }

    /// Adds `shop_area`: the sum of the shops' `Fläche` within 1 km of a site.
    private func addShopAreaCriterion() throws {
        try workspace.editScenario(
            "  - {id: in_area,",
            "  - {id: shop_area, kind: sum_within, layer: shops, field: Fläche, radius: 1000, direction: benefit, weight: 1}\n  - {id: in_area,")
    }

    private func outputProperty(_ name: String, site: String, file: StaticString = #filePath, line: UInt = #line) throws -> Double? {
        try rankedProperties(workspace.url("out.geojson"), file: file, line: line)[site]?[name] as? Double
    }

    private func warnings(_ result: (status: Int32, stdout: String, stderr: String)) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("warning: ") }
    }

    func testThousandsSeparatorsAreReadAsInThePlainFile() throws {
        // The reference: the same shops with plain numbers (1200, 2500, 800 m²).
        try addShopAreaCriterion()
        try workspace.write("shops.csv", "name,lon,lat,Fläche\nS1,10.7695,52.4306,1200\nS2,10.7800,52.4358,2500\nS3,10.7600,52.4300,800\n")
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "plain.geojson", "--quiet"])
        // German Excel: BOM, ';', decimal commas in the coordinates, thousands dots in Fläche.
        try workspace.write("shops.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(
            "name;lon;lat;Fläche\r\nS1;10,7695;52,4306;1.200\r\nS2;10,7800;52,4358;2.500\r\nS3;10,7600;52,4300;800\r\n".utf8))
        let result = try assertSuccess(workspace)
        XCTAssertEqual(warnings(result), [], "a file in one convention throughout gets no warning")
        XCTAssertEqual(try rankedProperties(workspace.url("out.geojson")), try rankedProperties(workspace.url("plain.geojson")))
        // By hand: site A (10.7649 E, 52.427 N) is ≈ 510 m from S1 and ≈ 470 m from S3, ≈ 1.1 km from S2
        // (Δlon × 67.9 km/°, Δlat × 111.2 km/°), so its shop area is 1200 + 800 = 2000, not 1.2 + 800.
        XCTAssertEqual(try outputProperty("shop_area", site: "A"), 2000)
    }

    func testProjectedCoordinatesWithThousandsSeparatorsAreRead() throws {
        // The base shops in EPSG:25832 by cs2cs (EPSG:4326 → EPSG:25832, 2 decimals), written as German Excel
        // writes them: 620.303,25 / 5.810.405,17. Same shops, so the same ranking as the base lon/lat file.
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "plain.geojson", "--quiet"])
        try workspace.editScenario("shops: {path: shops.csv, x: lon, y: lat}", "shops: {path: shops.csv, x: Rechtswert, y: Hochwert, crs: EPSG:25832}")
        try workspace.write("shops.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("""
            Name;Rechtswert;Hochwert;Straße
            S1;620.303,25;5.810.405,17;Hauptstraße 1
            S2;621.002,81;5.811.001,03;Am Bahnhof 2
            S3;619.659,05;5.810.322,67;Lindenallee 3

            """.utf8))
        let result = try assertSuccess(workspace)
        XCTAssertEqual(warnings(result), [])
        let base = try rankedProperties(workspace.url("plain.geojson")).mapValues { $0["shops_1km"] as? Double }
        XCTAssertEqual(try rankedProperties(workspace.url("out.geojson")).mapValues { $0["shops_1km"] as? Double }, base)
        XCTAssertEqual(base["A"], 2, "site A has S1 and S3 within 1 km (see above)")
    }

    func testAmbiguousValueInADecimalPointColumnWarnsNamingColumnAndLines() throws {
        // lat written with decimal points; 52.430 on line 4 could be 52430 with a thousands dot: read as 52.43.
        try workspace.write("shops.csv", "name;lon;lat\nS1;10.7695;52.4306\nS2;10.7800;52.4358\nS3;10.7600;52.430\n")
        let result = try assertSuccess(workspace)
        XCTAssertEqual(warnings(result).count, 1, result.stderr)
        let warning = warnings(result).first ?? ""
        for needle in ["shops.csv", "column \"lat\"", "\"52.430\" on line 4", "read with a decimal point (52.430 = 52.43)", "\"52.4306\" on line 2"] {
            XCTAssertTrue(warning.contains(needle), "no '\(needle)' in: \(warning)")
        }
    }

    func testColumnMixingConventionsWarnsOnceWithTheFirstLineOfEach() throws {
        try addShopAreaCriterion()
        try workspace.write("shops.csv", "name;lon;lat;Fläche\nS1;10,7695;52,4306;1200,5\nS2;10,7800;52,4358;2500.25\nS3;10,7600;52,4300;800,75\n")
        let result = try assertSuccess(workspace)
        XCTAssertEqual(warnings(result).count, 1, result.stderr)
        let warning = warnings(result).first ?? ""
        for needle in ["shops.csv", "column \"Fläche\"", "mixes decimal separators", "\"1200,5\" on line 2", "\"2500.25\" on line 3"] {
            XCTAssertTrue(warning.contains(needle), "no '\(needle)' in: \(warning)")
        }
        // Each value as written: A has S1 and S3 within 1 km, 1200.5 + 800.75.
        XCTAssertEqual(try outputProperty("shop_area", site: "A"), 2001.25)
    }

    func testGroupedColumnInAFileWithDecimalPointCoordinatesWarns() throws {
        try addShopAreaCriterion()
        try workspace.write("shops.csv", "name;lon;lat;Fläche\nS1;10.7695;52.4306;1.200\nS2;10.7800;52.4358;2.500\nS3;10.7600;52.4300;800\n")
        let result = try assertSuccess(workspace)
        let warning = warnings(result).first ?? ""
        for needle in ["shops.csv", "column \"Fläche\"", "thousands separator (1.200 = 1200)", "column \"lon\" writes decimal points", "write 1,2"] {
            XCTAssertTrue(warning.contains(needle), "no '\(needle)' in: \(warning)")
        }
        XCTAssertEqual(try outputProperty("shop_area", site: "A"), 2000)
    }

    func testNumberFittingNeitherConventionIsAnErrorNamingFileLineColumnAndValue() throws {
        try addShopAreaCriterion()
        try workspace.write("shops.csv", "name;lon;lat;Fläche\nS1;10,7695;52,4306;1.200\nS2;10,7800;52,4358;12.34,5\nS3;10,7600;52,4300;800\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:3:", "column \"Fläche\"", "\"12.34,5\"", "groups of three digits"])
    }

    func testDecimalPointAmongThousandsIsAnError() throws {
        try addShopAreaCriterion()
        try workspace.write("shops.csv", "name;lon;lat;Fläche\nS1;10,7695;52,4306;1.200\nS2;10,7800;52,4358;2.500\nS3;10,7600;52,4300;1.20\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:4:", "column \"Fläche\"", "\"1.20\"", "\"1.200\" on line 2", "write 1,20"])
    }

    func testMalformedCoordinateIsAnError() throws {
        try workspace.write("shops.csv", "name;lon;lat\nS1;10,7695;52,4306\nS2;10.780.0;52,4358\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:3:", "column \"lon\"", "\"10.780.0\"", "is not a number"])
    }

    func testDecimalCommasInACommaDelimitedFileSayToUseSemicolonAndShowTheLine() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,10,7695,52,4306\nS2,10,7800,52,4358\n")
        let message = try assertFailure(workspace, status: 65, mentions: [
            "shops.csv:2:", "the row has 5 fields, the header has 3", "S1,10,7695,52,4306", "decimal commas need ';' as delimiter",
        ])
        XCTAssertFalse(message.contains("quote fields"), message)
    }

    func testThousandsSeparatorInACoordinateOfACommaFileGetsTheThousandsHint() throws {
        try workspace.editScenario("shops: {path: shops.csv, x: lon, y: lat}", "shops: {path: shops.csv, x: Rechtswert, y: Hochwert, crs: EPSG:25832}")
        try workspace.write("shops.csv", "Name,Rechtswert,Hochwert\nS1,\"620.303,25\",5810405.17\n")
        let message = try assertFailure(workspace, status: 65, mentions: [
            "shops.csv:2:", "column \"Rechtswert\"", "\"620.303,25\"", "thousands separator", "';' as delimiter", "620303.25",
        ])
        XCTAssertFalse(message.contains("a decimal comma is accepted only"), message)
    }

    func testValidateShowsTheWarnings() throws {
        try workspace.write("shops.csv", "name;lon;lat\nS1;10,7695;52,4306\nS2;10.7800;52,4358\nS3;10,7600;52,4300\n")
        let result = try workspace.run(["validate", "scenario.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(warnings(result).contains { $0.contains("column \"lon\"") && $0.contains("mixes decimal separators") }, result.stderr)
    }
}
