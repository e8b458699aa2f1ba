import Foundation
import XCTest
@testable import GeoCore

/// German numbers in CSV files (issue 11): decimal comma, '.' as thousands separator, decided per column.
///
/// Expected values are written by hand and cross-checked with this locale-free Python reference (Python's
/// `float` is correctly rounded and shares no code with GeoCore's parser); run on 2026-11-30:
///
///     import re
///     def german(s):   # decimal comma; '.' between groups of three after a first group of 1-3 (no leading 0)
///         m = re.fullmatch(r'([+-]?)([1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d+))?', s.strip())
///         return float(m[1] + m[2].replace('.', '') + ('.' + m[3] if m[3] else '')) if m else None
///     def point(s):    # JSON-style decimal point, no grouping
///         return float(s) if re.fullmatch(r'[+-]?\d+(\.\d+)?([eE][+-]?\d+)?', s.strip()) else None
///     for s in ['1.200', '12.345,6', '1.234.567', '617.810,75', '-1.234,5', '12,5', '1.20', '12.34,5',
///               '1.2345', '0.250', '1.234.56', '1234.567', '01.02.2024', '1,234.5', '5.810.405,17']:
///         print(s, german(s), point(s))
///     # 1.200 1200.0 1.2 | 12.345,6 12345.6 None | 1.234.567 1234567.0 None | 617.810,75 617810.75 None
///     # -1.234,5 -1234.5 None | 12,5 12.5 None | 1.20 None 1.2 | 12.34,5 None None | 1.2345 None 1.2345
///     # 0.250 None 0.25 | 1.234.56 None None | 1234.567 None 1234.567 | 01.02.2024 None None
///     # 1,234.5 None None | 5.810.405,17 5810405.17 None
final class CSVGermanNumberTests: XCTestCase {
    private func read(_ text: String, x: String = "lon", y: String = "lat", crs: String = "EPSG:4326") throws -> CSVReader.Result {
        try CSVReader.readWithWarnings(data: Data(text.utf8), source: "in.csv", xColumn: x, yColumn: y, crs: crs)
    }

    private func error(_ text: String, x: String = "lon", y: String = "lat", file: StaticString = #filePath, line: UInt = #line) -> CSVError? {
        do {
            let result = try read(text, x: x, y: y)
            XCTFail("no error; read \(result.collection.features.count) features", file: file, line: line)
            return nil
        } catch {
            return error as? CSVError
        }
    }

    private func column(_ result: CSVReader.Result, _ name: String) -> [JSONValue?] {
        result.collection.features.map { $0.properties[name] }
    }

    // MARK: - One cell

