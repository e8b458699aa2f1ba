import XCTest
@testable import GeoCore
import TestSupport

/// `RadixSort.order(byKeys:)` gives the permutation of sorting `key << 32 | index`, the comparison sort it
/// replaced in the Hilbert orders.
final class RadixSortTests: XCTestCase {
    private func reference(_ keys: [UInt32]) -> [Int32] {
        keys.enumerated().map { UInt64($1) << 32 | UInt64($0) }.sorted().map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
    }

    func testMatchesTheComparisonSort() {
        var rng = SeededGenerator(seed: 81)
        for n in [0, 1, 2, 3, 17, 256, 257, 1000, 70_000] {
            let full = (0..<n).map { _ in UInt32.random(in: .min ... .max, using: &rng) }
            let ties = (0..<n).map { _ in UInt32.random(in: 0...20, using: &rng) }
            let highBytes = (0..<n).map { _ in UInt32.random(in: 0...3, using: &rng) << 24 | 0x00AB_CD00 }
            let extremes = (0..<n).map { i in i % 3 == 0 ? UInt32.max : UInt32(i % 7) }
            for keys in [full, ties, highBytes, extremes] {
                XCTAssertEqual(RadixSort.order(byKeys: keys), reference(keys), "n = \(n)")
            }
        }
    }

    /// `sortBitPatterns` orders as the comparison sort of the values' unsigned bit patterns (hashes, negatives too).
    func testBitPatternSortMatchesTheComparisonSort() {
        var rng = SeededGenerator(seed: 82)
        for n in [0, 1, 2, 255, 1000, 70_000] {
            let full = (0..<n).map { _ in Int.random(in: .min ... .max, using: &rng) }
            let ties = (0..<n).map { _ in Int.random(in: -3...3, using: &rng) }
            let oneByte = (0..<n).map { _ in Int.random(in: 0...255, using: &rng) << 40 }
            for values in [full, ties, oneByte] {
                var sorted = values
                RadixSort.sortBitPatterns(&sorted)
                XCTAssertEqual(sorted, values.sorted { UInt64(bitPattern: Int64($0)) < UInt64(bitPattern: Int64($1)) }, "n = \(n)")
            }
        }
    }
}
