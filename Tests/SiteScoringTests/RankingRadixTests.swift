import TestSupport
import XCTest

@testable import SiteScoring

/// The radix path of `Ranking.order` (issue 15) against the comparison sort it replaces for large inputs:
/// the same permutation for ties, ±0, infinities, repeated ids, unsorted and mixed ids.
final class RankingRadixTests: XCTestCase {
    private func comparisonOrder(_ scores: [Double], _ ids: [SiteID]) -> [Int] {
        scores.withUnsafeBufferPointer { s in
            ids.withUnsafeBufferPointer { id in Array(0..<s.count).sorted { Ranking.precedes($0, $1, scores: s, ids: id) } }
        }
    }

    func testRadixMatchesComparisonSort() {
        var rng = SeededGenerator(seed: 15)
        for variant in 0..<4 {
            let n = 20_000
            // Few distinct scores so ties are common; some ±0 and ±infinity.
            let scores: [Double] = (0..<n).map { i in
                switch i % 50 {
                case 0: return 0.0
                case 1: return -0.0
                case 2: return .infinity
                case 3: return -.infinity
                case 4: return -Double(Int.random(in: 1...5, using: &rng)) / 7
                default: return Double(Int.random(in: 0...300, using: &rng)) / 301
                }
            }
            let ids: [SiteID] = (0..<n).map { i in
                switch variant {
                case 0: return .number(Double(i + 1))                                        // ascending: no pre-sort
                case 1: return .number(Double(Int.random(in: 0..<n / 2, using: &rng)))       // repeated, unsorted
                case 2: return i % 3 == 0 ? .string("s\(Int.random(in: 0..<999, using: &rng))") : .number(Double(n - i))
                default: return .number(Double(i) * 0.5 - 3)                                   // ascending, fractional
                }
            }
            let radix = Ranking.radixOrder(scores: scores, ids: ids)
            XCTAssertEqual(radix, comparisonOrder(scores, ids), "variant \(variant)")
            XCTAssertEqual(Ranking.order(scores: scores, ids: ids), comparisonOrder(scores, ids), "variant \(variant)")
        }
    }

    func testNaNFallsBackToComparisonSort() {
        var scores = (0..<5000).map { Double($0 % 17) }
        scores[100] = .nan
        scores[7] = .nan
        let ids = (0..<5000).map { SiteID.number(Double($0)) }
        XCTAssertNil(Ranking.radixOrder(scores: scores, ids: ids))
        let order = Ranking.order(scores: scores, ids: ids)
        XCTAssertEqual(Array(order.suffix(2)), [7, 100])
        XCTAssertEqual(order, comparisonOrder(scores, ids))
    }
}