    /// The classification and both readings of single cells (the table in the class comment).
    func testCellClassificationAgainstThePythonReference() {
        typealias K = CSVNumberSyntax.Kind
        let cases: [(String, K, german: Double?, point: Double?)] = [
            ("1.200", .ambiguous, 1200, 1.2),
            ("12.345,6", .comma, 12345.6, nil),
            ("1.234.567", .comma, 1234567, nil),
            ("617.810,75", .comma, 617810.75, nil),
            ("-1.234,5", .comma, -1234.5, nil),
            ("12,5", .comma, 12.5, nil),
            ("1.20", .point, nil, 1.2),
            ("12.34,5", .neither, nil, nil),
            ("1.2345", .point, nil, 1.2345),
            ("0.250", .point, nil, 0.25),
            ("1.234.56", .neither, nil, nil),
            ("1234.567", .point, nil, 1234.567),
            ("01.02.2024", .neither, nil, nil),
            ("1,234.5", .neither, nil, nil),
            ("5.810.405,17", .comma, 5810405.17, nil),
            (" +1.200 ", .ambiguous, 1200, 1.2),
            ("1200", .integer, 1200, 1200),
            ("1.5e3", .point, nil, 1500),
            ("abc", .text, nil, nil),
            ("12a", .text, nil, nil),
        ]
        for (text, kind, german, point) in cases {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let field = CSVTokenizer.Field(start: 0, end: buffer.count, quoted: false, hasDoubledQuotes: false)
                let syntax = CSVNumberSyntax.classify(field, buffer)
                XCTAssertEqual(syntax.kind, kind, text)
                if let german { XCTAssertEqual(syntax.commaValue(buffer), german, text) }
                if let point { XCTAssertEqual(syntax.pointValue(buffer), point, text) }
            }
        }
    }

    /// A `1.200`-like cell is first read as thousands and turned back by dividing by 1000 when its column
    /// writes decimal points; that must equal parsing the text with a decimal point. Checked over every
    /// third `d.ddd` … `ddd.ddd` against Swift's own `Double(String)` (strtod), not GeoCore's parser.
    func testThousandsDividedBy1000EqualsTheDecimalPointReading() {
        for n in stride(from: 1000, through: 999_999, by: 3) {
            let text = "\(n / 1000).\(String(n % 1000 + 1000).dropFirst())"
            XCTAssertEqual(Double(n) / 1000, Double(text)!, text)
        }
    }

    // MARK: - Columns

    func testSemicolonFileReadsThousandsSeparators() throws {
        let result = try read("lon;lat;Einwohner;Fläche\n13,7372;51,0504;1.200;12.345,6\n13,7;51,1;1.234.567;800\n13,8;51,2;950;-1.234,5\n")
        XCTAssertEqual(column(result, "Einwohner"), [.number(1200), .number(1234567), .number(950)])
        XCTAssertEqual(column(result, "Fläche"), [.number(12345.6), .number(800), .number(-1234.5)])
        XCTAssertEqual(result.warnings, [], "a file written in one convention throughout gets no warning")
    }

    func testGroupedIntegersInAGermanFileAreThousandsWithoutWarning() throws {
        // Only 1.200-like cells and integers anywhere: the ';' convention decides, and nothing contradicts it.
        let result = try read("lon;lat;n\n1.200;2.500;1.200\n3;4;15.000\n")
        XCTAssertEqual(result.collection.features.map(\.geometry), [.point(Position(x: 1200, y: 2500)), .point(Position(x: 3, y: 4))])
        XCTAssertEqual(column(result, "n"), [.number(1200), .number(15000)])
        XCTAssertEqual(result.warnings, [])
    }

    func testDecimalPointColumnKeepsItsReadingAndWarnsAboutAmbiguousCells() throws {
        // The issue's example: a column with 3.5 and 0.25 (decimal points, as scripts write lon/lat) and 1.200.
        let result = try read("name;lon;lat\na;3.5;1\nb;0.25;2\nc;1.200;3\nd;2.000;4\n")
        XCTAssertEqual(result.collection.features.map(\.geometry),
                       [.point(Position(x: 3.5, y: 1)), .point(Position(x: 0.25, y: 2)), .point(Position(x: 1.2, y: 3)), .point(Position(x: 2, y: 4))])
        XCTAssertEqual(result.warnings.map(\.reason), [
            .ambiguousReadAsDecimalPoint(CSVWarning.Ambiguous(first: .init(line: 4, text: "1.200"), lines: [4, 5], count: 2),
                                         point: .init(line: 2, text: "3.5")),
        ])
        XCTAssertEqual(result.warnings.first?.column, "lon")
        XCTAssertEqual(result.warnings.first?.description,
                       #"in.csv: column "lon": "1.200" on lines 4, 5 could have a decimal point or a thousands separator; read with a decimal point (1.200 = 1.2) like "3.5" on line 2; if 1200 is meant, write it without the dot"#)
    }

    func testMixedColumnWarnsOnceNamingTheFirstLineOfEachConvention() throws {
        let result = try read("lon;lat;v\n1;2;12,5\n1;2;3.5\n1;2;1.200\n1;2;7,25\n1;2;0.5\n")
        // Each cell as written; 1.200 with the ';' convention (the dot as thousands separator).
        XCTAssertEqual(column(result, "v"), [.number(12.5), .number(3.5), .number(1200), .number(7.25), .number(0.5)])
        XCTAssertEqual(result.warnings.map(\.reason), [
            .mixedDecimalSeparators(comma: .init(line: 2, text: "12,5"), point: .init(line: 3, text: "3.5"),
                                    grouped: CSVWarning.Ambiguous(first: .init(line: 4, text: "1.200"), lines: [4], count: 1)),
        ])
        XCTAssertEqual(result.warnings.first?.column, "v")
        let text = try XCTUnwrap(result.warnings.first?.description)
        XCTAssertTrue(text.hasPrefix(#"in.csv: column "v": mixes decimal separators: "12,5" on line 2"#), text)
        XCTAssertTrue(text.contains(#""3.5" on line 3"#) && text.contains("1.200 = 1200"), text)
    }

    func testThousandsColumnInAFileWithDecimalPointsWarns() throws {
        // lon/lat from a script (decimal points), Einwohner from Excel (1.200): read as thousands, but flagged.
        let result = try read("name;lon;lat;Einwohner\nS1;10.7695;52.4306;1.200\nS2;10.78;52.4358;2.500\nS3;10.76;52.43;800\n")
        XCTAssertEqual(column(result, "Einwohner"), [.number(1200), .number(2500), .number(800)])
        XCTAssertEqual(result.warnings.map(\.reason), [
            .ambiguousReadAsThousands(CSVWarning.Ambiguous(first: .init(line: 2, text: "1.200"), lines: [2, 3], count: 2),
                                      pointColumn: "lon", point: .init(line: 2, text: "10.7695")),
        ])
        XCTAssertEqual(result.warnings.first?.column, "Einwohner")
        XCTAssertTrue(result.warnings[0].description.contains("if 1.2 is meant, write 1,2"), result.warnings[0].description)
    }

    func testManyAmbiguousCellsListFiveLinesAndCountTheRest() throws {
        // Lines 2–10: decimal points (0.25); lines 11–18: 1.500 … 8.500, fewer than the decimal points.
        let points = String(repeating: "1;2;0.25\n", count: 9)
        let rows = (0..<8).map { "1;2;\($0 + 1).500\n" }.joined()
        let result = try read("lon;lat;b\n" + points + rows)
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertEqual(result.warnings.first?.column, "b")
        XCTAssertTrue(result.warnings[0].message.hasPrefix(#""1.500" on lines 11, 12, 13, 14, 15 and 3 more"#), result.warnings[0].message)
        XCTAssertEqual(column(result, "b").last, .number(8.5))
    }

    // MARK: - Errors

    func testNumberFittingNeitherConventionInANumericColumnIsAnError() {
        let e = error("lon;lat;Fläche\n1;2;12,5\n1;2;12.34,5\n1;2;7\n")
        XCTAssertEqual(e?.reason, .malformedNumber("12.34,5"))
        XCTAssertEqual(e?.line, 3)
        XCTAssertEqual(e?.column, "Fläche")
        XCTAssertTrue(e?.description.hasPrefix(#"in.csv:3: column "Fläche": the value "12.34,5" is not a number"#) == true, e?.description ?? "")
        XCTAssertEqual(error("lon;lat;n\n1;2;1.2.3\n1;2;4\n1;2;5\n")?.reason, .malformedNumber("1.2.3"))
    }

    func testDatesAndCodesInATextColumnStayText() throws {
        // Not a numeric column (most cells are not numbers): 01.02.2024 fits neither convention and stays text.
        let result = try read("lon;lat;Datum;PLZ\n1;2;01.02.2024;01067\n3;4;15.3.2024;10115\n5;6;;\n")
        XCTAssertEqual(column(result, "Datum"), [.string("01.02.2024"), .string("15.3.2024"), .null])
        XCTAssertEqual(column(result, "PLZ"), [.string("01067"), .number(10115), .null])
    }

    func testDecimalPointAmongMostlyThousandsGroupedValuesIsAnError() {
        // 1.20 in a column of 1.200 and 15.000: not a valid group of three, and a decimal point the column does not use.
        let e = error("lon;lat;n\n1;2;1.200\n1;2;15.000\n1;2;1.20\n")
        XCTAssertEqual(e?.reason, .decimalPointInThousandsColumn("1.20", grouped: "1.200", groupedLine: 2))
        XCTAssertEqual(e?.line, 4)
        XCTAssertEqual(e?.column, "n")
        XCTAssertEqual(e?.hint?.hasPrefix("write 1,20 for a decimal"), true)
    }

    func testThousandsSeparatorsInCoordinates() throws {
        // Shops in EPSG:25832 (cs2cs EPSG:4326 → EPSG:25832 of 52.4306 N 10.7695 E: 620303.25 5810405.17).
        let result = try read("Name;Rechtswert;Hochwert\nS1;620.303,25;5.810.405,17\n", x: "Rechtswert", y: "Hochwert", crs: "EPSG:25832")
        XCTAssertEqual(result.collection.features[0].geometry, .point(Position(x: 620303.25, y: 5810405.17)))
        XCTAssertEqual(result.warnings, [])
        // With ',' as delimiter the same number (quoted) is an error with the thousands hint and its value.
        let comma = error("Name,Rechtswert,Hochwert\nS1,\"617.810,75\",5810405\n", x: "Rechtswert", y: "Hochwert")
        XCTAssertEqual(comma?.reason, .coordinateNeedsSemicolon("617.810,75", reading: 617810.75))
        XCTAssertEqual(comma?.column, "Rechtswert")
        XCTAssertEqual(comma?.line, 2)
        let hint = comma?.hint ?? ""
        XCTAssertTrue(hint.contains("thousands separators") && hint.contains("';'") && hint.contains("617810.75"), hint)
        XCTAssertFalse(comma?.description.contains("a decimal comma is accepted only") ?? true)
        // Unquoted grouping needs no quotes in a ',' file: 1.234.567 is no decimal-point number either.
        XCTAssertEqual(error("lon,lat\n1.234.567,2\n")?.reason, .coordinateNeedsSemicolon("1.234.567", reading: 1234567))
        // A plain decimal comma: the decimal-comma message (no thousands separator in it).
        let plain = error("lon,lat\n\"10,7695\",52.4306\n")
        XCTAssertEqual(plain?.reason, .coordinateNeedsSemicolon("10,7695", reading: 10.7695))
        XCTAssertTrue(plain?.message.contains("has a decimal comma") == true, plain?.message ?? "")
        // Fits neither: an error with the value as written, in either kind of file.
        XCTAssertEqual(error("lon;lat\n12.34,5;2\n")?.reason, .malformedNumber("12.34,5"))
        XCTAssertEqual(error("lon,lat\n\"1,234.5\",2\n")?.reason, .malformedNumber("1,234.5"))
    }

    func testCoordinateColumnMixingConventionsWarns() throws {
        let result = try read("lon;lat\n10,7695;52,4306\n10.78;52,4358\n")
        XCTAssertEqual(result.collection.features.map(\.geometry), [.point(Position(x: 10.7695, y: 52.4306)), .point(Position(x: 10.78, y: 52.4358))])
        XCTAssertEqual(result.warnings.map(\.column), ["lon"])
        XCTAssertEqual(result.warnings.first?.reason,
                       .mixedDecimalSeparators(comma: .init(line: 2, text: "10,7695"), point: .init(line: 3, text: "10.78"), grouped: nil))
    }

    func testDecimalCommasInACommaDelimitedFileAreNamedWithTheRow() {
        // 8 header columns, 3 numbers split by their decimal commas: 11 fields (the issue's report).
        let e = error("id,name,lon,lat,a,b,c,d\n1,Markt,10,7695,52,4306,3,5,x,y,z\n")
        XCTAssertEqual(e?.reason, .raggedRow(expected: 8, found: 11))
        XCTAssertEqual(e?.likelyCause, .decimalCommasWithCommaDelimiter)
        XCTAssertEqual(e?.row, "1,Markt,10,7695,52,4306,3,5,x,y,z")
        XCTAssertTrue(e?.hint?.contains("decimal commas need ';' as delimiter") == true, e?.hint ?? "")
        XCTAssertTrue(e?.description.hasPrefix("in.csv:2: the row has 11 fields, the header has 8: 1,Markt,10,7695,52,4306,3,5,x,y,z; hint:") == true, e?.description ?? "")
        // An ordinary extra field: the row is shown, the hint stays about quoting.
        let extra = error("name,lon,lat\nS2,10.78,52.4358,extra\n")
        XCTAssertNil(extra?.likelyCause)
        XCTAssertEqual(extra?.row, "S2,10.78,52.4358,extra")
        XCTAssertEqual(extra?.hint, "quote fields that contain the delimiter")
        // Long rows are cut to 80 characters.
        let long = error("lon,lat\n1,2," + String(repeating: "x", count: 200) + "\n")
        XCTAssertEqual(long?.row?.count, 80)
        XCTAssertEqual(long?.row?.hasSuffix("…"), true)
    }

    // MARK: - ',' files keep the decimal point only

    func testCommaDelimitedFileReadsOnlyDecimalPoints() throws {
        let result = try read("lon,lat,a,b\n1,2,1.200,\"1.234,5\"\n")
        XCTAssertEqual(column(result, "a"), [.number(1.2)])
        XCTAssertEqual(column(result, "b"), [.string("1.234,5")])
        XCTAssertEqual(result.warnings, [])
    }

    func testReadAndReadWithWarningsGiveTheSameFeatures() throws {
        let text = "name;lon;lat;v\na;3.5;1;1.200\nb;1.200;2;2,5\n"
        XCTAssertEqual(try CSVReader.read(data: Data(text.utf8), xColumn: "lon", yColumn: "lat"), try read(text).collection)
    }
}
