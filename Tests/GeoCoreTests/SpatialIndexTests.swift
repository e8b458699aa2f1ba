import Foundation
import XCTest
@testable import GeoCore
import TestSupport

/// `SpatialIndex` against a linear scan with `Geometry.distance(to:)` / `Geometry.contains(_:)` on seeded
/// random layers: answers must be identical (same features, bit-identical distances, same tie order).
final class SpatialIndexTests: XCTestCase {
    private static let origin = Position(x: 500_000, y: 5_600_000)
    private static let extent = 100_000.0

    private func randomPosition(_ rng: inout SeededGenerator, extent: Double = SpatialIndexTests.extent) -> Position {
        Position(x: Self.origin.x + Double.random(in: 0..<extent, using: &rng),
                 y: Self.origin.y + Double.random(in: 0..<extent, using: &rng))
    }

    private func pointLayer(count: Int, seed: UInt64) -> [Geometry] {
        var rng = SeededGenerator(seed: seed)
        var layer = (0..<count).map { _ in Geometry.point(randomPosition(&rng)) }
        // Exact duplicates to exercise ties (broken by feature index).
        for i in stride(from: 0, to: count / 10, by: 7) { layer[count - 1 - i] = layer[i] }
        return layer
    }

    /// Random-walk line strings of 5 segments (~500 m each) → 10,000 segments for 2,000 features.
    private func lineLayer(count: Int, seed: UInt64) -> [Geometry] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { i in
            var p = randomPosition(&rng)
            var line = [p]
            for _ in 0..<5 {
                p = Position(x: p.x + Double.random(in: -500...500, using: &rng), y: p.y + Double.random(in: -500...500, using: &rng))
                line.append(p)
            }
            return i % 10 == 0 ? .multiLineString([Array(line[0...2]), Array(line[3...5])]) : .lineString(line)
        }
    }

    /// Star-shaped (hence simple) polygons of 8 vertices, radius up to ~1.5 km so many overlap; every third
    /// has a hole, every tenth is a two-part multipolygon.
    private func polygonLayer(count: Int, seed: UInt64) -> [Geometry] {
        var rng = SeededGenerator(seed: seed)
        func star(_ c: Position, _ rMin: Double, _ rMax: Double, clockwise: Bool) -> [Position] {
            var ring = (0..<8).map { k -> Position in
                let a = Double(k) / 8 * 2 * Double.pi
                let r = Double.random(in: rMin...rMax, using: &rng)
                return Position(x: c.x + r * cos(a), y: c.y + r * sin(a))
            }
            if clockwise { ring.reverse() }
            ring.append(ring[0])
            return ring
        }
        return (0..<count).map { i in
            let c = randomPosition(&rng)
            let holes = i % 3 == 0 ? [star(c, 100, 300, clockwise: true)] : []
            let poly = Polygon(exterior: star(c, 400, 1500, clockwise: false), holes: holes)
            if i % 10 == 0 {
                let c2 = Position(x: c.x + 4000, y: c.y)
                return .multiPolygon([poly, Polygon(exterior: star(c2, 200, 600, clockwise: false))])
            }
            return .polygon(poly)
        }
    }

    /// Query points: random ones, plus data vertices and points on edges (boundary cases).
    private func queries(count: Int, layer: [Geometry], seed: UInt64) -> [Position] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { i in
            let g = layer[Int.random(in: 0..<layer.count, using: &rng)]
            let ps = g.allPositions
            switch i % 5 {
            case 0: return ps[Int.random(in: 0..<ps.count, using: &rng)]
            case 1 where ps.count >= 2:
                let a = ps[0], b = ps[1]
                return Position(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
            default: return randomPosition(&rng)
            }
        }
    }

    /// Indices of the `k` smallest values, ascending by (value, index), by one linear pass (a full sort per
    /// query would dominate the debug-mode test time).
    private static func smallest(_ k: Int, of values: [Double]) -> [Int] {
        var best: [Int] = []
        for i in values.indices {
            if best.count == k, let last = best.last, values[i] >= values[last] { continue }
            var j = best.count
            while j > 0, values[best[j - 1]] > values[i] { j -= 1 }
            best.insert(i, at: j)
            if best.count > k { best.removeLast() }
        }
        return best
    }

    /// Compares every query kind with the linear scan.
    private func assertMatchesBruteForce(_ layer: [Geometry], queries: [Position], radii: [Double], k: Int,
                                         file: StaticString = #filePath, line: UInt = #line) {
        let index = SpatialIndex(layer)
        var query = index.makeQuery()
        func isPolygonal(_ g: Geometry) -> Bool {
            switch g {
            case .polygon, .multiPolygon: true
            case .geometryCollection(let members): members.contains(where: isPolygonal)
            default: false
            }
        }
        let polygonal = layer.map(isPolygonal)
        var distances = [Double](repeating: 0, count: layer.count)
        for (qi, p) in queries.enumerated() {
            // One pass of the linear scan per query: distances, then everything is derived from them.
            var within = [[Int]](repeating: [], count: radii.count)
            var inside: [Int] = []
            for f in layer.indices {
                let d = layer[f].distance(to: p)
                distances[f] = d
                for (ri, r) in radii.enumerated() where d <= r { within[ri].append(f) }
                // contains ⇒ distance 0, so the containment scan only needs the zero-distance polygonal features.
                if polygonal[f], d == 0, layer[f].contains(p) { inside.append(f) }
            }
            let order = Self.smallest(k, of: distances)

            let nearest = query.nearest(to: p)
            XCTAssertEqual(nearest?.feature, order.first, "nearest feature, query \(qi)", file: file, line: line)
            XCTAssertEqual(nearest?.distance, order.first.map { distances[$0] }, "nearest distance, query \(qi)", file: file, line: line)

            let knn = query.nearest(to: p, k: k)
            XCTAssertEqual(knn.map(\.feature), order, "k-nearest features, query \(qi)", file: file, line: line)
            XCTAssertEqual(knn.map(\.distance), order.map { distances[$0] }, "k-nearest distances, query \(qi)", file: file, line: line)

            for (ri, r) in radii.enumerated() {
                XCTAssertEqual(query.count(within: r, of: p), within[ri].count, "count within \(r), query \(qi)", file: file, line: line)
                var got: [Int] = []
                query.forEachFeature(within: r, of: p) { got.append($0) }
                XCTAssertEqual(got.sorted(), within[ri], "features within \(r), query \(qi)", file: file, line: line)
                XCTAssertEqual(Set(got).count, got.count, "each feature once, query \(qi)", file: file, line: line)
            }

            XCTAssertEqual(query.containing(p), inside, "containing, query \(qi)", file: file, line: line)
            XCTAssertEqual(query.anyContains(p), !inside.isEmpty, "anyContains, query \(qi)", file: file, line: line)
        }
    }

    func testPointLayerMatchesBruteForce() {
        let layer = pointLayer(count: 10_000, seed: 1)
        assertMatchesBruteForce(layer, queries: queries(count: 300, layer: layer, seed: 2), radii: [0, 500, 2000], k: 5)
    }

    func testSegmentLayerMatchesBruteForce() {
        let layer = lineLayer(count: 2_000, seed: 3)
        assertMatchesBruteForce(layer, queries: queries(count: 400, layer: layer, seed: 4), radii: [0, 500, 2000], k: 5)
    }

    func testPolygonLayerMatchesBruteForce() {
        let layer = polygonLayer(count: 2_000, seed: 5)
        assertMatchesBruteForce(layer, queries: queries(count: 300, layer: layer, seed: 6), radii: [0, 300, 1500], k: 4)
    }

    /// Mixed kinds in one layer, including a collection and an empty geometry (never a result).
    func testMixedLayerMatchesBruteForce() {
        var layer = pointLayer(count: 300, seed: 7) + lineLayer(count: 300, seed: 8) + polygonLayer(count: 300, seed: 9)
        layer.append(.geometryCollection([layer[0], layer[400], layer[700]]))
        layer.append(.multiPoint([]))
        var rng = SeededGenerator(seed: 10)
        layer.shuffle(using: &rng)
        assertMatchesBruteForce(layer, queries: queries(count: 300, layer: layer, seed: 11), radii: [0, 1000, 5000], k: 6)
    }

    // By hand: three points on a line; ties at equal distance go to the smaller feature index; k larger than
    // the layer returns every feature; an empty index returns nothing.
    func testSmallCasesAndTies() {
        let P = { (x: Double, y: Double) in Position(x: x, y: y) }
        let index = SpatialIndex([.point(P(2, 0)), .point(P(-2, 0)), .point(P(5, 0)), .point(P(-2, 0))])
        XCTAssertEqual(index.nearest(to: P(0, 0))?.feature, 0)
        XCTAssertEqual(index.nearest(to: P(0, 0))?.distance, 2)
        XCTAssertEqual(index.nearest(to: P(0, 0), k: 3).map(\.feature), [0, 1, 3])
        XCTAssertEqual(index.nearest(to: P(0, 0), k: 10).map(\.feature), [0, 1, 3, 2])
        XCTAssertEqual(index.count(within: 2, of: P(0, 0)), 3, "boundary inclusive")
        XCTAssertEqual(index.count(within: 1.999, of: P(0, 0)), 0)
        XCTAssertFalse(index.hasPolygons)

        let empty = SpatialIndex([])
        XCTAssertNil(empty.nearest(to: P(0, 0)))
        XCTAssertEqual(empty.nearest(to: P(0, 0), k: 3).count, 0)
        XCTAssertEqual(empty.count(within: 10, of: P(0, 0)), 0)
        XCTAssertEqual(empty.containing(P(0, 0)), [])

        let single = SpatialIndex([.polygon(Polygon(exterior: [P(0, 0), P(4, 0), P(4, 4), P(0, 4), P(0, 0)]))])
        XCTAssertEqual(single.nearest(to: P(1, 1))?.distance, 0, "inside a polygon")
        XCTAssertEqual(single.nearest(to: P(7, 8))?.distance, 5)
        XCTAssertEqual(single.containing(P(4, 2)), [0], "on the boundary")
        XCTAssertEqual(single.count(within: 0, of: P(2, 2)), 1)
    }

    /// Several threads, each with its own `Query`, give the same answers as one.
    func testConcurrentQueriesAreDeterministic() {
        let layer = polygonLayer(count: 1_000, seed: 12) + lineLayer(count: 500, seed: 13)
        let index = SpatialIndex(layer)
        let qs = queries(count: 400, layer: layer, seed: 14)
        var serial = index.makeQuery()
        let expected = qs.map { p in "\(serial.nearest(to: p, k: 3).map(\.feature)) \(serial.count(within: 800, of: p))" }
        let chunks = 4
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: qs.count)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var q = index.makeQuery()
            for i in stride(from: c, to: qs.count, by: chunks) {
                out[i] = "\(q.nearest(to: qs[i], k: 3).map(\.feature)) \(q.count(within: 800, of: qs[i]))"
            }
        }
        XCTAssertEqual(Array(results), expected)
    }

    func testHilbertCurveVisitsEveryCellOnce() {
        // The 2¹⁶ grid's 4×4 corner must map to 16 distinct indices below 16 (the curve fills each quadrant first).
        var seen = Set<UInt32>()
        for x: UInt32 in 0..<4 { for y: UInt32 in 0..<4 { seen.insert(PackedRTree.hilbert(x, y)) } }
        XCTAssertEqual(seen.count, 16)
        XCTAssertEqual(seen.max(), 15)
    }
}
