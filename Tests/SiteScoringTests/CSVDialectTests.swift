import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// `--csv-dialect de`: `;`, decimal comma, UTF-8 BOM, CRLF — what a German Excel splits into columns — and it
/// round-trips through Standort's own CSV reader to the same numbers as the default dialect.
final class CSVDialectTests: XCTestCase {
    func testGermanCSVRoundTripsThroughTheReader() throws {
        let scenario = try ScenarioLoader.load(contentsOf: ScenarioRunnerTests.fixtures.appendingPathComponent("scenario_25832.yaml"))
        var timings = StageTimings()
        let r = try ScenarioRunner.run(scenario, timings: &timings)
        let de = try r.rankedCSV(dialect: .de)
        let en = try r.rankedCSV(dialect: .en)
        XCTAssertEqual(Array(de.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: de.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("lon;lat;"), text)
        XCTAssertTrue(text.contains("\r\n"))
        XCTAssertFalse(text.split(separator: "\r\n")[1].contains("."), "a German number has no decimal point: \(text)")
        let german = try CSVReader.read(data: Data(de), xColumn: "lon", yColumn: "lat")
        let english = try CSVReader.read(data: Data(en), xColumn: "lon", yColumn: "lat")
        XCTAssertEqual(german.features.count, english.features.count)
        for (g, e) in zip(german.features, english.features) {
            XCTAssertEqual(g.geometry, e.geometry)
            XCTAssertEqual(g.properties["score"], e.properties["score"])
            XCTAssertEqual(g.properties["exit_distance"], e.properties["exit_distance"])
        }
        XCTAssertEqual(german.features[0].properties["score"]?.number ?? 0, r.scores[r.outputOrder[0]]!, accuracy: 1e-15)
    }
}
