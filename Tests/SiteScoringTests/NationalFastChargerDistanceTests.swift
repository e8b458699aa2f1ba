import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// `fast_charger_distance` of the nationwide scenario (germany-fast-charging-gaps) against an independent
/// computation: GeoData/tools/national_distance_check.py projects every municipality centre and fast charger
/// with PROJ's `cs2cs EPSG:4326 EPSG:3035` and finds the nearest charger by a brute-force loop in plain Python
/// (no standort code, no spatial index). Its output is GeoData/reference/national_fast_charger_distances.csv;
/// the numbers below are copied from it (metres, ETRS89-LAEA plane). They must agree to 1 m.
///
/// The same file also gives the geodesic length of each pair (`geod -I +ellps=GRS80`): the planar LAEA
/// distance differs from it by up to 0.04 % at the eastern and western borders (Zittau +11 m on 30.5 km,
/// Selfkant +7.9 m on 29.4 km), which is the scale error of the working CRS, not an error of the engine.
final class NationalFastChargerDistanceTests: XCTestCase {
    static let scenario = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GeoData/scenarios/germany-fast-charging-gaps.yaml")

    /// AGS → distance (m) to the nearest register fast charger, from national_distance_check.py (cs2cs + Python).
    static let expected: [(ags: String, name: String, metres: Double)] = [
        ("03103000", "Wolfsburg", 705.227),
        ("14626110", "Görlitz", 1054.654),
        ("14626610", "Zittau", 30473.875),
        ("12053000", "Frankfurt (Oder)", 57579.611),
        ("05334002", "Aachen", 1925.546),
        ("05370024", "Selfkant", 29365.089),
        ("01001000", "Flensburg", 7403.378),
        ("09172116", "Berchtesgaden", 13746.115),
        ("12052000", "Cottbus", 61893.805),
        ("15002000", "Halle (Saale)", 2246.598),
    ]

    func testNearestFastChargerDistancesAgreeWithCs2csAndPlainPython() throws {
        let scenario = try ScenarioLoader.load(contentsOf: Self.scenario)
        var timings = StageTimings()
        let r = try ScenarioRunner.run(scenario, timings: &timings)
        let criterion = try XCTUnwrap(scenario.criteria.firstIndex { $0.id == "fast_charger_distance" })
        XCTAssertEqual(r.workingCRS.definition, "EPSG:3035")
        for (ags, name, metres) in Self.expected {
            let s = try XCTUnwrap(r.siteIDs.firstIndex(of: .string(ags)), "\(ags) \(name) is a candidate")
            XCTAssertEqual(r.criteria[criterion].raw[s], metres, accuracy: 1.0, "\(ags) \(name)")
        }
    }
}
