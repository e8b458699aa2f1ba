import Foundation
import XCTest
@testable import GeoCore

/// "Did you mean …" suggestions, worked out by hand.
final class NameSuggestionTests: XCTestCase {
    func testAbbreviationsAndTypos() {
        XCTAssertEqual(NameSuggestion.nearest(to: "lon", in: ["longitude", "lat"]), "longitude")   // prefix beats edit distance
        XCTAssertEqual(NameSuggestion.nearest(to: "Latitude", in: ["lat", "lon"]), "lat")          // the name extends a candidate
        XCTAssertEqual(NameSuggestion.nearest(to: "criterias", in: ["criteria", "constraints"]), "criteria")  // 1 edit
        XCTAssertNil(NameSuggestion.nearest(to: "population", in: ["x", "y"]))
        XCTAssertEqual(NameSuggestion.hint(for: "methd", in: ["method", "name"]), " (did you mean 'method'?)")
    }

    /// A CSV whose header says `longitude,lat`, read with x = "lon": the error suggests "longitude", never the y column.
    func testCSVMissingCoordinateColumnSuggestsTheRightOne() {
        XCTAssertThrowsError(try CSVReader.read(data: Data("longitude,lat\n10,52\n".utf8), source: "p.csv", xColumn: "lon", yColumn: "lat")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("did you mean \"longitude\"?"), text)
        }
    }
}
