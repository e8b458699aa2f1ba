import Foundation
import XCTest
@testable import GeoCore
import TestSupport

/// `PointRadiusGrid` (issue 15) against a linear scan with `Geometry.distance(to:)`: counts equal, sums
/// bit-identical, on uniform, clustered and duplicated points in projected metres, points exactly on the
/// circle, and the edge cases (empty layer, radius 0, huge radius, non-finite input).
final class PointRadiusGridTests: XCTestCase {
    private func uniform(_ count: Int, _ rng: inout SeededGenerator) -> [Position] {
        (0..<count).map { _ in
            Position(x: 500_000 + Double.random(in: 0..<40_000, using: &rng), y: 5_600_000 + Double.random(in: 0..<40_000, using: &rng))
        }
    }

    /// A few dense clusters (a city's POIs) plus sparse background and exact duplicates.
    private func clustered(_ count: Int, _ rng: inout SeededGenerator) -> [Position] {
        let centres = uniform(6, &rng)
        var out: [Position] = []
        for i in 0..<count {
            if i % 5 == 0 {
                out.append(uniform(1, &rng)[0])
            } else if i % 11 == 0, let earlier = out.randomElement(using: &rng) {
                out.append(earlier)
            } else {
                let c = centres[i % centres.count]
                let spread = i % 3 == 0 ? 30.0 : 800.0
                out.append(Position(x: c.x + Double.random(in: -spread...spread, using: &rng),
                                    y: c.y + Double.random(in: -spread...spread, using: &rng)))
            }
        }
        return out
    }

    /// Checks count and every column against the linear scan for each query point and radius.
    private func check(_ points: [Position], columns: [[Double]], queries: [Position], radii: [Double],
                       file: StaticString = #filePath, line: UInt = #line) {
        let layer = points.map { Geometry.point($0) }
        let index = SpatialIndex(layer, treesForNearest: false)
        guard let source = PointRadiusGrid.source(geometries: layer, columns: columns) else {
            return XCTFail("point layer with exact columns", file: file, line: line)
        }
        let grid = PointRadiusGrid(source)
        var q = index.makeQuery()
        var totals = [Double](repeating: .nan, count: columns.count)
        for (i, p) in queries.enumerated() {
            for r in radii {
                var want = [Double](repeating: 0, count: columns.count), n = 0
                for (k, g) in layer.enumerated() where g.distance(to: p) <= r {
                    n += 1
                    for m in columns.indices { want[m] += columns[m][k] }
                }
                XCTAssertEqual(grid.count(within: r, of: p), n, "count within \(r) of query \(i)", file: file, line: line)
                XCTAssertEqual(q.count(within: r, of: p), n, "index count within \(r) of query \(i)", file: file, line: line)
                let got = totals.withUnsafeMutableBufferPointer { grid.aggregate(within: r, of: p, into: $0) }
                XCTAssertEqual(got, n, file: file, line: line)
                for m in columns.indices {
                    XCTAssertEqual(totals[m].bitPattern, want[m].bitPattern, "column \(m) within \(r) of query \(i): \(totals[m]) vs \(want[m])",
                                   file: file, line: line)
                }
            }
        }
    }

    /// Queries on data points (distance exactly 0, and data points exactly at other points' distances) and anywhere.
    private func queries(_ points: [Position], _ count: Int, _ rng: inout SeededGenerator) -> [Position] {
        (0..<count).map { i in
            i % 2 == 0 ? points[Int.random(in: 0..<points.count, using: &rng)]
                : Position(x: 500_000 + Double.random(in: -2000..<42_000, using: &rng), y: 5_600_000 + Double.random(in: -2000..<42_000, using: &rng))
        }
    }

    func testUniformPointsMatchLinearScan() {
        var rng = SeededGenerator(seed: 1501)
        let points = uniform(8_000, &rng)
        let a = points.map { _ in Double(Int.random(in: -1000...100_000, using: &rng)) }
        check(points, columns: [a], queries: queries(points, 200, &rng), radii: [0, 1, 250, 500, 1000, 1500, 4000])
    }

    func testClusteredAndDuplicatePointsMatchLinearScan() {
        var rng = SeededGenerator(seed: 1502)
        let points = clustered(8_000, &rng)
        let a = points.map { _ in Double(Int.random(in: 0...700, using: &rng)) }
        let b = points.map { _ in Double(Int.random(in: -5...5, using: &rng)) }
        check(points, columns: [a, b], queries: queries(points, 200, &rng), radii: [0, 10, 35, 500, 1000, 2500])
    }

    /// Points at exactly the radius (Pythagorean offsets: 3-4-5 scaled, distances computed without rounding)
    /// count; points one ulp farther do not.
    func testPointsExactlyOnTheCircle() {
        let c = Position(x: 512_345, y: 5_612_345)
        var points: [Position] = []
        for k in 1...400 {
            let d = Double(k) * 1.25
            for (sx, sy) in [(1.0, 1.0), (-1, 1), (1, -1), (-1, -1)] {
                points.append(Position(x: c.x + sx * 3 * d, y: c.y + sy * 4 * d))
                points.append(Position(x: c.x + sx * 4 * d, y: c.y + sy * 3 * d))
                points.append(Position(x: c.x + sx * 5 * d, y: c.y))
                points.append(Position(x: c.x, y: (c.y + sy * 5 * d).nextUp))
            }
        }
        let ones = [Double](repeating: 1, count: points.count)
        check(points, columns: [ones], queries: [c, Position(x: c.x + 0.5, y: c.y)],
              radii: stride(from: 1.25, through: 500, by: 12.5).map { $0 * 5 } + [0, 6.25.nextDown])
    }

