import Foundation
import XCTest
@testable import GeoCore

/// Writing RFC 7946 GeoJSON. Expected texts are written by hand; round trips compare with the input values.
final class GeoJSONWriterTests: XCTestCase {
    private func text(_ collection: FeatureCollection, decimals: Int = 7) throws -> String {
        String(decoding: try GeoJSONWriter(coordinateDecimals: decimals).encode(collection), as: UTF8.self)
    }

    func testExactOutputLayout() throws {
        let fc = FeatureCollection(
            features: [
                Feature(id: .string("a"), geometry: .point(Position(x: 13.40501234, y: 52.5)), properties: ["n": .number(3), "s": .string("x")]),
                Feature(id: .number(2), geometry: nil),
            ],
            foreignMembers: ["standort": .object(["version": .string("1.0")]), "crs": .string("dropped")]
        )
        // By hand: 13.40501234 rounds to 7 decimals as 13.4050123; 52.5 has no trailing zeros; no crs member.
        XCTAssertEqual(try text(fc), """
        {"type":"FeatureCollection",
        "standort":{"version":"1.0"},
        "features":[
        {"type":"Feature","id":"a","properties":{"n":3,"s":"x"},"geometry":{"type":"Point","coordinates":[13.4050123,52.5]}},
        {"type":"Feature","id":2,"properties":{},"geometry":null}
        ]}

        """)
    }

