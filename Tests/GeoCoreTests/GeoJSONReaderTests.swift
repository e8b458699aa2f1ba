import Foundation
import XCTest
@testable import GeoCore

/// Reading well-formed GeoJSON. Expected values are written by hand from the input text.
final class GeoJSONReaderTests: XCTestCase {
    private func read(_ text: String) throws -> FeatureCollection {
        try GeoJSONReader.read(data: Data(text.utf8), source: "test.geojson")
    }

    func testEveryGeometryTypeAndPropertyType() throws {
        let text = """
        {"type": "FeatureCollection", "name": "layer", "features": [
          {"type": "Feature", "id": "a", "properties": {"n": 3, "f": -2.5, "s": "Müller \\"Ü\\" \\u00e9\\ud83d\\ude00", "b": true, "z": null,
             "o": {"k": [1, "x", false, null, {"deep": []}]}}, "geometry": {"type": "Point", "coordinates": [13.4, 52.5]}},
          {"type": "Feature", "id": 7, "properties": null, "geometry": {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1], [2, 0]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
              [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 4], [4, 4], [2, 2]]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": [
              {"type": "Point", "coordinates": [5, 6]}, {"type": "GeometryCollection", "geometries": []}]}},
          {"type": "Feature", "properties": {"n": 1}, "geometry": null}
        ]}
        """
        let fc = try read(text)
        XCTAssertEqual(fc.crs, "OGC:CRS84")
        XCTAssertEqual(fc.foreignMembers, ["name": .string("layer")])
        XCTAssertEqual(fc.features.count, 8)
        let f0 = fc.features[0]
        XCTAssertEqual(f0.id, .string("a"))
        XCTAssertEqual(f0.geometry, .point(Position(x: 13.4, y: 52.5)))
        XCTAssertEqual(f0.properties.keys, ["n", "f", "s", "b", "z", "o"])
        XCTAssertEqual(f0.properties["n"], .number(3))
        XCTAssertEqual(f0.properties["f"], .number(-2.5))
        // \u00e9 is é; \ud83d\ude00 is the surrogate pair of U+1F600 😀.
        XCTAssertEqual(f0.properties["s"], .string("Müller \"Ü\" é😀"))
        XCTAssertEqual(f0.properties["b"], .bool(true))
        XCTAssertEqual(f0.properties["z"], .null)
        XCTAssertEqual(f0.properties["o"], .object(["k": .array([.number(1), .string("x"), .bool(false), .null, .object(["deep": .array([])])])]))
        XCTAssertEqual(fc.features[1].id, .number(7))
        XCTAssertEqual(fc.features[1].properties, JSONObject())
        XCTAssertEqual(fc.features[1].geometry, .multiPoint([Position(x: 1, y: 2), Position(x: 3, y: 4)]))
        XCTAssertEqual(fc.features[2].geometry, .lineString([Position(x: 0, y: 0), Position(x: 1, y: 1), Position(x: 2, y: 0)]))
        XCTAssertEqual(fc.features[3].geometry, .multiLineString([[Position(x: 0, y: 0), Position(x: 1, y: 1)], [Position(x: 2, y: 2), Position(x: 3, y: 3)]]))
        guard case .polygon(let polygon)? = fc.features[4].geometry else { return XCTFail("not a polygon") }
        XCTAssertEqual(polygon.exterior.count, 5)
        XCTAssertEqual(polygon.holes, [[Position(x: 2, y: 2), Position(x: 2, y: 4), Position(x: 4, y: 4), Position(x: 2, y: 2)]])
        guard case .multiPolygon(let polygons)? = fc.features[5].geometry else { return XCTFail("not a multipolygon") }
        XCTAssertEqual(polygons.count, 1)
        XCTAssertEqual(fc.features[6].geometry, .geometryCollection([.point(Position(x: 5, y: 6)), .geometryCollection([])]))
        XCTAssertNil(fc.features[7].geometry)
        XCTAssertEqual(fc.features[7].properties["n"], .number(1))
    }