    func testSeveralColumnsAndLargeRadiiAndIntegerCoordinates() {
        var rng = SeededGenerator(seed: 1503)
        // Integer metre coordinates put many points exactly on integer radii.
        let points = (0..<3_000).map { _ in
            Position(x: Double(Int.random(in: 600_000...603_000, using: &rng)), y: Double(Int.random(in: 5_700_000...5_703_000, using: &rng)))
        }
        let cols = (0..<3).map { m in points.map { _ in Double(Int.random(in: 0...(m * 1000 + 1), using: &rng)) } }
        let qs = (0..<100).map { i in
            i % 2 == 0 ? points[i] : Position(x: Double(Int.random(in: 599_000...604_000, using: &rng)), y: Double(Int.random(in: 5_699_000...5_704_000, using: &rng)))
        }
        check(points, columns: cols, queries: qs, radii: [0, 5, 13, 25, 100, 1000, 5000, 1e7, 1e300])
    }

    func testEmptyAndSingleAndDegenerateLayers() {
        let empty = PointRadiusGrid(PointRadiusGrid.source(geometries: [], columns: [[]])!)
        XCTAssertEqual(empty.count(within: 1000, of: Position(x: 0, y: 0)), 0)
        var t = [Double.nan]
        XCTAssertEqual(t.withUnsafeMutableBufferPointer { empty.aggregate(within: 5, of: Position(x: 1, y: 1), into: $0) }, 0)
        XCTAssertEqual(t[0].bitPattern, (0.0).bitPattern)

        check([Position(x: 2, y: 2)], columns: [[42]], queries: [Position(x: 2, y: 2), Position(x: 3, y: 2)], radii: [0, 0.5, 1, 2])
        // All on one vertical line, and all at one place.
        check((0..<500).map { Position(x: 7, y: Double($0)) }, columns: [], queries: [Position(x: 7, y: 250), Position(x: 10, y: -3)],
              radii: [0, 1, 3, 5, 100, 1000])
        check([Position](repeating: Position(x: 9, y: 9), count: 50), columns: [], queries: [Position(x: 9, y: 9), Position(x: 12, y: 13)],
              radii: [0, 4.999, 5])
    }

    /// A negative or NaN radius finds nothing, an infinite one everything; a non-finite site is answered by testing
    /// every point: the same as the linear scan and the index in each case.
    func testNegativeAndNonFiniteInput() {
        let points = [Position(x: 1, y: 1), Position(x: 2, y: 2), Position(x: 2, y: 40)]
        let queries = [Position(x: 1, y: 1), Position(x: .nan, y: 1), Position(x: 1, y: -.infinity), Position(x: .infinity, y: .infinity)]
        check(points, columns: [[3, 4, 5]], queries: queries, radii: [-1, 0, 1.5, .infinity, .nan])
    }

    /// Features without a geometry or with a non-finite position are left out, as the index leaves them out.
    func testNullAndNonFiniteGeometriesAreLeftOutLikeTheIndex() {
        let layer: [Geometry?] = [.point(Position(x: 1, y: 1)), nil, .point(Position(x: .nan, y: 1)), .multiPoint([]),
                                  .multiPoint([Position(x: 3, y: 1)]), .point(Position(x: .infinity, y: 0))]
        let grid = PointRadiusGrid(PointRadiusGrid.source(geometries: layer, columns: [[1, 10, 100, 1000, 10_000, 100_000]])!)
        XCTAssertEqual(grid.count, 2)
        var index = SpatialIndex(layer.map { $0 ?? .multiPoint([]) }, treesForNearest: false).makeQuery()
        var totals = [Double.nan]
        for r in [0.5, 2.5, Double.infinity] {
            let n = totals.withUnsafeMutableBufferPointer { grid.aggregate(within: r, of: Position(x: 1, y: 1), into: $0) }
            XCTAssertEqual(n, index.count(within: r, of: Position(x: 1, y: 1)), "radius \(r)")
            XCTAssertEqual(totals[0], r < 1 ? 1 : 10_001, "radius \(r)")
        }
    }

    func testRefusesLayersAndValuesItCouldGetWrong() {
        let points: [Geometry?] = (0..<10).map { .point(Position(x: Double($0), y: 0)) }
        XCTAssertNil(PointRadiusGrid.source(geometries: points, columns: [(0..<10).map { Double($0) + 0.5 }]), "fractions")
        XCTAssertNil(PointRadiusGrid.source(geometries: points, columns: [[Double](repeating: 1e15, count: 10)]), "Σ|v| > 2^53")
        XCTAssertNil(PointRadiusGrid.source(geometries: points, columns: [[1, 2]]), "one value per feature")
        XCTAssertNil(PointRadiusGrid.source(geometries: [.lineString([Position(x: 0, y: 0), Position(x: 1, y: 0)])]), "a segment is not a point")
        XCTAssertNil(PointRadiusGrid.source(geometries: [.multiPoint([Position(x: 0, y: 0), Position(x: 1, y: 0)])]), "several points per feature")
        XCTAssertNil(PointRadiusGrid.source(geometries: [.polygon(Polygon(exterior: [Position(x: 0, y: 0), Position(x: 1, y: 0),
                                                                                   Position(x: 0, y: 1), Position(x: 0, y: 0)]))]), "a polygon")
    }
}
