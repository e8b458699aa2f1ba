import XCTest
@testable import GeoCore

final class BoundingBoxTests: XCTestCase {
    // Expected values by hand: the box of (0,0),(3,-1),(1,4) is [0,-1]–[3,4]; (6,8) is 3 east and 4 north of its corner → 5.
    func testEnclosingAndDistance() throws {
        let box = try XCTUnwrap(BoundingBox(enclosing: [Position(x: 0, y: 0), Position(x: 3, y: -1), Position(x: 1, y: 4)]))
        XCTAssertEqual(box, BoundingBox(minX: 0, minY: -1, maxX: 3, maxY: 4))
        XCTAssertEqual(box.distance(to: Position(x: 6, y: 8)), 5)
        XCTAssertEqual(box.distance(to: Position(x: 1, y: 1)), 0)
    }
}
