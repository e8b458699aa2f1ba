import Foundation
import TestSupport
import XCTest
@testable import GeoCore

/// A short seeded mutation pass over valid documents: every mutant must be read or rejected with a
/// `GeoJSONError`, never crash. (The long fuzzing campaign belongs to Tools/fuzz.)
final class GeoJSONFuzzSmokeTests: XCTestCase {
    func testMutatedDocumentsNeverCrash() throws {
        let seeds = [
            #"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:25832"}}, "features": [{"type": "Feature", "id": 1, "properties": {"a": [1, {"b": "\u00e9"}], "c": -0.5e3}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}"#,
            #"{"type": "GeometryCollection", "geometries": [{"coordinates": [[1, 2, 3], [4, 5]], "type": "MultiPoint"}, {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]]]}]}"#,
        ].map { Array($0.utf8) }
        var rng = SeededGenerator(seed: 20_240_501)
        let alphabet = Array("{}[],:\"\\-+.eE0123456789 nulltruefalseNaN".utf8) + [0x00, 0xFF, 0xC3]
        var accepted = 0
        for i in 0..<3_000 {
            var bytes = seeds[i % seeds.count]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = alphabet.randomElement(using: &rng)!
                case 1: bytes.insert(alphabet.randomElement(using: &rng)!, at: at)
                case 2: bytes.remove(at: at)
                default: bytes = Array(bytes[..<at])
                }
                if bytes.isEmpty { break }
            }
            do {
                _ = try GeoJSONReader.read(data: Data(bytes))
                accepted += 1
            } catch {
                XCTAssertFalse(error.description.isEmpty)
            }
        }
        // Some mutants (e.g. changed digits) stay valid; if none did, the mutation would be too destructive to test anything.
        XCTAssertGreaterThan(accepted, 0)
    }
}
