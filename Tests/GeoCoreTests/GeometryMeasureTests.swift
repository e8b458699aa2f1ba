import XCTest
@testable import GeoCore

/// Distances, areas, lengths and centroids against hand calculation and shapely 2.2.
final class GeometryMeasureTests: XCTestCase {
    private func P(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }

    /// 10×10 square with a 2×2 hole whose corner is (2,2).
    private var squareWithHole: Polygon {
        Polygon(exterior: [P(0, 0), P(10, 0), P(10, 10), P(0, 10), P(0, 0)],
                holes: [[P(2, 2), P(2, 4), P(4, 4), P(4, 2), P(2, 2)]])
    }

    // By hand: 100 − 4 = 96; centroid (100·(5,5) − 4·(3,3)) / 96 = 488/96 = 5.08333…; perimeter 40 + 8 = 48.
    // shapely agrees: Polygon(...).area == 96.0, centroid (5.083333333333333, 5.083333333333333), length 48.0.
    func testSquareWithHoleAreaCentroidLength() throws {
        let g = Geometry.polygon(squareWithHole)
        XCTAssertEqual(g.area, 96)
        let c = try XCTUnwrap(g.centroid)
        XCTAssertEqual(c.x, 488.0 / 96, accuracy: 1e-12)
        XCTAssertEqual(c.y, 488.0 / 96, accuracy: 1e-12)
        XCTAssertEqual(g.length, 48)
        // Orientation must not matter: the same polygon with the exterior clockwise and the hole counter-clockwise.
        let flipped = Polygon(exterior: squareWithHole.exterior.reversed(), holes: squareWithHole.holes.map { $0.reversed() })
        XCTAssertEqual(flipped.area, 96)
        XCTAssertEqual(try XCTUnwrap(flipped.centroid).x, 488.0 / 96, accuracy: 1e-12)
    }

    // By hand: (13,14) is 3 east and 4 north of the corner (10,10) → 5; (3,3) is the hole's centre, 1 from
    // its edges; (5,5) is inside → 0; (3,2) lies on the hole's edge → 0.
    func testPolygonDistance() {
        let g = Geometry.polygon(squareWithHole)
        XCTAssertEqual(g.distance(to: P(13, 14)), 5)
        XCTAssertEqual(g.distance(to: P(3, 3)), 1)
        XCTAssertEqual(g.distance(to: P(5, 5)), 0)
        XCTAssertEqual(g.distance(to: P(3, 2)), 0)
        XCTAssertEqual(g.distance(to: P(-2, 5)), 2)
    }

