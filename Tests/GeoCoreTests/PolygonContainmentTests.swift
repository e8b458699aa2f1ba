import XCTest
@testable import GeoCore

/// Point-in-polygon (with holes, boundary inclusive), winding, ring validity and self-intersection,
/// against hand-worked cases.
final class PolygonContainmentTests: XCTestCase {
    private func P(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }

    private var squareWithHole: Polygon {
        Polygon(exterior: [P(0, 0), P(10, 0), P(10, 10), P(0, 10), P(0, 0)],
                holes: [[P(2, 2), P(2, 4), P(4, 4), P(4, 2), P(2, 2)]])
    }

    func testPointInPolygonWithHoleAndBoundary() {
        let poly = squareWithHole
        XCTAssertTrue(poly.contains(P(5, 5)), "interior")
        XCTAssertTrue(poly.contains(P(10, 5)), "on an exterior edge")
        XCTAssertTrue(poly.contains(P(0, 0)), "on an exterior vertex")
        XCTAssertTrue(poly.contains(P(10, 10)), "on the last exterior vertex")
        XCTAssertTrue(poly.contains(P(3, 2)), "on a hole edge")
        XCTAssertTrue(poly.contains(P(2, 2)), "on a hole vertex")
        XCTAssertFalse(poly.contains(P(3, 3)), "inside the hole")
        XCTAssertFalse(poly.contains(P(11, 5)), "outside")
        XCTAssertFalse(poly.contains(P(-1e-9, 5)), "just outside")
        // A ray through a vertex must not count twice: (5, 10) is the apex-level of this triangle's top vertex.
        let tri = Polygon(exterior: [P(0, 0), P(10, 0), P(5, 10), P(0, 0)])
        XCTAssertFalse(tri.contains(P(0, 10)))
        XCTAssertTrue(tri.contains(P(5, 10)))
        XCTAssertTrue(tri.contains(P(5, 5)))
        XCTAssertTrue(tri.contains(P(2.5, 5)), "on the sloped edge (2.5, 5) = midpoint of (0,0)–(5,10)")
        XCTAssertFalse(tri.contains(P(2.4, 5)))
    }

    func testGeometryContainsOnlyForPolygonalKinds() {
        XCTAssertFalse(Geometry.point(P(1, 1)).contains(P(1, 1)))
        XCTAssertFalse(Geometry.lineString([P(0, 0), P(2, 2)]).contains(P(1, 1)))
        XCTAssertTrue(Geometry.polygon(squareWithHole).contains(P(1, 1)))
        XCTAssertTrue(Geometry.multiPolygon([squareWithHole, Polygon(exterior: [P(2.5, 2.5), P(3.5, 2.5), P(3.5, 3.5), P(2.5, 2.5)])])
            .contains(P(3.4, 2.6)), "an island inside the hole")
        XCTAssertTrue(Geometry.geometryCollection([.point(P(0, 0)), .polygon(squareWithHole)]).contains(P(9, 9)))
    }

    // By hand: the shoelace sum of the counter-clockwise unit square is +2 (twice the area); reversed −2.
    func testWindingAndRFC7946Orientation() {
        let ccw = [P(0, 0), P(1, 0), P(1, 1), P(0, 1), P(0, 0)]
        XCTAssertEqual(Polygon.doubledSignedArea(ofRing: ccw), 2)
        XCTAssertEqual(Polygon.doubledSignedArea(ofRing: ccw.reversed()), -2)
        let bad = Polygon(exterior: squareWithHole.exterior.reversed(), holes: squareWithHole.holes.map { $0.reversed() })
        let fixed = bad.rfc7946Oriented()
        XCTAssertTrue(Polygon.isCounterClockwise(fixed.exterior))
        XCTAssertFalse(Polygon.isCounterClockwise(fixed.holes[0]))
        XCTAssertEqual(fixed.area, bad.area)
        XCTAssertTrue(fixed.contains(P(3, 2)) && !fixed.contains(P(3, 3)))
    }

    func testRingValidity() {
        XCTAssertNoThrow(try squareWithHole.validateRings())
        XCTAssertThrowsError(try Polygon(exterior: [P(0, 0), P(1, 0), P(0, 0)]).validateRings()) { error in
            XCTAssertEqual(error as? RingValidityError, .tooFewPositions(ring: 0, count: 3))
        }
        XCTAssertThrowsError(try Polygon(exterior: squareWithHole.exterior, holes: [[P(2, 2), P(2, 4), P(4, 4), P(4, 2)]]).validateRings()) { error in
            XCTAssertEqual(error as? RingValidityError, .notClosed(ring: 1))
        }
    }

    // By hand: the bow-tie (0,0)→(2,2)→(2,0)→(0,2)→(0,0) crosses itself at (1,1).
    func testSelfIntersectionFindsCrossings() {
        XCTAssertNil(squareWithHole.selfIntersection())
        XCTAssertEqual(Polygon(exterior: [P(0, 0), P(2, 2), P(2, 0), P(0, 2), P(0, 0)]).selfIntersection(), P(1, 1))
        // A hole poking out through the exterior edge x = 10 crosses it at (10, 5) and (10, 6).
        let poking = Polygon(exterior: squareWithHole.exterior, holes: [[P(8, 5), P(12, 5), P(12, 6), P(8, 6), P(8, 5)]])
        let hit = poking.selfIntersection()
        XCTAssertTrue(hit == P(10, 5) || hit == P(10, 6), "\(String(describing: hit))")
        // A spike doubling back along its own edge: (0,0)→(4,0)→(4,4)→(4,2)… overlaps at (4,2)–(4,4).
        XCTAssertNotNil(Polygon(exterior: [P(0, 0), P(4, 0), P(4, 4), P(4, 2), P(0, 4), P(0, 0)]).selfIntersection())
        // Repeated consecutive vertices are not an intersection.
        XCTAssertNil(Polygon(exterior: [P(0, 0), P(1, 0), P(1, 0), P(1, 1), P(0, 1), P(0, 0)]).selfIntersection())
    }

    // A 20,000-vertex circle is simple; moving one vertex across the ring makes it cross. (Exercises the
    // indexed search: the O(n²) pair scan would be 2·10⁸ tests.)
    func testSelfIntersectionOnLargeRing() throws {
        let n = 20_000
        var ring = (0..<n).map { i -> Position in
            let a = 2 * Double.pi * Double(i) / Double(n)
            return P(500_000 + 1000 * cos(a), 5_600_000 + 1000 * sin(a))
        }
        ring.append(ring[0])
        XCTAssertNil(Polygon(exterior: ring).selfIntersection())
        ring[n / 4] = P(500_000, 5_600_000 - 1100)  // the vertex at 90° jumps past the bottom of the circle
        let hit = try XCTUnwrap(Polygon(exterior: ring).selfIntersection())
        XCTAssertLessThan(hit.y, 5_600_000)
    }
}
