import XCTest
@testable import GeoCore
import TestSupport

/// Nearest queries on layers of lines (answered by `SegmentKDTree`) against a linear scan with
/// `Geometry.distance(to:)`: the same feature (ties to the smallest index) and the same distance bits, on
/// layers built to tie — grid edges, duplicated lines, lines mixed with points, multilines, tiny layers.
final class SegmentKDTreeTests: XCTestCase {
    private func assertNearestMatches(_ layer: [Geometry], _ queries: [Position], file: StaticString = #filePath, line: UInt = #line) {
        NearestLinearScan.assertMatches(layer, queries, tree: "segment tree", hasTree: { $0.segmentTree != nil }, file: file, line: line)
    }

    /// Unit edges of an integer grid, each twice: queries on vertices, edge midpoints and cell centres
    /// are equally near to several edges.
    func testGridEdgesTieToSmallestFeature() {
        var layer: [Geometry] = []
        for copy in 0..<2 {
            for y in 0..<20 {
                for x in 0..<20 where (x * 7 + y + copy) % 4 != 0 {
                    let a = Position(x: Double(x) * 10, y: Double(y) * 10)
                    layer.append(.lineString([a, Position(x: a.x + 10, y: a.y)]))
                    layer.append(.lineString([a, Position(x: a.x, y: a.y + 10)]))
                }
            }
        }
        var rng = SeededGenerator(seed: 71)
        layer.shuffle(using: &rng)
        var queries: [Position] = []
        for y in stride(from: -15.0, through: 215, by: 5) { for x in stride(from: -15.0, through: 215, by: 5) { queries.append(Position(x: x, y: y)) } }
        assertNearestMatches(layer, queries)
    }

    /// Random-walk lines in projected metres, some as multilines, mixed with points and a zero-length line.
    func testRandomLinesMixedWithPoints() {
        var rng = SeededGenerator(seed: 72)
        var layer: [Geometry] = (0..<1_500).map { i in
            var p = Position(x: 500_000 + Double.random(in: 0..<50_000, using: &rng), y: 5_600_000 + Double.random(in: 0..<50_000, using: &rng))
            var line = [p]
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                p = Position(x: p.x + Double.random(in: -800...800, using: &rng), y: p.y + Double.random(in: -800...800, using: &rng))
                line.append(p)
            }
            switch i % 10 {
            case 0: return .multiLineString([Array(line.prefix(2)), Array(line.suffix(2))])
            case 1: return .point(line[0])
            default: return .lineString(line)
            }
        }
        layer.append(.lineString([layer[5].allPositions[0], layer[5].allPositions[0]]))
        for i in stride(from: 0, to: 100, by: 9) { layer.append(layer[i]) }
        let queries = (0..<1_500).map { i -> Position in
            if i % 3 == 0 { return layer[Int.random(in: 0..<layer.count, using: &rng)].allPositions[0] }
            return Position(x: 495_000 + Double.random(in: 0..<60_000, using: &rng), y: 5_595_000 + Double.random(in: 0..<60_000, using: &rng))
        }
        assertNearestMatches(layer, queries)
    }

    /// Layers of 1 to 30 short segments: one leaf, and the first splits.
    func testTinyLayers() {
        var rng = SeededGenerator(seed: 73)
        for n in 1...30 {
            let layer: [Geometry] = (0..<n).map { _ in
                let a = Position(x: Double(Int.random(in: 0..<8, using: &rng)), y: Double(Int.random(in: 0..<8, using: &rng)))
                return .lineString([a, Position(x: a.x + Double(Int.random(in: -2...2, using: &rng)), y: a.y + 1)])
            }
            let queries = (0..<30).map { _ in Position(x: Double(Int.random(in: -2..<10, using: &rng)) / 2, y: Double(Int.random(in: -2..<10, using: &rng)) / 2) }
            assertNearestMatches(layer, queries)
        }
    }

    /// Polygon layers keep the R-tree search (containment first); asked not to, no tree is built.
    func testPolygonsAndOptOutHaveNoTree() {
        let square = Geometry.polygon(Polygon(exterior: [Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 1, y: 1), Position(x: 0, y: 0)]))
        XCTAssertNil(SpatialIndex([square, .lineString([Position(x: 2, y: 2), Position(x: 3, y: 2)])]).segmentTree)
        XCTAssertNil(SpatialIndex([.lineString([Position(x: 2, y: 2), Position(x: 3, y: 2)])], treesForNearest: false).segmentTree)
    }
}