    func testNumberFormatting() {
        // Expected strings by hand (and Python's repr for the shortest round-trip forms: repr(0.1) == '0.1').
        let cases: [(Double, String)] = [
            (3, "3"), (-0.0, "0"), (0.1, "0.1"), (-2.5, "-2.5"), (1e-5, "1e-05"), (123456789012, "123456789012"),
            (1e300, "1e+300"), (.nan, "null"), (.infinity, "null"), (-.infinity, "null"), (0.30000000000000004, "0.30000000000000004"),
        ]
        for (value, expected) in cases { XCTAssertEqual(JSONNumberFormat.string(value), expected, "\(value)") }
        let coordinates: [(Double, Int, String)] = [
            (13.40501234, 7, "13.4050123"), (13.40501235, 7, "13.4050124"), (-0.00000004, 7, "0"), (-0.00000005, 7, "-0.0000001"),
            (0.00001, 7, "0.00001"), (5_800_000.123456789, 3, "5800000.123"), (7, 7, "7"), (-7.25, 1, "-7.3"), (.nan, 7, "null"),
            (1e300, 7, "1e+300"),
        ]
        for (value, decimals, expected) in coordinates {
            var out: [UInt8] = []
            JSONNumberFormat.append(value, decimals: decimals, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), expected, "\(value) to \(decimals)")
        }
    }

    func testStringEscaping() throws {
        var out: [UInt8] = []
        GeoJSONWriter.appendString("a\"b\\c\nd\te\u{01}f\u{1F}g Größe 😀/", to: &out)
        // RFC 8259 §7: quote, backslash and U+0000–U+001F must be escaped; '/' and non-ASCII may stay as they are.
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #""a\"b\\c\nd\te\u0001f\u001fg Größe 😀/""#)
    }

    func testWindingIsFixedOnOutput() throws {
        // Clockwise exterior and counter-clockwise hole (by the shoelace sign): both must be reversed.
        let exterior = [Position(x: 0, y: 0), Position(x: 0, y: 4), Position(x: 4, y: 4), Position(x: 4, y: 0), Position(x: 0, y: 0)]
        let hole = [Position(x: 1, y: 1), Position(x: 2, y: 1), Position(x: 2, y: 2), Position(x: 1, y: 1)]
        let fc = FeatureCollection(features: [Feature(geometry: .polygon(Polygon(exterior: exterior, holes: [hole])))])
        let back = try GeoJSONReader.read(data: Data(try GeoJSONWriter().encode(fc)))
        guard case .polygon(let p)? = back.features[0].geometry else { return XCTFail() }
        XCTAssertEqual(p.exterior, exterior.reversed())
        XCTAssertEqual(p.holes, [hole.reversed()])
    }

    func testRefusesNonWGS84() {
        let fc = FeatureCollection(features: [], crs: "EPSG:25832")
        XCTAssertThrowsError(try GeoJSONWriter().encode(fc)) {
            XCTAssertEqual(($0 as? GeoJSONError)?.reason, .outputCRSNotWGS84("EPSG:25832"))
        }
        XCTAssertNoThrow(try GeoJSONWriter().encode(FeatureCollection(features: [], crs: "EPSG:4326")))
        XCTAssertNoThrow(try GeoJSONWriter().encode(FeatureCollection(features: [], crs: "urn:ogc:def:crs:OGC:1.3:CRS84")))
    }

    func testRoundTripOfEveryGeometryAndPropertyType() throws {
        // Coordinates with at most 7 decimals and counter-clockwise exteriors / clockwise holes survive unchanged.
        let square = [Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 1, y: 1), Position(x: 0, y: 1), Position(x: 0, y: 0)]
        let hole = [Position(x: 0.2, y: 0.2), Position(x: 0.2, y: 0.4), Position(x: 0.4, y: 0.4), Position(x: 0.2, y: 0.2)]
        let geometries: [Geometry?] = [
            .point(Position(x: 13.4050123, y: 52.5200066)),
            .multiPoint([Position(x: -1.5, y: 2), Position(x: 3, y: -4.25)]),
            .lineString([Position(x: 0, y: 0), Position(x: 179.9999999, y: -89.9999999)]),
            .multiLineString([[Position(x: 0, y: 0), Position(x: 1, y: 1)], [Position(x: 2, y: 2), Position(x: 3, y: 3)]]),
            .polygon(Polygon(exterior: square, holes: [hole])),
            .multiPolygon([Polygon(exterior: square), Polygon(exterior: square.map { Position(x: $0.x + 5, y: $0.y) })]),
            .geometryCollection([.point(Position(x: 1, y: 2)), .lineString([Position(x: 0, y: 0), Position(x: 1, y: 0)])]),
            nil,
        ]
        let properties: JSONObject = [
            "int": .number(42), "negative": .number(-7), "float": .number(0.1), "tiny": .number(1e-300), "big": .number(1.5e300),
            "bool": .bool(false), "null": .null, "unicode": .string("Gemeinde Grünheide (Mark) – 😀 \u{0}"),
            "nested": .object(["array": .array([.number(1), .string("two"), .array([]), .object([:])]), "empty": .object([:])]),
        ]
        let fc = FeatureCollection(
            features: geometries.enumerated().map { i, g in
                Feature(id: i % 2 == 0 ? .number(Double(i)) : .string("f\(i)"), geometry: g, properties: properties)
            },
            foreignMembers: ["standort": .object(["inputs": .array([.string("a.geojson")])])]
        )
        let back = try GeoJSONReader.read(data: Data(try GeoJSONWriter().encode(fc)))
        XCTAssertEqual(back, fc)
        XCTAssertEqual(back.features[0].properties.keys, properties.keys)
    }

    func testOgrinfoReadsOutputWithoutWarnings() throws {
        let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let ogrinfo else { throw XCTSkip("ogrinfo is not installed") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ogrinfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out.geojson")
        let square = [Position(x: 13, y: 52), Position(x: 13.1, y: 52), Position(x: 13.1, y: 52.1), Position(x: 13, y: 52)]
        let fc = FeatureCollection(
            features: [
                Feature(id: .number(1), geometry: .polygon(Polygon(exterior: square)), properties: ["name": .string("Süd \"1\""), "score": .number(0.75)]),
                Feature(id: .number(2), geometry: .point(Position(x: 13.05, y: 52.05)), properties: ["name": .string("B"), "score": .number(1e-5)]),
            ],
            foreignMembers: ["standort": .object(["version": .string("1")])]
        )
        try GeoJSONWriter().write(fc, to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ogrinfo)
        process.arguments = ["-al", "-so", url.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(stderr, "", "ogrinfo warned")
        XCTAssertFalse(stdout.contains("Warning"), stdout)
        XCTAssertTrue(stdout.contains("Feature Count: 2"), stdout)
    }
}
