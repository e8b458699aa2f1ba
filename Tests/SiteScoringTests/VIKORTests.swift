import XCTest
@testable import SiteScoring

/// VIKOR (Opricovic & Tzeng 2004) against pymcdm 1.4.0's `VIKOR(v)`: the reference values come from
/// Tools/mcdm-check/vikor_promethee_reference.py (run it to regenerate them).
final class VIKORTests: XCTestCase {
    static let matrix = DecisionMatrix([
        [0.2, 0.9, 0.5, 0.1],
        [0.8, 0.3, 0.6, 0.7],
        [0.5, 0.5, 0.5, 0.5],
        [1.0, 0.0, 0.2, 0.9],
        [0.3, 0.7, 1.0, 0.0],
        [0.6, 0.6, 0.4, 0.3],
    ])
    static let weights = [0.4, 0.3, 0.2, 0.1]
    static let ids: [SiteID] = (1...6).map { .string("s\($0)") }

    func testQAgreesWithPymcdm() {
        let half = VIKOR.evaluate(values: Self.matrix, weights: Self.weights, v: 0.5, ids: Self.ids)
        assertClose(half.q, [1.0, 0.0, 0.4655797101449275, 0.45289855072463747, 0.6213768115942025, 0.2463768115942029])
        let fifth = VIKOR.evaluate(values: Self.matrix, weights: Self.weights, v: 0.2, ids: Self.ids)
        assertClose(fifth.q, [1.0000000000000002, 0.0, 0.336231884057971, 0.4811594202898549, 0.698550724637681, 0.09855072463768116])
        assertClose(half.scores, half.q.map { 1 - $0 })
    }

    /// S and R by hand for site 2 ([0.8, 0.3, 0.6, 0.7]): column ranges 0.8, 0.9, 0.8, 0.9 with best 1.0, 0.9, 1.0, 0.9.
    func testSAndRByHand() {
        let r = VIKOR.evaluate(values: Self.matrix, weights: Self.weights, v: 0.5, ids: Self.ids)
        let gaps = [0.2 / 0.8 * 0.4, 0.6 / 0.9 * 0.3, 0.4 / 0.8 * 0.2, 0.2 / 0.9 * 0.1]
        XCTAssertEqual(r.s[1], gaps.reduce(0, +), accuracy: 1e-15)
        XCTAssertEqual(r.r[1], gaps.max()!, accuracy: 1e-15)
    }

    /// Site 2 is first with Q = 0 and site 6 second with Q = 0.246 ≥ DQ = 1/5 (C1 holds); site 2 has the smallest
    /// S (C2 holds): the compromise set is site 2 alone.
    func testAcceptanceConditions() throws {
        let acceptance = try XCTUnwrap(VIKOR.evaluate(values: Self.matrix, weights: Self.weights, v: 0.5, ids: Self.ids).acceptance)
        XCTAssertEqual(acceptance.advantageThreshold, 0.2, accuracy: 1e-15)
        XCTAssertTrue(acceptance.acceptableAdvantage)
        XCTAssertTrue(acceptance.acceptableStability)
        XCTAssertEqual(acceptance.compromiseSet, [.string("s2")])
    }

    /// Two near-equal leaders: C1 fails and the compromise set holds every site with Q − Q(a′) < DQ.
    func testCompromiseSetWhenAdvantageFails() throws {
        let m = DecisionMatrix([[1.0, 0.0], [0.0, 1.0], [0.95, 0.05], [0.1, 0.1]])
        let r = VIKOR.evaluate(values: m, weights: [0.5, 0.5], v: 0.5, ids: (1...4).map { .number(Double($0)) })
        let acceptance = try XCTUnwrap(r.acceptance)
        XCTAssertFalse(acceptance.acceptableAdvantage)
        let first = Ranking.order(scores: r.scores, ids: (1...4).map { .number(Double($0)) })[0]
        XCTAssertEqual(acceptance.compromiseSet.first, .number(Double(first + 1)))
        XCTAssertGreaterThanOrEqual(acceptance.compromiseSet.count, 2)
        for id in acceptance.compromiseSet {
            guard case .number(let n) = id else { return XCTFail() }
            XCTAssertLessThan(r.q[Int(n) - 1] - r.q[first], acceptance.advantageThreshold)
        }
    }

    /// The sensitivity model gives the same scores as the evaluation for any weights.
    func testModelMatchesEvaluation() {
        let model = VIKORModel(values: Self.matrix, v: 0.5)
        for w in [[0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1], Self.weights] {
            assertClose(model.scores(weights: w), VIKOR.evaluate(values: Self.matrix, weights: w, v: 0.5, ids: Self.ids).scores, accuracy: 1e-14)
        }
    }
}
