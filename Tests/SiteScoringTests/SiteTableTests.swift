import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// `SiteTable` built in parallel chunks: the same ids, points and areas for any thread count, and the same first
/// problem a serial pass in input order reports (its id, a repeat of an earlier id, its geometry — in that order
/// at one feature), wherever chunk boundaries fall.
final class SiteTableTests: XCTestCase {
    /// 10,000 point sites `S-i` at (i, 2i), with `change` applied to feature i (nil: as it is).
    private func layer(_ change: (Int) -> (id: JSONValue?, geometry: Geometry??)? = { _ in nil }) -> LoadedLayer {
        var features: [Feature] = [], working: [Geometry?] = []
        for i in 0..<10_000 {
            var id: JSONValue? = .string("S-\(i)")
            var geometry: Geometry? = .point(Position(x: Double(i), y: Double(2 * i)))
            if let c = change(i) {
                id = c.id
                if let g = c.geometry { geometry = g }
            }
            var properties = JSONObject()
            if let id { properties["site_id"] = id }
            features.append(Feature(id: nil, geometry: geometry, properties: properties))
            working.append(geometry)
        }
        let source = LayerSource(name: "candidates", url: URL(fileURLWithPath: "/sites.geojson"), path: "sites.geojson")
        return LoadedLayer(source: source, collection: FeatureCollection(features: features), crs: .crs84, sha256: "", working: working)
    }

    private func firstProblem(_ layer: LoadedLayer, threads: Int) -> (ScoringError.Reason, Int?)? {
        do {
            _ = try SiteTable(layer, idField: "site_id", threads: threads)
            return nil
        } catch let error as ScoringError {
            return (error.reason, error.featureIndex)
        } catch {
            XCTFail("\(error)")
            return nil
        }
    }

    func testSameTableForAnyThreadCount() throws {
        let sites = layer()
        let one = try SiteTable(sites, idField: "site_id", threads: 1)
        for threads in [2, 3, 8] {
            let many = try SiteTable(sites, idField: "site_id", threads: threads)
            XCTAssertEqual(many.ids, one.ids)
            XCTAssertEqual(many.referencePoints, one.referencePoints)
            XCTAssertEqual(many.areas, one.areas)
        }
        XCTAssertEqual(one.ids[9_999], .string("S-9999"))
        XCTAssertEqual(one.referencePoints[7], Position(x: 7, y: 14))
    }

    func testFirstProblemInInputOrderWins() {
        let cases: [(String, (Int) -> (id: JSONValue?, geometry: Geometry??)?, ScoringError.Reason, Int)] = [
            // A repeat late in the file (another chunk) of an early id.
            ("duplicate", { $0 == 9_000 ? (.string("S-5"), nil) : nil }, .duplicateSiteID(otherFeature: 5), 9_000),
            // The earliest second occurrence, not the first id that repeats.
            ("earliest repeat", { i in i == 8_000 ? (.string("S-1"), nil) : i == 6_000 ? (.string("S-2"), nil) : nil },
             .duplicateSiteID(otherFeature: 2), 6_000),
            // A missing geometry before a repeat wins; a repeat before a missing geometry wins.
            ("geometry first", { i in i == 5_000 ? (.string("S-5000"), .some(nil)) : i == 7_000 ? (.string("S-1"), nil) : nil },
             .candidateWithoutGeometry, 5_000),
            ("repeat first", { i in i == 7_000 ? (.string("S-1"), .some(nil)) : i == 9_500 ? (.string("S-2"), nil) : nil },
             .duplicateSiteID(otherFeature: 1), 7_000),
            // At one feature the id is checked before the geometry, and a missing id before anything later.
            ("missing id", { i in i == 4_500 ? (nil, nil) : i == 9_999 ? (.string("S-0"), nil) : nil }, .missingSiteID, 4_500),
        ]
        for (name, change, reason, index) in cases {
            let sites = layer(change)
            for threads in [1, 2, 5] {
                let problem = firstProblem(sites, threads: threads)
                XCTAssertEqual(problem?.0, reason, "\(name), \(threads) threads")
                XCTAssertEqual(problem?.1, index, "\(name), \(threads) threads")
            }
        }
    }

    /// Numeric ids: rising ones need no duplicate check; a repeat anywhere — at a chunk boundary, or of an early id
    /// late in the file — is still found.
    func testNumericIDs() throws {
        let rising = layer { i in (.number(Double(i) * 2.5), nil) }
        for threads in [1, 2, 5] { XCTAssertEqual(try SiteTable(rising, idField: "site_id", threads: threads).ids.last, .number(9_999 * 2.5)) }
        let cases: [(Int, Int, Int)] = [(4_095, 4_096, 4_096), (9_000, 3, 9_000)]  // (feature, takes the id of, reported at)
        for (feature, other, reported) in cases {
            let repeated = layer { i in (.number(Double(i == feature ? other : i)), nil) }
            for threads in [1, 2, 5] {
                let problem = firstProblem(repeated, threads: threads)
                XCTAssertEqual(problem?.1, reported, "\(feature) → \(other), \(threads) threads")
            }
        }
    }
}

