import XCTest
@testable import GeoCore
import TestSupport

/// Nearest queries on point layers (answered by `PointKDTree`) against a linear scan with
/// `Geometry.distance(to:)`: the same feature (ties to the smallest index) and the same distance bits,
/// on layers built to tie — integer grids, exact duplicates, clusters, multipoints, tiny layers.
final class PointKDTreeTests: XCTestCase {
    private func assertNearestMatches(_ layer: [Geometry], _ queries: [Position], file: StaticString = #filePath, line: UInt = #line) {
        NearestLinearScan.assertMatches(layer, queries, tree: "point k-d tree", hasTree: { $0.pointTree != nil }, file: file, line: line)
    }

    /// Integer grid with every point repeated: most queries have several features at the same distance.
    func testIntegerGridWithDuplicatesTiesToSmallestFeature() {
        var layer: [Geometry] = []
        for copy in 0..<2 {
            for y in 0..<30 { for x in 0..<30 where (x + y + copy) % 3 != 0 { layer.append(.point(Position(x: Double(x) * 10, y: Double(y) * 10))) } }
        }
        var rng = SeededGenerator(seed: 41)
        layer.shuffle(using: &rng)
        var queries: [Position] = []
        for y in stride(from: -20.0, through: 310, by: 5) { for x in stride(from: -20.0, through: 310, by: 5) { queries.append(Position(x: x, y: y)) } }
        assertNearestMatches(layer, queries)
    }

    /// Clustered points in projected coordinates (millions), queries on and between points.
    func testClusteredProjectedPoints() {
        var rng = SeededGenerator(seed: 42)
        var layer: [Geometry] = []
        for _ in 0..<40 {
            let cx = 500_000 + Double.random(in: 0..<100_000, using: &rng), cy = 5_600_000 + Double.random(in: 0..<100_000, using: &rng)
            for _ in 0..<150 {
                layer.append(.point(Position(x: cx + Double.random(in: -300..<300, using: &rng), y: cy + Double.random(in: -300..<300, using: &rng))))
            }
        }
        for i in stride(from: 0, to: 600, by: 7) { layer[layer.count - 1 - i] = layer[i] }
        var queries: [Position] = []
        for i in 0..<1_500 {
            switch i % 3 {
            case 0: queries.append(layer[Int.random(in: 0..<layer.count, using: &rng)].allPositions[0])
            case 1:
                let a = layer[Int.random(in: 0..<layer.count, using: &rng)].allPositions[0]
                let b = layer[Int.random(in: 0..<layer.count, using: &rng)].allPositions[0]
                queries.append(Position(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2))
            default:
                queries.append(Position(x: 480_000 + Double.random(in: 0..<140_000, using: &rng), y: 5_580_000 + Double.random(in: 0..<140_000, using: &rng)))
            }
        }
        assertNearestMatches(layer, queries)
    }

    /// Multipoints (one feature, several primitives), collinear points (one axis of zero spread) and
    /// zero-length lines are still point layers.
    func testMultipointsCollinearAndZeroLengthLines() {
        var rng = SeededGenerator(seed: 43)
        var layer: [Geometry] = (0..<300).map { i in
            let x = Double(i % 37) * 3
            return i % 5 == 0
                ? .multiPoint([Position(x: x, y: 0), Position(x: x + 1.5, y: 0), Position(x: x, y: 0)])
                : .point(Position(x: x, y: 0))
        }
        layer.append(.lineString([Position(x: 7, y: 0), Position(x: 7, y: 0)]))
        layer.shuffle(using: &rng)
        let queries = (0..<400).map { _ in Position(x: Double.random(in: -5..<120, using: &rng).rounded(), y: Double(Int.random(in: -3...3, using: &rng))) }
        assertNearestMatches(layer, queries)
    }

    /// Layers of 1 to 40 points: one leaf, and the first splits.
    func testTinyLayers() {
        var rng = SeededGenerator(seed: 44)
        for n in 1...40 {
            let layer: [Geometry] = (0..<n).map { _ in .point(Position(x: Double(Int.random(in: 0..<8, using: &rng)), y: Double(Int.random(in: 0..<8, using: &rng)))) }
            let queries = (0..<30).map { _ in Position(x: Double(Int.random(in: -2..<10, using: &rng)) / 2, y: Double(Int.random(in: -2..<10, using: &rng)) / 2) }
            assertNearestMatches(layer, queries)
        }
    }

    /// Layers with a line or polygon keep the R-tree search; non-finite queries fall back to it too.
    func testOnlyPointLayersGetTheTree() {
        let line = SpatialIndex([.point(Position(x: 0, y: 0)), .lineString([Position(x: 1, y: 1), Position(x: 2, y: 1)])])
        XCTAssertNil(line.pointTree)
        let polygon = SpatialIndex([.polygon(Polygon(exterior: [Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 1, y: 1), Position(x: 0, y: 0)]))])
        XCTAssertNil(polygon.pointTree)
        XCTAssertNil(SpatialIndex([]).pointTree)
        let points = SpatialIndex([.point(Position(x: 0, y: 0))])
        XCTAssertEqual(points.nearest(to: Position(x: 3, y: 4))?.distance, 5)
        _ = points.nearest(to: Position(x: .nan, y: 0))  // the R-tree's answer, whatever it is; no trap
    }
}
