import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// The scenarios shipped in GeoData validate and score. Pinned expectations come from
/// GeoData/tools/score_check.py, an independent re-implementation with shapely, pyproj and numpy
/// (`python3 GeoData/tools/score_check.py GeoData/scenarios/NAME.yaml --top 5`), whose printed raw
/// criterion values let a reviewer re-derive each score by hand. Scores are pinned to 2e-5 (the printed 6 decimals;
/// score_check.py points pyproj at the system BETA2007 grid and agrees with the engine to 1e-12).
/// The pins moved with the open data of issue 12 (register chargers, VG5000 boundaries, population); why each
/// rank moved is documented in GeoData/README.md ("Pinned ranks after the open data").
final class ShippedScenarioTests: XCTestCase {
    static let geoData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GeoData")

    func score(_ name: String) throws -> ScoringResult {
        let scenario = try ScenarioLoader.load(contentsOf: Self.geoData.appendingPathComponent("scenarios/\(name).yaml"))
        var timings = StageTimings()
        return try ScenarioRunner.run(scenario, timings: &timings)
    }

    func assertTop(_ result: ScoringResult, _ expected: [(String, Double)], file: StaticString = #filePath, line: UInt = #line) {
        for (k, (id, score)) in expected.enumerated() {
            let s = result.outputOrder[k]
            XCTAssertEqual(result.siteIDs[s], .string(id), file: file, line: line)
            XCTAssertEqual(result.ranks[s], k + 1, file: file, line: line)
            XCTAssertEqual(result.scores[s]!, score, accuracy: 2e-5, file: file, line: line)
        }
    }

    func testWolfsburgFastCharging() throws {
        let r = try score("wolfsburg-fast-charging")
        XCTAssertEqual(r.siteIDs.count, 51)
        XCTAssertEqual(r.eligibleIndices.count, 36)
        XCTAssertEqual(r.exclusionCounts.map(\.reason), ["near_existing_charger", "too_few_spaces", "outside_city"])
        XCTAssertEqual(r.exclusionCounts.map(\.count), [10, 2, 3])
        assertTop(r, [("WOB-14", 0.825525), ("WOB-17", 0.816614), ("WOB-19", 0.809899), ("WOB-24", 0.799112), ("WOB-21", 0.771493)])
        // WOB-14: junction 879 m, 26,600 residents within 2 km, 3 shops, supermarket, 80 spaces (score_check.py).
        let s = r.outputOrder[0]
        XCTAssertEqual(r.criteria[0].raw[s], 879, accuracy: 1)
        XCTAssertEqual(r.criteria[1].raw[s], 26600)
        XCTAssertEqual(r.criteria[2].raw[s], 3)
        XCTAssertEqual(r.criteria[3].text?[s], "supermarket")
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
    }

    func testWolfsburgLocalRetail() throws {
        let r = try score("wolfsburg-local-retail")
        XCTAssertEqual(r.eligibleIndices.count, 17, "NV-13 lies outside the VG5000 city polygon")
        assertTop(r, [("NV-08", 0.796997), ("NV-14", 0.710675), ("NV-03", 0.669992), ("NV-15", 0.669170), ("NV-16", 0.666033)])
        XCTAssertEqual(r.criteria[3].raw[r.outputOrder[0]], 6000, accuracy: 1, "plot area of NV-08 in m²")
    }

    func testMitteldeutschlandStructuralChangeWithAHP() throws {
        let r = try score("mitteldeutschland-structural-change")
        XCTAssertEqual(r.eligibleIndices.count, 16)
        assertTop(r, [("MD-01", 0.828156), ("MD-16", 0.799130), ("MD-02", 0.781978), ("MD-03", 0.741366), ("MD-05", 0.735109)])
        // MD-16 Schkeuditz-Radefeld (Nordsachsen): inside the region now that the Saxon districts are in it,
        // 1,251,427 residents within 30 km and 36 register charging points within 10 km (score_check.py).
        let s = r.outputOrder[1]
        XCTAssertEqual(r.criteria[2].raw[s], 1_251_427)
        XCTAssertEqual(r.criteria[4].raw[s], 1)
        XCTAssertEqual(r.criteria[6].raw[s], 36)
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
        let ahp = try XCTUnwrap(r.ahp)
        XCTAssertLessThan(ahp.cr, 0.1)
        XCTAssertEqual(r.weights.reduce(0, +), 1, accuracy: 1e-12)
        // The layers come in EPSG:25832, EPSG:25833 (legacy crs member), Gauß-Krüger zone 4 (CSV), the VG5000
        // districts in Gauß-Krüger zone 3 (legacy crs member, as the BKG publishes them) and the register CSV.
        XCTAssertTrue(r.layers.contains { $0.crs.definition.contains("31468") })
        XCTAssertTrue(r.layers.contains { $0.crs.definition.contains("25833") })
        XCTAssertTrue(r.layers.contains { $0.crs.definition.contains("31467") })
    }

    /// The nationwide scenario on official open data: every municipality of the Destatis directory with a centre
    /// (11,001), the 205 uninhabited ones excluded; ranks and scores from score_check.py.
    func testGermanyFastChargingGaps() throws {
        let r = try score("germany-fast-charging-gaps")
        XCTAssertEqual(r.siteIDs.count, 11_001)
        XCTAssertEqual(r.eligibleIndices.count, 10_796)
        XCTAssertEqual(r.exclusionCounts.map(\.reason), ["uninhabited"])
        XCTAssertEqual(r.exclusionCounts.map(\.count), [205])
        // Cottbus, Frankfurt (Oder), Rostock, Eisenhüttenstadt, Rathenow.
        assertTop(r, [("12052000", 0.979759), ("12053000", 0.928313), ("13003000", 0.920000), ("12067120", 0.912909), ("12063252", 0.907999)])
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
        // The ids are the 8-digit AGS as text, leading zero kept (Flensburg).
        XCTAssertTrue(r.siteIDs.contains(.string("01001000")))
    }

    /// The Gauß-Krüger zone 4 CSV (EPSG:31468, through BETA2007) lands where the same junctions' lon/lat
    /// (GeoData/reference, the coordinates the file was built from) are: < 1 m on the ellipsoid.
    func testGaussKruegerLayerLandsOnItsLonLatReference() throws {
        let gk = try CSVReader.read(contentsOf: Self.geoData.appendingPathComponent("layers/mitteldeutschland/motorway_junctions_gk4.csv"),
                                    xColumn: "rechtswert", yColumn: "hochwert", crs: "EPSG:31468")
        let reference = try CSVReader.read(contentsOf: Self.geoData.appendingPathComponent("reference/motorway_junctions_lonlat.csv"),
                                           xColumn: "lon", yColumn: "lat", crs: "EPSG:4326")
        XCTAssertEqual(gk.features.count, reference.features.count)
        let transformer = try CoordinateTransformer(from: CRS("EPSG:31468"), to: .crs84)
        XCTAssertTrue(transformer.warnings.isEmpty, "\(transformer.warnings)")
        for (a, b) in zip(gk.features, reference.features) {
            XCTAssertEqual(a.properties["junction_id"], b.properties["junction_id"])
            guard case .point(let p)? = a.geometry, case .point(let q)? = b.geometry else { return XCTFail("points expected") }
            XCTAssertLessThan(Geodesic.distance(from: try transformer.transform(p), to: q), 1.0)
        }
    }
}
