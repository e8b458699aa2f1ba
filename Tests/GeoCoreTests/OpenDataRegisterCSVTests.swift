import Foundation
import XCTest
@testable import GeoCore

/// The Bundesnetzagentur charging-station register (Ladesäulenregister, state 19.07.2019, CC BY 4.0) read as
/// exported, through `CSVReader`. The fixture is data records 857–886 of
/// `bnetza-ladesaeulenregister-2019-07.csv` with its header, copied byte for byte by
/// `GeoData/tools/derive_open_data.py`'s record reader: `;` delimiter, decimal commas in the coordinates,
/// `dd.mm.yyyy` dates, CRLF record ends, and three `Public Key` cells with LF line breaks inside quotes.
/// Expected values were read off the fixture by hand (and agree with Python's `csv` module on the file).
final class OpenDataRegisterCSVTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ladesaeulenregister-2019-07-rows-857-886.csv")

    func read() throws -> FeatureCollection {
        try CSVReader.read(contentsOf: Self.fixture, xColumn: "Längengrad [DG]", yColumn: "Breitengrad [DG]")
    }

    /// The fixture is what the test claims: CRLF between records, bare LF only inside the quoted keys.
    func testFixtureHasTheExportQuirks() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\r\n").count - 1, 31, "header + 30 records, each ending in CRLF")
        XCTAssertEqual(text.replacingOccurrences(of: "\r\n", with: "").filter { $0 == "\n" }.count, 18,
                       "3 records × 2 quoted keys × 3 line breaks")
        XCTAssertTrue(text.hasPrefix("Betreiber;Adresse;Postleitzahl Ort;Bundesland;Längengrad [DG];Breitengrad [DG];"))
    }

    func testCountsColumnsAndTotals() throws {
        let fc = try read()
        XCTAssertEqual(fc.crs, "EPSG:4326")
        XCTAssertEqual(fc.features.count, 30, "30 records; the 3 with quoted line breaks are one feature each")
        // 22 columns, 2 of them the coordinates.
        XCTAssertEqual(fc.features[0].properties.keys, [
            "Betreiber", "Adresse", "Postleitzahl Ort", "Bundesland", "Inbetriebnahmedatum", "Anschlussleistung [kW]",
            "Art der Ladeeinrichtung", "Anzahl Ladepunkte", "Steckertypen1", "P1 [kW]", "Public Key1", "Steckertypen2",
            "P2 [kW]", "Public Key2", "Steckertypen3", "P3 [kW]", "Public Key3", "Steckertypen4", "P4 [kW]", "Public Key4",
        ])
        let type = fc.features.map { $0.properties["Art der Ladeeinrichtung"]?.string }
        XCTAssertEqual(type.filter { $0 == "Schnellladeeinrichtung" }.count, 3, "records 857, 858 and 864")
        XCTAssertEqual(type.filter { $0 == "Normalladeeinrichtung" }.count, 27)
        XCTAssertEqual(fc.features.compactMap { $0.properties["Anzahl Ladepunkte"]?.number }.reduce(0, +), 58)
        XCTAssertEqual(fc.features.compactMap { $0.properties["Anschlussleistung [kW]"]?.number }.reduce(0, +), 1292)
        XCTAssertEqual(fc.features.filter { $0.properties["Public Key1"]?.isNull == false }.count, 3)
        XCTAssertEqual(fc.features.filter { $0.properties["Steckertypen2"]?.isNull == false }.count, 28)
        XCTAssertTrue(fc.features.allSatisfy { $0.properties["P4 [kW]"] == .null }, "no device has a fourth plug")
    }

    /// Record 857: a motorway fast charger; the operator keeps its trailing space (cells are not trimmed),
    /// the date stays text, kW and charging points are numbers.
    func testFastChargerRow() throws {
        let f = try read().features[0]
        XCTAssertEqual(f.geometry, .point(Position(x: 8.179959, y: 48.808334)))
        XCTAssertEqual(f.properties["Betreiber"], .string("Autobahn Tank & Rast GmbH "))
        XCTAssertEqual(f.properties["Adresse"], .string("Baden Baden West"))
        XCTAssertEqual(f.properties["Postleitzahl Ort"], .string("76532 Baden-Baden"))
        XCTAssertEqual(f.properties["Bundesland"], .string("Baden-Württemberg"))
        XCTAssertEqual(f.properties["Inbetriebnahmedatum"], .string("29.07.2016"))
        XCTAssertEqual(f.properties["Anschlussleistung [kW]"], .number(100))
        XCTAssertEqual(f.properties["Art der Ladeeinrichtung"], .string("Schnellladeeinrichtung"))
        XCTAssertEqual(f.properties["Anzahl Ladepunkte"], .number(2))
        XCTAssertEqual(f.properties["Steckertypen1"], .string("DC Kupplung Combo, DC CHAdeMO"))
        XCTAssertEqual(f.properties["P1 [kW]"], .number(50))
        XCTAssertEqual(f.properties["Steckertypen2"], .string("AC Kupplung Typ 2"))
        XCTAssertEqual(f.properties["P2 [kW]"], .number(42))
        XCTAssertEqual(f.properties["Public Key1"], .null)
    }

    /// Record 868 (feature 11): the public keys span four lines inside quotes; both copies are intact and the
    /// next record (869, feature 12) starts where it should.
    func testQuotedLineBreaksStayInsideTheCell() throws {
        let fc = try read()
        let f = fc.features[11]
        let key = "f280 1180 2856 dc19 97a7 b806\neff9 e5fd 8d87 1ea3 fd67 2b12\n0b2e d426 7363 5338 0b4f 4692\n57cd 5570 198e 75ec cd29 b770"
        XCTAssertEqual(f.properties["Public Key1"], .string(key))
        XCTAssertEqual(f.properties["Public Key2"], .string(key))
        XCTAssertEqual(f.properties["Adresse"], .string("Au in den Buchen 80"))
        XCTAssertEqual(f.properties["Inbetriebnahmedatum"], .string("31.05.2019"))
        XCTAssertEqual(f.geometry, .point(Position(x: 8.527396, y: 49.099463)))
        let next = fc.features[12]
        XCTAssertEqual(next.geometry, .point(Position(x: 8.58466, y: 49.124781)))
        XCTAssertEqual(next.properties["Inbetriebnahmedatum"], .string("13.06.2012"))
        XCTAssertEqual(next.properties["Public Key1"], .null)
        XCTAssertEqual(fc.features[16].properties["Public Key1"]?.string?.hasPrefix("d161 d2d2 A01d 8553 CA7d E1d3\n6296"), true)
    }

    /// Record 880 (feature 23): eight decimals behind the decimal comma; record 886 (the last): Philippsburg.
    func testDecimalCommaCoordinatesWithManyDigitsAndTheLastRecord() throws {
        let fc = try read()
        XCTAssertEqual(fc.features[23].geometry, .point(Position(x: 8.59774775, y: 49.12359347)))
        XCTAssertEqual(fc.features[23].properties["Adresse"], .string("John-Bopp-Straße 26"))
        XCTAssertEqual(fc.features[23].properties["Anzahl Ladepunkte"], .number(1))
        let last = try XCTUnwrap(fc.features.last)
        XCTAssertEqual(last.geometry, .point(Position(x: 8.454193, y: 49.235267)))
        XCTAssertEqual(last.properties["Postleitzahl Ort"], .string("76652 Philippsburg"))
        XCTAssertEqual(last.properties["Inbetriebnahmedatum"], .string("05.03.2018"))
    }
}
