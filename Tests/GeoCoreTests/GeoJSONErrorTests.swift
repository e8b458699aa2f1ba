import Foundation
import XCTest
@testable import GeoCore

/// Malformed input: each case must give a located `GeoJSONError`, never a crash. The expected
/// feature index, path, line and column are read off the input text by hand.
final class GeoJSONErrorTests: XCTestCase {
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> GeoJSONError? {
        do {
            let fc = try GeoJSONReader.read(data: Data(text.utf8), source: "in.geojson")
            XCTFail("no error; read \(fc.features.count) features", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// A collection whose second feature (index 1) has the geometry `geometry`.
    private func collection(secondGeometry geometry: String) -> String {
        """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "ok", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}},
        {"type": "Feature", "id": "bad", "properties": {"a": 1}, "geometry": \(geometry)}
        ]}
        """
    }

    func testEmptyInput() {
        XCTAssertEqual(error("")?.reason, .emptyInput)
        XCTAssertEqual(error(" \n\t ")?.reason, .emptyInput)
    }

    func testNotJSON() {
        let e = error("type: FeatureCollection")
        guard case .invalidJSON? = e?.reason else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 1)
    }

    func testTruncatedJSON() {
        let full = collection(secondGeometry: #"{"type": "Point", "coordinates": [3, 4]}"#)
        // Cut inside the second feature's coordinates.
        let cut = String(full[..<full.range(of: "[3, ")!.upperBound])
        let e = error(cut)
        XCTAssertEqual(e?.reason, .truncated)
        XCTAssertEqual(e?.featureIndex, 1)
        XCTAssertEqual(e?.featureID, .string("bad"))
        XCTAssertTrue(e?.description.contains("feature index 1, 0-based, id \"bad\"") ?? false, e?.description ?? "")
        XCTAssertEqual(error(#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "unfinished"#)?.reason, .truncated)
    }

    func testJSONThatIsNotGeoJSON() {
        guard case .notGeoJSON? = error("[1, 2]")?.reason else { return XCTFail() }
        guard case .notGeoJSON? = error(#"{"name": "x"}"#)?.reason else { return XCTFail() }
        XCTAssertEqual(error(#"{"type": "Foo"}"#)?.reason, .unknownType("Foo"))
        XCTAssertEqual(error(#"{"type": "FeatureCollection"}"#)?.reason, .missingMember("features"))
        let wrongFeature = error(collection(secondGeometry: "null").replacingOccurrences(of: #""id": "bad", "#, with: #""id": "bad", "type": "Point", "#))
        guard case .notGeoJSON? = wrongFeature?.reason else { return XCTFail("\(String(describing: wrongFeature))") }
        XCTAssertEqual(wrongFeature?.featureIndex, 1)
        let noGeometry = error(#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]}"#)
        XCTAssertEqual(noGeometry?.reason, .missingMember("geometry"))
        XCTAssertEqual(noGeometry?.featureIndex, 0)
    }

    func testWrongNestingDepthOfCoordinates() {
        // A Polygon given LineString coordinates: one level too shallow.
        let shallow = error(collection(secondGeometry: #"{"type": "Polygon", "coordinates": [[0, 0], [1, 0], [1, 1], [0, 0]]}"#))
        XCTAssertEqual(shallow?.reason, .wrongCoordinateNesting(geometryType: "Polygon", expectedDepth: 3, tooDeep: false))
        XCTAssertEqual(shallow?.featureIndex, 1)
        XCTAssertEqual(shallow?.path, "features[1].geometry.coordinates[0][0]")
        // A Point given [[x, y]]: one level too deep.
        let deep = error(collection(secondGeometry: #"{"type": "Point", "coordinates": [[3, 4]]}"#))
        XCTAssertEqual(deep?.reason, .wrongCoordinateNesting(geometryType: "Point", expectedDepth: 1, tooDeep: true))
        XCTAssertEqual(deep?.path, "features[1].geometry.coordinates[0]")
        XCTAssertEqual(deep?.line, 3)
        // Same when coordinates come before type (the deferred path).
        let deferred = error(collection(secondGeometry: #"{"coordinates": [[3, 4]], "type": "Point"}"#))
        XCTAssertEqual(deferred?.reason, .wrongCoordinateNesting(geometryType: "Point", expectedDepth: 1, tooDeep: true))
        XCTAssertEqual(deferred?.path, "features[1].geometry.coordinates[0]")
    }

    func testStringsAsCoordinates() {
        let e = error(collection(secondGeometry: #"{"type": "LineString", "coordinates": [[0, 0], ["13.4", "52.5"]]}"#))
        XCTAssertEqual(e?.reason, .nonNumericCoordinate(found: "the string \"13.4\""))
        XCTAssertEqual(e?.featureIndex, 1)
        XCTAssertEqual(e?.path, "features[1].geometry.coordinates[1][0]")
        XCTAssertEqual(e?.hint, "coordinates must be JSON numbers, not quoted strings or null")
        let null = error(collection(secondGeometry: #"{"type": "Point", "coordinates": [1, null]}"#))
        XCTAssertEqual(null?.reason, .nonNumericCoordinate(found: "null"))
        XCTAssertEqual(null?.path, "features[1].geometry.coordinates[1]")
    }

    func testNaNAndInfinityTokens() {
        for token in ["NaN", "Infinity", "-Infinity"] {
            let e = error(collection(secondGeometry: #"{"type": "Point", "coordinates": [\#(token), 2]}"#))
            XCTAssertEqual(e?.reason, .nonJSONNumber(token), token)
            XCTAssertEqual(e?.featureIndex, 1)
            XCTAssertEqual(e?.path, "features[1].geometry.coordinates[0]")
        }
        let inProperties = error(#"{"type": "Feature", "properties": {"h": NaN}, "geometry": null}"#)
        XCTAssertEqual(inProperties?.reason, .nonJSONNumber("NaN"))
        XCTAssertEqual(inProperties?.path, "properties.h")
    }

    func testNonFiniteAfterParsing() {
        let e = error(collection(secondGeometry: #"{"type": "Point", "coordinates": [1e999, 2]}"#))
        XCTAssertEqual(e?.reason, .nonFiniteNumber("1e999"))
        XCTAssertEqual(e?.path, "features[1].geometry.coordinates[0]")
        XCTAssertEqual(error(#"{"type": "Feature", "properties": {"v": -1e400}, "geometry": null}"#)?.reason, .nonFiniteNumber("-1e400"))
    }

    func testPolygonRingTooShortOrUnclosed() {
        let short = error(collection(secondGeometry: #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}"#))
        XCTAssertEqual(short?.reason, .tooFewPositions(what: "ring", found: 3, minimum: 4))
        XCTAssertEqual(short?.featureIndex, 1)
        XCTAssertEqual(short?.featureID, .string("bad"))
        XCTAssertEqual(short?.path, "features[1].geometry.coordinates[0]")
        let open = error(collection(secondGeometry: #"{"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0], [1, 0], [1, 1], [0, 1]]]]}"#))
        XCTAssertEqual(open?.reason, .ringNotClosed)
        XCTAssertEqual(open?.path, "features[1].geometry.coordinates[1][0]")
        let hole = error(collection(secondGeometry: #"{"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [1, 1]]]}"#))
        XCTAssertEqual(hole?.path, "features[1].geometry.coordinates[1]")
        let line = error(collection(secondGeometry: #"{"type": "LineString", "coordinates": [[0, 0]]}"#))
        XCTAssertEqual(line?.reason, .tooFewPositions(what: "line string", found: 1, minimum: 2))
        let position = error(collection(secondGeometry: #"{"type": "Point", "coordinates": [1]}"#))
        XCTAssertEqual(position?.reason, .tooFewCoordinates(found: 1))
    }

    func testDeepNestingIsBoundedNotAStackOverflow() {
        let depth = 100_000
        let deepArray = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        XCTAssertEqual(error(#"{"type": "Feature", "properties": {"x": \#(deepArray)}, "geometry": null}"#)?.reason, .tooDeeplyNested(limit: 128))
        XCTAssertEqual(error(deepArray)?.reason, .tooDeeplyNested(limit: 128))
        let deepObject = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        XCTAssertEqual(error(deepObject)?.reason, .tooDeeplyNested(limit: 128))
        var collection = #"{"type": "Point", "coordinates": [0, 0]}"#
        for _ in 0..<300 { collection = #"{"type": "GeometryCollection", "geometries": [\#(collection)]}"# }
        XCTAssertEqual(error(collection)?.reason, .tooDeeplyNested(limit: 128))
    }

    func testNestingLimitFitsASmallThreadStack() {
        // Nesting right up to the limit must fit a 1 MiB thread stack even in a debug build
        // (measured: about 5 KiB per level unoptimised, under 1 KiB optimised). The feature object and
        // "properties" are two levels, so 126 arrays inside are the deepest valid value.
        let depth = JSONByteParser.maximumDepth - 2
        let text = #"{"type": "Feature", "properties": {"x": \#(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))}, "geometry": null}"#
        let done = expectation(description: "parsed on a small stack")
        let outcome = Box()
        let thread = Thread {
            outcome.value = (try? GeoJSONReader.read(data: Data(text.utf8))) != nil
            done.fulfill()
        }
        thread.stackSize = 1024 * 1024
        thread.start()
        wait(for: [done], timeout: 30)
        XCTAssertEqual(outcome.value, true)
    }

    func testSyntaxErrorsAreLocated() {
        // Line 2, column 21 is the '}' where ':' belongs after "type" (Python: line.index('}') + 1).
        let e = error("{\"type\": \"FeatureCollection\",\n\"features\": [{\"type\"}]}")
        guard case .invalidJSON(let what)? = e?.reason else { return XCTFail("\(String(describing: e))") }
        XCTAssertTrue(what.contains("expected ':'"), what)
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.column, 21)
        XCTAssertEqual(e?.featureIndex, 0)
        // Trailing garbage after the document.
        guard case .invalidJSON? = error(#"{"type": "Point", "coordinates": [1, 2]} x"#)?.reason else { return XCTFail() }
        // Leading zeros, a lone minus, a bare decimal point, control characters in strings, bad escapes, invalid UTF-8.
        for bad in [#"[01]"#, #"[-]"#, #"[1.]"#, "[\"a\u{01}\"]", #"["\x"]"#, #"["\ud800"]"#] {
            let text = #"{"type": "Feature", "properties": {"v": \#(bad)}, "geometry": null}"#
            guard case .invalidJSON? = error(text)?.reason else { return XCTFail(bad) }
        }
        var invalidUTF8 = Array(#"{"type": "Feature", "properties": {"v": "ab"}, "geometry": null}"#.utf8)
        invalidUTF8[invalidUTF8.firstIndex(of: UInt8(ascii: "b"))!] = 0xFF
        XCTAssertThrowsError(try GeoJSONReader.read(data: Data(invalidUTF8))) {
            XCTAssertEqual(($0 as? GeoJSONError)?.reason, .invalidUTF8)
        }
    }

    func testDescriptionIsOneLineWithEverything() {
        let e = error(collection(secondGeometry: #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}"#))
        let text = e?.description ?? ""
        // Line 3, column 106: where the ring's '[' stands in the third line (Python: line.index('[[[') + 2).
        XCTAssertEqual(text, "in.geojson:3:106: a ring needs at least 4 positions, found 3 at features[1].geometry.coordinates[0] "
            + "(feature index 1, 0-based, id \"bad\"); hint: a closed ring repeats its first position at the end, so a triangle has 4 positions")
        XCTAssertFalse(text.contains("\n"))
    }
}

private final class Box: @unchecked Sendable {
    var value: Bool?
}
