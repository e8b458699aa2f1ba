import Foundation
import XCTest
@testable import GeoCore
import TestSupport

/// `SpatialIndex.hilbertOrder(of:)` (issue 15): a permutation of the input, deterministic, non-finite
/// points last, and spatially local (consecutive points are close far more often than in input order).
final class HilbertOrderTests: XCTestCase {
    func testPermutationLocalityAndNonFinitePoints() {
        var rng = SeededGenerator(seed: 7)
        var points = (0..<10_000).map { _ in
            Position(x: Double.random(in: 0..<100_000, using: &rng), y: Double.random(in: 0..<100_000, using: &rng))
        }
        points[17] = Position(x: .nan, y: 0)
        let order = SpatialIndex.hilbertOrder(of: points)
        XCTAssertEqual(order.sorted(), Array(0..<Int32(points.count)))
        XCTAssertEqual(order, SpatialIndex.hilbertOrder(of: points))
        XCTAssertEqual(order.last, 17)
        func meanStep(_ idx: [Int]) -> Double {
            zip(idx, idx.dropFirst()).reduce(0.0) { s, pair in
                let (a, b) = (points[pair.0], points[pair.1])
                return s + ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
            } / Double(idx.count - 1)
        }
        let finite = order.dropLast().map { Int($0) }
        XCTAssertLessThan(meanStep(finite) * 20, meanStep(Array(0..<points.count).filter { $0 != 17 }))
        XCTAssertEqual(SpatialIndex.hilbertOrder(of: []), [])
    }

    /// Above 65,536 points the curve positions are computed in parallel chunks: the order is still that of sorting
    /// (curve position, index), non-finite points last.
    func testChunkedKeysGiveTheSortedOrder() {
        var rng = SeededGenerator(seed: 8)
        var points = (0..<150_000).map { _ in
            Position(x: Double.random(in: 6_000..<7_000, using: &rng), y: Double.random(in: 50_000..<50_500, using: &rng))
        }
        points[70_000] = Position(x: 0, y: .infinity)
        let finite = points.filter(\.isFinite)
        let minX = finite.map(\.x).min()!, maxX = finite.map(\.x).max()!, minY = finite.map(\.y).min()!, maxY = finite.map(\.y).max()!
        let keys: [UInt64] = points.enumerated().map { i, p in
            guard p.isFinite else { return UInt64(UInt32.max) << 32 | UInt64(i) }
            let cx = min(UInt32((p.x - minX) * (65535 / (maxX - minX))), 65535), cy = min(UInt32((p.y - minY) * (65535 / (maxY - minY))), 65535)
            return UInt64(PackedRTree.hilbert(cx, cy)) << 32 | UInt64(i)
        }
        XCTAssertEqual(SpatialIndex.hilbertOrder(of: points), keys.sorted().map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) })
    }
}

