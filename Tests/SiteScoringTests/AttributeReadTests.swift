import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// `MeasureContext.attribute` reads candidate properties in parallel chunks: the same values, texts and missing
/// flags for any thread count, and the first bad value in site order is the one reported, wherever chunk
/// boundaries fall (the expected values are the properties as written; a serial pass is the reference order).
final class AttributeReadTests: XCTestCase {
    /// 20,000 sites; `spaces` is i % 7 as a number, except null at every 11th site, absent at every 13th,
    /// `true`/`false` at every 17th, and what `change` gives at chosen sites.
    private func context(threads: Int, _ change: [Int: JSONValue] = [:]) throws -> MeasureContext {
        var features: [Feature] = [], working: [Geometry?] = []
        for i in 0..<20_000 {
            var properties = JSONObject()
            properties["site_id"] = .string("S-\(i)")
            if let changed = change[i] {
                properties["spaces"] = changed
            } else if i % 11 == 0 {
                properties["spaces"] = .null
            } else if i % 17 == 0 {
                properties["spaces"] = .bool(i % 2 == 0)
            } else if i % 13 != 0 {
                properties["spaces"] = .number(Double(i % 7))
            }
            let geometry: Geometry = .point(Position(x: Double(i), y: Double(i)))
            features.append(Feature(geometry: geometry, properties: properties))
            working.append(geometry)
        }
        let source = LayerSource(name: "candidates", url: URL(fileURLWithPath: "/sites.geojson"), path: "sites.geojson")
        let layer = LoadedLayer(source: source, collection: FeatureCollection(features: features), crs: .crs84, sha256: "", working: working)
        return MeasureContext(layers: [:], sites: try SiteTable(layer, idField: "site_id", threads: threads), threads: threads, progress: nil)
    }

    func testValuesMissingAndTextForAnyThreadCount() throws {
        for threads in [1, 2, 5] {
            let measured = try context(threads: threads).attribute("spaces", textual: false, user: "criterion 'spaces'")
            let text = try context(threads: threads).attribute("spaces", textual: true, user: "criterion 'spaces'")
            for i in 0..<20_000 {
                let isNull = i % 11 == 0, isBool = !isNull && i % 17 == 0, isAbsent = !isNull && !isBool && i % 13 == 0
                XCTAssertEqual(measured.missing![i], isNull || isAbsent, "site \(i), \(threads) threads")
                if isNull || isAbsent {
                    XCTAssertTrue(measured.raw[i].isNaN)
                    XCTAssertNil(text.text![i])
                } else if isBool {
                    XCTAssertEqual(measured.raw[i], i % 2 == 0 ? 1 : 0)
                    XCTAssertEqual(text.text![i], i % 2 == 0 ? "true" : "false")
                } else {
                    XCTAssertEqual(measured.raw[i], Double(i % 7), "site \(i), \(threads) threads")
                    XCTAssertEqual(text.text![i], "\(i % 7)")
                }
            }
        }
    }

    func testFirstBadValueInSiteOrderIsReported() throws {
        let bad: [Int: JSONValue] = [19_000: .string("viele"), 6_001: .array([.number(1)]), 12_345: .string("1.200")]
        for threads in [1, 2, 5] {
            XCTAssertThrowsError(try context(threads: threads, bad).attribute("spaces", textual: false, user: "criterion 'spaces'")) { error in
                guard let error = error as? ScoringError, case .notAScalar = error.reason else { return XCTFail("\(error)") }
                XCTAssertEqual(error.featureIndex, 6_001, "\(threads) threads")
            }
            let later: [Int: JSONValue] = [19_000: .string("viele"), 12_345: .string("1.200")]
            XCTAssertThrowsError(try context(threads: threads, later).attribute("spaces", textual: false, user: "criterion 'spaces'")) { error in
                guard let error = error as? ScoringError, case .notANumber(let text, _, _) = error.reason else { return XCTFail("\(error)") }
                XCTAssertEqual(text, "1.200")
                XCTAssertEqual(error.featureIndex, 12_345, "\(threads) threads")
            }
        }
    }
}
