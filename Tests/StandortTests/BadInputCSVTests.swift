import Foundation
import XCTest

/// Bad and unusual CSV layers (the base scenario's `shops.csv`, columns name, lon, lat), end to end.
/// Errors name the file, the 1-based line (header = line 1) and the column.
final class BadInputCSVTests: XCTestCase {
    private var workspace: BadInputWorkspace!

    override func setUpWithError() throws { workspace = try BadInputWorkspace() }
    override func tearDown() { workspace?.destroy() }

    func testMissingCoordinateColumnNamesTheColumnAndTheHeader() throws {
        try workspace.write("shops.csv", "name,longitude,latitude\nS1,10.7695,52.4306\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:1:", "column \"lon\"", "\"longitude\""])
    }

    func testRaggedRowNamesTheLine() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,10.7695,52.4306\nS2,10.78,52.4358,extra\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:3:", "4 fields", "header has 3"])
    }

    func testShortRowNamesTheLine() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,10.7695\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:2:", "2 fields"])
    }

    func testEmptyCSV() throws {
        try workspace.write("shops.csv", "")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv", "empty"])
    }

    func testHeaderOnlyCSVIsAnEmptyLayerACriterionNeeds() throws {
        try workspace.write("shops.csv", "name,lon,lat\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv", "shops_1km"])
    }

    func testNonNumericCoordinate() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,10.7695,52.4306\nS2,ten,52.4358\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:3:", "column \"lon\"", "\"ten\""])
    }

    func testDecimalCommaWithCommaDelimiterIsAnError() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,\"10,7695\",52.4306\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:2:", "column \"lon\"", "decimal comma"])
    }

    func testOverflowingCoordinate() throws {
        try workspace.write("shops.csv", "name,lon,lat\nS1,1e999,52.4306\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:2:", "column \"lon\"", "not finite"])
    }

    func testUnterminatedQuote() throws {
        try workspace.write("shops.csv", "name,lon,lat\n\"S1,10.7695,52.4306\n")
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:2:", "quoted field"])
    }

    func testInvalidUTF8() throws {
        try workspace.write("shops.csv", bytes: Array("name,lon,lat\nM".utf8) + [0xFC] + Array("nchen,10.7695,52.4306\n".utf8))
        try assertFailure(workspace, status: 65, mentions: ["shops.csv:2:", "UTF-8"])
    }

    func testControlCharactersFromTheFileAreEscapedInTheErrorLine() throws {
        // A header cell with a carriage return and an ANSI colour escape, echoed in the "the columns are …" list:
        // printed raw, the CR would overwrite the error line and the escape recolour the terminal.
        try workspace.write("shops.csv", "\"na\rme\u{1B}[31m\",long,lat\nS1,10.7695,52.4306\n")
        let message = try assertFailure(workspace, status: 65, mentions: ["shops.csv:1:", "column \"lon\""])
        XCTAssertFalse(message.unicodeScalars.contains { $0.properties.generalCategory == .control }, message.debugDescription)
        XCTAssertTrue(message.contains("na\\rme\\u{1B}[31m"), message.debugDescription)
    }

    func testCSVOverTheSizeCapIsRejectedUpFront() throws {
        // A sparse 600 MB file (> 512 MiB = 536870912 bytes): rejected before parsing, naming the limit.
        try workspace.write("shops.csv", "")
        let handle = try FileHandle(forWritingTo: workspace.url("shops.csv"))
        try handle.truncate(atOffset: 600_000_000)
        try handle.close()
        try assertFailure(workspace, status: 65, mentions: ["shops.csv", "600000000 bytes", "limit of 536870912"])
    }

    /// The three variants below hold the same three shops as the base file, so the ranking must be
    /// identical to the base run's (the independent reference: the plain comma/point file).
    private func assertSameRankingAsBase(_ variant: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "plain.geojson", "--quiet"], file: file, line: line)
        try workspace.write("shops.csv", bytes: variant)
        try assertSuccess(workspace, file: file, line: line)
        XCTAssertEqual(try rankedProperties(workspace.url("out.geojson")), try rankedProperties(workspace.url("plain.geojson")), file: file, line: line)
    }

    func testByteOrderMarkIsAccepted() throws {
        try assertSameRankingAsBase([0xEF, 0xBB, 0xBF] + Array(String(contentsOf: workspace.url("shops.csv"), encoding: .utf8).utf8))
    }

    func testSemicolonsAndDecimalCommasAreAccepted() throws {
        try assertSameRankingAsBase(Array("name;lon;lat\r\nS1;10,7695;52,4306\r\nS2;10,7800;52,4358\r\nS3;10,7600;52,4300\r\n".utf8))
    }

    func testQuotedFieldsWithDelimitersAndBlankLinesAreAccepted() throws {
        try assertSameRankingAsBase(Array("name,lon,lat\n\"S1, the \"\"big\"\" one\",10.7695,52.4306\n\nS2,10.7800,52.4358\nS3,10.7600,52.4300".utf8))
    }
}
