import TestSupport
import XCTest

@testable import SiteScoring

/// Expected orders worked out by hand from issue 3's rule: score descending, ties by id ascending
/// (numbers numerically and before strings, strings by Unicode code point).
final class RankingTests: XCTestCase {
    func testTiesByIdNumbersBeforeStringsCodePointOrder() {
        let ids: [SiteID] = [.string("b"), .number(10), .string("a"), .number(2), .string("B"), .string("é"), .string("z"), .number(-1.5)]
        let scores = [Double](repeating: 0.5, count: ids.count)
        // −1.5 < 2 < 10 (numeric, not "10" < "2"), then "B" (U+0042) < "a" (U+0061) < "b" < "z" (U+007A) < "é" (U+00E9).
        XCTAssertEqual(Ranking.order(scores: scores, ids: ids), [7, 3, 1, 4, 2, 0, 6, 5])
        XCTAssertEqual(Ranking.rank(scores: scores, ids: ids), [6, 3, 5, 2, 4, 8, 7, 1])
    }

    func testScoreDescendingThenIds() {
        let ids: [SiteID] = [.number(1), .number(2), .number(3), .string("x"), .number(5)]
        let scores = [0.2, 0.9, 0.2, 0.9, 0.5]
        // 0.9: id 2 before "x"; 0.5: id 5; 0.2: id 1 before id 3.
        XCTAssertEqual(Ranking.order(scores: scores, ids: ids), [1, 3, 4, 0, 2])
        XCTAssertEqual(Ranking.rank(scores: scores, ids: ids), [4, 1, 5, 2, 3])
    }

    func testNaNRanksLast() {
        let ids: [SiteID] = [.number(1), .number(2), .number(3)]
        XCTAssertEqual(Ranking.order(scores: [.nan, 0.1, 0.3], ids: ids), [2, 1, 0])
    }

    func testTopIndicesMatchesFullOrder() {
        var generator = SeededGenerator(seed: 2024)
        for trial in 0..<30 {
            let count = Int.random(in: 0...200, using: &generator)
            // Few distinct scores and a mix of id kinds, so that ties decide often.
            let scores = (0..<count).map { _ in Double(Int.random(in: 0...5, using: &generator)) / 5 }
            let ids: [SiteID] = (0..<count).map { _ in
                Bool.random(using: &generator)
                    ? .number(Double(Int.random(in: 0...50, using: &generator)))
                    : .string(String(UnicodeScalar(UInt8.random(in: 65...122, using: &generator))))
            }
            let full = Ranking.order(scores: scores, ids: ids)
            for n in [0, 1, 3, 10, count, count + 5] {
                XCTAssertEqual(
                    Ranking.topIndices(scores: scores, ids: ids, n: n), Array(full.prefix(n)),
                    "trial \(trial), n \(n)")
            }
        }
    }
}
