import Foundation
import XCTest
@testable import GeoCore
import TestSupport

/// `SpatialIndex.Query.sum(within:of:_:)` (aggregate node totals, issue 15) against a linear scan that adds
/// the values feature by feature: results must be bit-identical, and non-exact value sets must be refused.
final class SpatialIndexSumsTests: XCTestCase {
    private func points(_ count: Int, seed: UInt64) -> [Geometry] {
        var rng = SeededGenerator(seed: seed)
        var layer = (0..<count).map { _ in
            Geometry.point(Position(x: 500_000 + Double.random(in: 0..<50_000, using: &rng),
                                    y: 5_600_000 + Double.random(in: 0..<50_000, using: &rng)))
        }
        for i in stride(from: 0, to: count / 10, by: 7) { layer[count - 1 - i] = layer[i] }  // duplicates
        return layer
    }

    func testSumsMatchLinearScanBitForBit() {
        let layer = points(20_000, seed: 15)
        var rng = SeededGenerator(seed: 1515)
        let values = (0..<layer.count).map { _ in Double(Int.random(in: -1000...100_000, using: &rng)) }
        let index = SpatialIndex(layer)
        guard let sums = index.exactPointSums(values) else { return XCTFail("integral values must aggregate") }
        var q = index.makeQuery()
        for i in 0..<400 {
            // Half the queries on data points (boundary cases: distance exactly 0 and exactly r).
            let p: Position = i % 2 == 0 ? layer[Int.random(in: 0..<layer.count, using: &rng)].allPositions[0]
                : Position(x: 500_000 + Double.random(in: -1000..<51_000, using: &rng), y: 5_600_000 + Double.random(in: -1000..<51_000, using: &rng))
            for r in [0.0, 250, 1000, 1500, 4000, 30_000] {
                var want = 0.0, count = 0
                for (k, g) in layer.enumerated() where g.distance(to: p) <= r { want += values[k]; count += 1 }
                let got = q.sum(within: r, of: p, sums)
                XCTAssertEqual(got.bitPattern, want.bitPattern, "sum within \(r) of query \(i): \(got) vs \(want)")
                XCTAssertEqual(q.count(within: r, of: p), count)
            }
        }
    }

    func testSeveralColumnsInOneTraversalMatchSingleColumns() {
        let layer = points(5_000, seed: 16)
        var rng = SeededGenerator(seed: 1616)
        let a = (0..<layer.count).map { _ in Double(Int.random(in: 0...500, using: &rng)) }
        let ones = [Double](repeating: 1, count: layer.count)
        let index = SpatialIndex(layer)
        let both = index.exactPointSums(columns: [ones, a])!
        let sa = index.exactPointSums(a)!
        XCTAssertEqual(both.width, 2)
        XCTAssertNil(index.exactPointSums(columns: [ones, a.map { $0 + 0.25 }]), "one inexact column refuses all")
        var q = index.makeQuery()
        var totals = [0.0, 0.0]
        for _ in 0..<300 {
            let p = layer[Int.random(in: 0..<layer.count, using: &rng)].allPositions[0]
            for r in [100.0, 1000, 2500] {
                totals.withUnsafeMutableBufferPointer { q.sums(within: r, of: p, both, into: $0) }
                XCTAssertEqual(totals[0], Double(q.count(within: r, of: p)))
                XCTAssertEqual(totals[1].bitPattern, q.sum(within: r, of: p, sa).bitPattern)
            }
        }
    }

    func testRefusesValuesWhoseSumCouldRound() {
        let index = SpatialIndex(points(100, seed: 3))
        XCTAssertNil(index.exactPointSums((0..<100).map { Double($0) + 0.5 }), "fractions")
        XCTAssertNil(index.exactPointSums((0..<100).map { $0 == 7 ? .nan : 1 }), "NaN")
        XCTAssertNil(index.exactPointSums((0..<100).map { _ in 1e15 }), "Σ|v| > 2^53")
        XCTAssertNil(index.exactPointSums([1, 2, 3]), "one value per feature")
        let lines = SpatialIndex([.lineString([Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 2, y: 0)])])
        XCTAssertNil(lines.exactPointSums([1]), "features of several primitives")
        XCTAssertNotNil(index.exactPointSums((0..<100).map { Double($0) }))
    }

    func testSingleAndEmptyCases() {
        let single = SpatialIndex([.point(Position(x: 2, y: 2))])
        var q = single.makeQuery()
        let sums = single.exactPointSums([42])!
        XCTAssertEqual(q.sum(within: 0, of: Position(x: 2, y: 2), sums), 42)
        XCTAssertEqual(q.sum(within: 0.5, of: Position(x: 3, y: 2), sums), 0)
        XCTAssertEqual(q.sum(within: -1, of: Position(x: 2, y: 2), sums), 0)
    }
}
