import GeoCore
import XCTest

/// Compares features read through GDAL with the same layer read by GeoCore's native GeoJSON reader.
enum LayerComparison {
    /// How the values of a format differ from GeoJSON by design.
    struct Mapping {
        /// Shapefile cuts names to 10 characters: compare properties by position instead of by name.
        var byPosition = false
        /// Shapefile has no boolean type (GDAL 3.6 writes booleans as integer 0/1): compare bools as 1/0.
        var boolsAsNumbers = false
        /// Shapefile stores polygon rings clockwise, GeoJSON counter-clockwise: accept reversed rings.
        var ringOrientationFree = false
    }

    static let tolerance = 1e-9

    /// GeoCore says `OGC:CRS84` for GeoJSON without a `crs` member; OGR reports the same CRS as EPSG:4326
    /// with x = longitude (traditional GIS order).
    static func mappedCRS(_ crs: String) -> String {
        crs == "OGC:CRS84" ? "EPSG:4326" : crs
    }

    static func assertSame(_ actual: FeatureCollection, _ expected: FeatureCollection, mapping: Mapping = Mapping(),
                           _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.crs, mappedCRS(expected.crs), "\(label): CRS", file: file, line: line)
        XCTAssertEqual(actual.features.count, expected.features.count, "\(label): feature count", file: file, line: line)
        for (i, (a, e)) in zip(actual.features, expected.features).enumerated() {
            XCTAssertEqual(a.id, e.id, "\(label): feature \(i) id", file: file, line: line)
            assertSameProperties(a.properties, e.properties, mapping: mapping, "\(label): feature \(i)", file: file, line: line)
            assertSameGeometry(a.geometry, e.geometry, ringOrientationFree: mapping.ringOrientationFree, "\(label): feature \(i)", file: file, line: line)
        }
    }

    static func assertSameProperties(_ actual: JSONObject, _ expected: JSONObject, mapping: Mapping, _ label: String,
                                     file: StaticString = #filePath, line: UInt = #line) {
        func normalised(_ v: JSONValue) -> JSONValue {
            if mapping.boolsAsNumbers, case .bool(let b) = v { return .number(b ? 1 : 0) }
            return v
        }
        if mapping.byPosition {
            XCTAssertEqual(actual.count, expected.count, "\(label): property count", file: file, line: line)
            for ((ak, av), (ek, ev)) in zip(actual.members, expected.members) {
                XCTAssertTrue(ek.hasPrefix(ak), "\(label): field '\(ak)' is not '\(ek)' cut short", file: file, line: line)
                XCTAssertEqual(av, normalised(ev), "\(label): property '\(ek)'", file: file, line: line)
            }
        } else {
            // OGR gives every feature every column of the layer; a member GeoJSON leaves out is null there.
            XCTAssertEqual(Array(actual.keys.prefix(expected.count)), expected.keys, "\(label): property names", file: file, line: line)
            for (key, value) in actual.members {
                XCTAssertEqual(value, normalised(expected[key] ?? .null), "\(label): property '\(key)'", file: file, line: line)
            }
        }
    }

    static func assertSameGeometry(_ actual: Geometry?, _ expected: Geometry?, ringOrientationFree: Bool, _ label: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        guard let actual, let expected else {
            XCTAssertEqual(actual == nil, expected == nil, "\(label): geometry presence", file: file, line: line)
            return
        }
        XCTAssertEqual(actual.typeName, expected.typeName, "\(label): geometry type", file: file, line: line)
        var a = actual, e = expected
        if ringOrientationFree, case .polygon(let pa) = a, case .polygon(let pe) = e {
            a = .polygon(oriented(pa, like: pe))
            e = .polygon(pe)
        }
        if ringOrientationFree, case .multiPolygon(let pa) = a, case .multiPolygon(let pe) = e, pa.count == pe.count {
            a = .multiPolygon(zip(pa, pe).map { oriented($0, like: $1) })
        }
        let ap = a.allPositions, ep = e.allPositions
        XCTAssertEqual(ap.count, ep.count, "\(label): position count", file: file, line: line)
        for (p, q) in zip(ap, ep) where abs(p.x - q.x) > tolerance || abs(p.y - q.y) > tolerance {
            XCTFail("\(label): position \(p) differs from \(q) by more than \(tolerance)", file: file, line: line)
            return
        }
    }

    /// `p` with each ring reversed when that makes it run the same way as the matching ring of `reference`.
    private static func oriented(_ p: Polygon, like reference: Polygon) -> Polygon {
        func match(_ ring: [Position], _ ref: [Position]) -> [Position] {
            Polygon.isCounterClockwise(ring) == Polygon.isCounterClockwise(ref) ? ring : ring.reversed()
        }
        return Polygon(exterior: match(p.exterior, reference.exterior),
                       holes: zip(p.holes, reference.holes).map { match($0, $1) } + p.holes.dropFirst(reference.holes.count))
    }
}
