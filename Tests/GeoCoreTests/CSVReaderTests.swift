import Foundation
import TestSupport
import XCTest
@testable import GeoCore

/// CSV point layers. Expected values are read off the input text by hand.
final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, x: String = "lon", y: String = "lat", delimiter: CSVDelimiter? = nil) throws -> FeatureCollection {
        try CSVReader.read(data: Data(text.utf8), source: "in.csv", xColumn: x, yColumn: y, delimiter: delimiter)
    }

    private func error(_ text: String, x: String = "lon", y: String = "lat", file: StaticString = #filePath, line: UInt = #line) -> CSVError? {
        do {
            let fc = try read(text, x: x, y: y)
            XCTFail("no error; read \(fc.features.count) features", file: file, line: line)
            return nil
        } catch {
            return error as? CSVError
        }
    }

    func testCommaDelimitedWithTypedProperties() throws {
        let fc = try read("name,lon,lat,spaces,score,flag,empty\nA,13.4,52.5,12,0.25,yes,\nB,-1e-3,+7,-3,1E2,,\n")
        XCTAssertEqual(fc.crs, "EPSG:4326")
        XCTAssertEqual(fc.features.count, 2)
        XCTAssertEqual(fc.features[0].geometry, .point(Position(x: 13.4, y: 52.5)))
        XCTAssertEqual(fc.features[0].properties.keys, ["name", "spaces", "score", "flag", "empty"])
        XCTAssertEqual(fc.features[0].properties, ["name": .string("A"), "spaces": .number(12), "score": .number(0.25), "flag": .string("yes"), "empty": .null])
        XCTAssertEqual(fc.features[1].geometry, .point(Position(x: -0.001, y: 7)))
        XCTAssertEqual(fc.features[1].properties, ["name": .string("B"), "spaces": .number(-3), "score": .number(100), "flag": .null, "empty": .null])
    }

    func testSemicolonWithDecimalCommaAndPostcodesStayStrings() throws {
        let fc = try read("plz;x;y;fläche;anteil\n01067;13,7372;51,0504;12,5;1.000\n", x: "x", y: "y")
        XCTAssertEqual(fc.features[0].geometry, .point(Position(x: 13.7372, y: 51.0504)))
        // 01067 keeps its leading zero as a string; 12,5 → 12.5; 1.000 is one thousand: with ';' the dot is the
        // thousands separator (issue 11; this test said 1 before, the silent wrong answer the issue reports).
        XCTAssertEqual(fc.features[0].properties, ["plz": .string("01067"), "fläche": .number(12.5), "anteil": .number(1000)])
        // With ',' as delimiter a decimal comma cannot occur, and "12,5" would be two fields.
        XCTAssertEqual(try read("lon,lat,v\n1,2,\"12,5\"\n").features[0].properties["v"], .string("12,5"))
    }

    func testExplicitDelimiterOverridesDetection() throws {
        // The header alone has more commas than semicolons; told ';', the reader splits on ';'.
        let fc = try read("lon;lat;a,b,c\n1;2;x\n", delimiter: .semicolon)
        XCTAssertEqual(fc.features[0].properties, ["a,b,c": .string("x")])
    }

    func testBOMAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("lon,lat,name\r\n1.5,2.5,a\r\n3,4,b\r\n".utf8)
        let fc = try CSVReader.read(data: Data(bytes), xColumn: "lon", yColumn: "lat", crs: "EPSG:25832")
        XCTAssertEqual(fc.crs, "EPSG:25832")
        XCTAssertEqual(fc.features.map(\.geometry), [.point(Position(x: 1.5, y: 2.5)), .point(Position(x: 3, y: 4))])
        XCTAssertEqual(fc.features.map { $0.properties["name"] }, [.string("a"), .string("b")])
    }

    func testQuotedFields() throws {
        let fc = try read("\"lon\",\"lat\",\"note\"\n\"1\",\"2\",\"say \"\"hi\"\", then, go\non\"\n3,4,\"\"\n")
        XCTAssertEqual(fc.features.count, 2)
        XCTAssertEqual(fc.features[0].geometry, .point(Position(x: 1, y: 2)))
        XCTAssertEqual(fc.features[0].properties["note"], .string("say \"hi\", then, go\non"))
        XCTAssertEqual(fc.features[1].properties["note"], .null)
    }

    func testHeaderOnlyAndBlankLines() throws {
        XCTAssertEqual(try read("lon,lat\n").features.count, 0)
        XCTAssertEqual(try read("lon,lat").features.count, 0)
        XCTAssertEqual(try read("lon,lat\n\n1,2\n\n\n").features.count, 1)
    }

    func testEmptyFile() {
        XCTAssertEqual(error("")?.reason, .emptyFile)
        XCTAssertEqual(error("\n\n")?.reason, .emptyFile)
        XCTAssertEqual(CSVError(.emptyFile, source: "in.csv").description, "in.csv: the file is empty (a header row is required)")
    }

    func testMissingColumnNamesTheAvailableOnesAndTheNearest() {
        let e = error("name;Lon;lat_wgs84\nA;1;2\n")
        XCTAssertEqual(e?.reason, .missingColumn(name: "lon", available: ["name", "Lon", "lat_wgs84"], suggestion: "Lon"))
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, "lon")
        XCTAssertEqual(e?.description, #"in.csv:1: column "lon": no column "lon"; the columns are "name", "Lon", "lat_wgs84"; hint: did you mean "Lon"?"#)
        let far = error("a,b\n1,2\n")
        XCTAssertEqual(far?.reason, .missingColumn(name: "lon", available: ["a", "b"], suggestion: nil))
    }

    func testRaggedRows() {
        let short = error("lon,lat,name\n1,2,a\n3,4\n")
        XCTAssertEqual(short?.reason, .raggedRow(expected: 3, found: 2))
        XCTAssertEqual(short?.line, 3)
        // The quoted line break makes row 2 span lines 2–3, so the long row starts on line 4.
        let long = error("lon,lat,name\n1,2,\"a\nb\"\n3,4,c,d\n")
        XCTAssertEqual(long?.reason, .raggedRow(expected: 3, found: 4))
        XCTAssertEqual(long?.line, 4)
    }

    func testBadCoordinates() {
        let text = error("id,lon,lat\n1,13.4,52.5\n2,abc,52.5\n")
        XCTAssertEqual(text?.reason, .invalidCoordinate("abc"))
        XCTAssertEqual(text?.line, 3)
        XCTAssertEqual(text?.column, "lon")
        let empty = error("id,lon,lat\n1,13.4,\n")
        XCTAssertEqual(empty?.reason, .emptyCoordinate)
        XCTAssertEqual(empty?.column, "lat")
        XCTAssertEqual(error("lon,lat\n1e999,2\n")?.reason, .nonFiniteNumber("1e999"))
        XCTAssertEqual(error("lon,lat\nNaN,2\n")?.reason, .invalidCoordinate("NaN"))
        XCTAssertEqual(error("lon,lat\ninf,2\n")?.reason, .invalidCoordinate("inf"))
        // A decimal comma with ',' as delimiter is a ragged row, not silently 13.
        XCTAssertEqual(error("lon,lat\n13,4,52,5\n")?.reason, .raggedRow(expected: 2, found: 4))
    }

    func testMalformedQuotingAndDuplicates() {
        XCTAssertEqual(error("lon,lat,n\n1,2,\"open\n")?.reason, .unterminatedQuote)
        XCTAssertEqual(error("lon,lat,n\n1,2,\"a\"b\n")?.reason, .textAfterClosingQuote)
        XCTAssertEqual(error("lon,lat,lon\n1,2,3\n")?.reason, .duplicateColumn("lon"))
    }

    func testInvalidUTF8() {
        var bytes = Array("lon,lat,n\n1,2,ab\n".utf8)
        bytes[bytes.count - 2] = 0xFF
        XCTAssertThrowsError(try CSVReader.read(data: Data(bytes), xColumn: "lon", yColumn: "lat")) {
            XCTAssertEqual(($0 as? CSVError)?.reason, .invalidUTF8)
            XCTAssertEqual(($0 as? CSVError)?.line, 2)
        }
    }

    func testReadsFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data("lon;lat\n1,5;2,5\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try CSVReader.read(contentsOf: url, xColumn: "lon", yColumn: "lat").features[0].geometry, .point(Position(x: 1.5, y: 2.5)))
        XCTAssertThrowsError(try CSVReader.read(contentsOf: url.appendingPathExtension("missing"), xColumn: "lon", yColumn: "lat")) {
            XCTAssertEqual(($0 as? CSVError)?.reason, .unreadable("no such file"))
        }
    }

    func testMutatedFilesNeverCrash() {
        // Seeded random mutations of a valid file: each must be read or rejected with a CSVError.
        let seed = Array("id;lon;lat;name\r\n1;13,4;52,5;\"a;\"\"b\"\"\"\r\n2;-1e3;+7;\r\n".utf8)
        let alphabet = Array(";,\"\r\n0123456789.-+eE ab".utf8) + [0xFF, 0xEF, 0xBB, 0xBF]
        var rng = SeededGenerator(seed: 7)
        var accepted = 0
        for _ in 0..<3_000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...3, using: &rng) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[at] = alphabet.randomElement(using: &rng)!
                case 1: bytes.insert(alphabet.randomElement(using: &rng)!, at: at)
                default: bytes.remove(at: at)
                }
            }
            do {
                _ = try CSVReader.read(data: Data(bytes), xColumn: "lon", yColumn: "lat")
                accepted += 1
            } catch {
                XCTAssertFalse(error.description.isEmpty)
            }
        }
        XCTAssertGreaterThan(accepted, 0)
    }
}