    func testMembersInAnyOrderAndBBoxTolerated() throws {
        // coordinates before type (re-parsed once the type is known), properties before type, bbox anywhere.
        let fc = try read("""
        {"features": [{"geometry": {"coordinates": [[1, 2], [3, 4]], "bbox": [1, 2, 3, 4], "type": "LineString"},
          "bbox": [1, 2, 3, 4], "properties": {"a": 1}, "type": "Feature", "extra": {"x": 1}}],
         "bbox": [1, 2, 3, 4], "type": "FeatureCollection"}
        """)
        XCTAssertEqual(fc.features.map(\.geometry), [.lineString([Position(x: 1, y: 2), Position(x: 3, y: 4)])])
        XCTAssertEqual(fc.features[0].properties, ["a": .number(1)])
    }

    func testSingleFeatureAndBareGeometry() throws {
        let feature = try read(#"{"type": "Feature", "id": "x", "properties": {"k": "v"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#)
        XCTAssertEqual(feature.features, [Feature(id: .string("x"), geometry: .point(Position(x: 1, y: 2)), properties: ["k": .string("v")])])
        let bare = try read(#"{"type": "Point", "coordinates": [1, 2]}"#)
        XCTAssertEqual(bare.features, [Feature(geometry: .point(Position(x: 1, y: 2)))])
        XCTAssertEqual(bare.crs, "OGC:CRS84")
    }

    func testThreeAndFourDimensionalPositionsKeepXAndY() throws {
        // Documented behaviour: z and m are read and dropped.
        let fc = try read(#"{"type": "MultiPoint", "coordinates": [[1, 2, 3], [4, 5, 6, 7]]}"#)
        XCTAssertEqual(fc.features[0].geometry, .multiPoint([Position(x: 1, y: 2), Position(x: 4, y: 5)]))
    }

    func testLegacyCRSMember() throws {
        // The member as GDAL/QGIS write it; the expected strings are the EPSG/OGC codes the URNs name.
        let cases = [
            ("urn:ogc:def:crs:EPSG::25832", "EPSG:25832"),
            ("EPSG:25832", "EPSG:25832"),
            ("urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84"),
            ("urn:ogc:def:crs:EPSG:6.6:31468", "EPSG:31468"),
            ("http://www.opengis.net/def/crs/EPSG/0/25833", "EPSG:25833"),
        ]
        for (name, expected) in cases {
            let fc = try read("""
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "\(name)"}}, "features": []}
            """)
            XCTAssertEqual(fc.crs, expected, name)
            XCTAssertTrue(fc.foreignMembers.isEmpty, "crs is not a foreign member")
        }
        let feature = try read(#"{"type": "Feature", "crs": {"type": "name", "properties": {"name": "EPSG:3035"}}, "properties": {}, "geometry": null}"#)
        XCTAssertEqual(feature.crs, "EPSG:3035")
        XCTAssertThrowsError(try read(#"{"type": "FeatureCollection", "crs": {"type": "link", "properties": {"href": "x"}}, "features": []}"#)) {
            guard case .unsupportedCRS = ($0 as! GeoJSONError).reason else { return XCTFail("\($0)") }
        }
    }

    func testNumbersAreCorrectlyRounded() throws {
        // Bit patterns from Python: hex(struct.unpack('<Q', struct.pack('<d', float(s)))[0]);
        // CPython's float() is correctly rounded (David Gay's algorithm).
        let cases: [(String, UInt64)] = [
            ("0.1", 0x3FB9_9999_9999_999A),
            ("13.4050123", 0x402A_CF5D_C5AD_F49A),
            ("52.5200066", 0x404A_428F_9386_5A22),
            ("9007199254740993", 0x4340_0000_0000_0000),
            ("2.2250738585072014e-308", 0x0010_0000_0000_0000),
            ("1.7976931348623157e308", 0x7FEF_FFFF_FFFF_FFFF),
            ("5e-324", 0x1),
            ("0.30000000000000004", 0x3FD3_3333_3333_3334),
            ("123456789012345678901234567890", 0x45F8_EE90_FF6C_373E),
            ("1e23", 0x44B5_2D02_C7E1_4AF6),
            ("8.589973e9", 0x4200_0004_B040_0000),
            ("-0.0000001", 0xBE7A_D7F2_9ABC_AF48),
            ("3.141592653589793238462643383279", 0x4009_21FB_5444_2D18),
            ("1E-7", 0x3E7A_D7F2_9ABC_AF48),
            ("7.3177701707893310e+15", 0x4339_FF79_2393_EDD3),
        ]
        for (text, bits) in cases {
            let fc = try read(#"{"type": "Feature", "properties": {"v": \#(text)}, "geometry": null}"#)
            guard case .number(let v)? = fc.features[0].properties["v"] else { return XCTFail(text) }
            XCTAssertEqual(v.bitPattern, bits, text)
        }
    }

    func testDuplicatePropertyKeysKeepFirstPositionAndLastValue() throws {
        let fc = try read(#"{"type": "Feature", "properties": {"a": 1, "b": 2, "a": 3}, "geometry": null}"#)
        XCTAssertEqual(fc.features[0].properties.keys, ["a", "b"])
        XCTAssertEqual(fc.features[0].properties["a"], .number(3))
    }

    func testPropertyKeysChangingBetweenFeatures() throws {
        // Exercises the key-reuse path: same keys, fewer keys, other order, more keys.
        let fc = try read("""
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"a": 1, "b": 2}, "geometry": null},
        {"type": "Feature", "properties": {"a": 3, "b": 4}, "geometry": null},
        {"type": "Feature", "properties": {"a": 5}, "geometry": null},
        {"type": "Feature", "properties": {"b": 6, "a": 7}, "geometry": null},
        {"type": "Feature", "properties": {"b": 8, "a": 9, "c": 10}, "geometry": null},
        {"type": "Feature", "properties": {"b\\u0020": 11}, "geometry": null}
        ]}
        """)
        let expected: [JSONObject] = [
            ["a": .number(1), "b": .number(2)], ["a": .number(3), "b": .number(4)], ["a": .number(5)],
            ["b": .number(6), "a": .number(7)], ["b": .number(8), "a": .number(9), "c": .number(10)], ["b ": .number(11)],
        ]
        XCTAssertEqual(fc.features.map(\.properties), expected)
        XCTAssertEqual(fc.features[3].properties.keys, ["b", "a"])
    }

    func testByteOrderMarkAndWhitespace() throws {
        let fc = try GeoJSONReader.read(data: Data([0xEF, 0xBB, 0xBF] + Array(" \r\n\t{\"type\":\"Point\",\"coordinates\":[1,2]}\n ".utf8)))
        XCTAssertEqual(fc.features.count, 1)
    }

    func testReadsFileAndNamesItInErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geojson-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("in.geojson")
        try Data(#"{"type": "Point", "coordinates": [1, 2]}"#.utf8).write(to: url)
        XCTAssertEqual(try GeoJSONReader.read(contentsOf: url).features.count, 1)

        let missing = dir.appendingPathComponent("missing.geojson")
        XCTAssertThrowsError(try GeoJSONReader.read(contentsOf: missing)) { error in
            XCTAssertEqual((error as? GeoJSONError)?.reason, .unreadable("no such file"))
            XCTAssertTrue("\(error)".hasPrefix(missing.path + ": "), "\(error)")
        }
        XCTAssertThrowsError(try GeoJSONReader.read(contentsOf: dir)) { error in
            XCTAssertEqual((error as? GeoJSONError)?.reason, .unreadable("it is a directory, not a file"))
        }
        XCTAssertThrowsError(try GeoJSONReader.read(contentsOf: url, maximumBytes: 10)) { error in
            guard case .tooLarge(let bytes, 10)? = (error as? GeoJSONError)?.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(bytes, 40) // len() of the text above in Python
        }
    }
}
