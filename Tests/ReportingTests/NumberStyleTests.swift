import Reporting
import XCTest

/// Numbers per language: expected strings written by hand from DIN 5008 / Duden (German: `.` groups thousands,
/// `,` is the decimal mark) and the English convention.
final class NumberStyleTests: XCTestCase {
    let en = NumberStyle(language: .en), de = NumberStyle(language: .de)

    func testGroupingAndDecimalMarkPerLanguage() {
        XCTAssertEqual(en.decimal(1234.5, digits: 1), "1,234.5")
        XCTAssertEqual(de.decimal(1234.5, digits: 1), "1.234,5")
        XCTAssertEqual(en.decimal(1_234_567.891, digits: 2), "1,234,567.89")
        XCTAssertEqual(de.decimal(1_234_567.891, digits: 2), "1.234.567,89")
        XCTAssertEqual(en.integer(11_001), "11,001")
        XCTAssertEqual(de.integer(11_001), "11.001")
        XCTAssertEqual(de.integer(999), "999")
        XCTAssertEqual(de.decimal(100_000, digits: 0), "100.000")
    }

    func testRoundingSignsAndSpecialValues() {
        XCTAssertEqual(en.decimal(-1234.56, digits: 1), "−1,234.6")
        XCTAssertEqual(de.decimal(-0.0001, digits: 2), "0,00", "a value that rounds to zero has no sign")
        XCTAssertEqual(en.decimal(0.97984, digits: 4), "0.9798")
        XCTAssertEqual(en.decimal(.nan, digits: 2), "–")
        XCTAssertEqual(de.score(0.92834), "0,9283")
    }

    func testPercentLengthsAndMeasures() {
        XCTAssertEqual(en.percent(0.8312), "83\u{202F}%")
        XCTAssertEqual(de.percent(0.045, digits: 1), "4,5\u{202F}%")
        XCTAssertEqual(en.length(850), "850\u{202F}m")
        XCTAssertEqual(de.length(2500), "2.500\u{202F}m")
        XCTAssertEqual(en.length(61_934), "61.9\u{202F}km")
        XCTAssertEqual(en.length(3000), "3\u{202F}km")
        XCTAssertEqual(de.length(30_000), "30\u{202F}km")
        XCTAssertEqual(de.length(61_934), "61,9\u{202F}km")
        XCTAssertEqual(de.measure(57.6), "57,6")
        XCTAssertEqual(en.measure(209_191), "209,191")
        XCTAssertEqual(en.measure(0.1234), "0.123")
    }
}
