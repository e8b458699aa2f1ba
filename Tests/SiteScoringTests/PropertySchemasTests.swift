import GeoCore
import XCTest
@testable import SiteScoring

/// `PropertySchemas` numbers the candidates' distinct key lists in order of first appearance (key order counts).
final class PropertySchemasTests: XCTestCase {
    func testSchemasAreNumberedInOrderOfFirstAppearance() {
        func feature(_ keys: [String]) -> Feature {
            var properties = JSONObject()
            for k in keys { properties[k] = .number(1) }
            return Feature(geometry: nil, properties: properties)
        }
        let features = [feature(["a", "b"]), feature(["a", "b"]), feature(["b", "a"]), feature(["a", "b"]), feature([]), feature(["b", "a"])]
        let schemas = PropertySchemas(features)
        XCTAssertEqual(schemas.keys, [["a", "b"], ["b", "a"], []])
        XCTAssertEqual(schemas.schema, [0, 0, 1, 0, 2, 1])
    }
}