    // By hand: perpendicular foot inside the segment → 5; beyond the end (3,0) → √(2² + 4²) = √20;
    // degenerate segment → point distance.
    func testPointSegmentAndLineDistances() {
        XCTAssertEqual(Position.distance(from: P(0, 5), toSegment: P(-3, 0), P(3, 0)), 5)
        XCTAssertEqual(Position.distance(from: P(5, 4), toSegment: P(0, 0), P(3, 0)), 20.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(Position.distance(from: P(4, 4), toSegment: P(1, 0), P(1, 0)), 5)
        XCTAssertEqual(P(1, 1).distance(to: P(4, 5)), 5)
        let line = Geometry.lineString([P(0, 0), P(4, 0), P(4, 2)])
        XCTAssertEqual(line.distance(to: P(6, 1)), 2)
        XCTAssertEqual(line.distance(to: P(2, -3)), 3)
        XCTAssertEqual(Geometry.multiPoint([P(0, 0), P(10, 0)]).distance(to: P(7, 4)), 5)
        XCTAssertEqual(Geometry.geometryCollection([.point(P(0, 0)), .polygon(squareWithHole)]).distance(to: P(5, 5)), 0)
        XCTAssertEqual(Geometry.multiLineString([]).distance(to: P(0, 0)), .infinity)
    }

    // By hand: segments of length 4 (midpoint (2,0)) and 2 (midpoint (4,1)) → (4·(2,0) + 2·(4,1)) / 6 = (8/3, 1/3).
    func testLineCentroidAndLength() throws {
        let line = Geometry.lineString([P(0, 0), P(4, 0), P(4, 2)])
        XCTAssertEqual(line.length, 6)
        XCTAssertEqual(line.area, 0)
        let c = try XCTUnwrap(line.centroid)
        XCTAssertEqual(c.x, 8.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(c.y, 1.0 / 3, accuracy: 1e-12)
    }

    // By hand: mean of (0,0),(4,0),(2,6) = (2,2). Empty geometry has no centroid.
    func testPointCentroids() {
        XCTAssertEqual(Geometry.multiPoint([P(0, 0), P(4, 0), P(2, 6)]).centroid, P(2, 2))
        XCTAssertEqual(Geometry.point(P(3, 4)).centroid, P(3, 4))
        XCTAssertNil(Geometry.multiPoint([]).centroid)
        XCTAssertNil(Geometry.geometryCollection([]).centroid)
    }

    // By hand: areas 4 at (1,1) and 16 at (12,2) → area 20, centroid ((4 + 192)/20, (4 + 32)/20) = (9.8, 1.8).
    // shapely: MultiPolygon(...).area 20.0, centroid (9.8, 1.8).
    func testMultiPolygonAreaWeightedCentroid() throws {
        let mp = Geometry.multiPolygon([
            Polygon(exterior: [P(0, 0), P(2, 0), P(2, 2), P(0, 2), P(0, 0)]),
            Polygon(exterior: [P(10, 0), P(14, 0), P(14, 4), P(10, 4), P(10, 0)]),
        ])
        XCTAssertEqual(mp.area, 20)
        let c = try XCTUnwrap(mp.centroid)
        XCTAssertEqual(c.x, 9.8, accuracy: 1e-12)
        XCTAssertEqual(c.y, 1.8, accuracy: 1e-12)
    }

    // A zero-area polygon falls back to its ring as a line (as GEOS): the "square" (0,0),(2,0),(0,0) has
    // two segments of length 2 with midpoints (1,0) → centroid (1,0).
    func testDegeneratePolygonCentroidFallsBackToRing() {
        let flat = Geometry.polygon(Polygon(exterior: [P(0, 0), P(2, 0), P(0, 0)]))
        XCTAssertEqual(flat.area, 0)
        XCTAssertEqual(flat.centroid, P(1, 0))
    }

    /// Values from shapely 2.2.0 on a polygon with a hole in UTM-sized coordinates (EPSG:25832 range):
    /// python3 -c "from shapely.geometry import *; ox,oy=611000.0,5805000.0;
    ///   ext=[(ox+0,oy+0),(ox+120.5,oy-30.25),(ox+260,oy+40),(ox+210.75,oy+180.5),(ox+90,oy+220),(ox-40.5,oy+130),(ox+0,oy+0)];
    ///   hole=[(ox+80,oy+60),(ox+150,oy+70),(ox+140,oy+130),(ox+90,oy+120),(ox+80,oy+60)]; p=Polygon(ext,[hole]);
    ///   print(p.area, p.centroid, p.length, [p.distance(Point(q)) for q in [(ox+300,oy+300),(ox+110,oy+95),(ox-100,oy-50),(ox+50,oy+50)]]);
    ///   ls=LineString([(ox,oy),(ox+100,oy+50),(ox+130,oy-20)]); print(ls.length, ls.centroid, ls.distance(Point(ox+90,oy-40)));
    ///   print(GeometryCollection([p, ls, Point(ox,oy)]).centroid, GeometryCollection([ls, Point(ox+1000,oy)]).centroid)"
    func testAgainstShapelyInProjectedCoordinates() throws {
        let ox = 611000.0, oy = 5805000.0
        func Q(_ x: Double, _ y: Double) -> Position { Position(x: ox + x, y: oy + y) }
        let poly = Polygon(
            exterior: [Q(0, 0), Q(120.5, -30.25), Q(260, 40), Q(210.75, 180.5), Q(90, 220), Q(-40.5, 130), Q(0, 0)],
            holes: [[Q(80, 60), Q(150, 70), Q(140, 130), Q(90, 120), Q(80, 60)]])
        let g = Geometry.polygon(poly)
        XCTAssertEqual(g.area, 47357.5, accuracy: 1e-6)
        let c = try XCTUnwrap(g.centroid)
        XCTAssertEqual(c.x, 611107.4778810114, accuracy: 1e-6)
        XCTAssertEqual(c.y, 5805091.0538237514, accuracy: 1e-6)
        XCTAssertEqual(g.length, 1094.4012383775, accuracy: 1e-6)
        XCTAssertEqual(g.distance(to: Q(300, 300)), 149.1503017094, accuracy: 1e-6)
        XCTAssertEqual(g.distance(to: Q(110, 95)), 23.8378531593, accuracy: 1e-6)
        XCTAssertEqual(g.distance(to: Q(-100, -50)), 111.8033988750, accuracy: 1e-6)
        XCTAssertEqual(g.distance(to: Q(50, 50)), 0)

        let line = Geometry.lineString([Q(0, 0), Q(100, 50), Q(130, -20)])
        XCTAssertEqual(line.length, 187.9611299336, accuracy: 1e-6)
        let lc = try XCTUnwrap(line.centroid)
        XCTAssertEqual(lc.x, 611076.3365756556, accuracy: 1e-6)
        XCTAssertEqual(lc.y, 5805020.9482191298, accuracy: 1e-6)
        XCTAssertEqual(line.distance(to: Q(90, -40)), 44.7213595500, accuracy: 1e-6)

        // Collections use their highest-dimension parts only.
        let gc = try XCTUnwrap(Geometry.geometryCollection([g, line, .point(Q(0, 0))]).centroid)
        XCTAssertEqual(gc.x, 611107.4778810114, accuracy: 1e-6)
        XCTAssertEqual(gc.y, 5805091.0538237514, accuracy: 1e-6)
        let gc2 = try XCTUnwrap(Geometry.geometryCollection([line, .point(Q(1000, 0))]).centroid)
        XCTAssertEqual(gc2.x, 611076.3365756556, accuracy: 1e-6)
        XCTAssertEqual(gc2.y, 5805020.9482191298, accuracy: 1e-6)
    }
}
