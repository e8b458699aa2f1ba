import XCTest
@testable import SiteScoring

/// PROMETHEE II (Brans & Vincke 1985) against pymcdm 1.4.0's `PROMETHEE_II(function, p, q)` on the matrix of
/// VIKORTests; reference values from Tools/mcdm-check/vikor_promethee_reference.py.
final class PROMETHEETests: XCTestCase {
    let matrix = VIKORTests.matrix
    let weights = VIKORTests.weights

    func flows(_ f: PreferenceFunction, threads: Int = 1) -> [Double] {
        PROMETHEE.evaluate(values: matrix, weights: weights, functions: Array(repeating: f, count: 4), threads: threads).net
    }

    func testUsualAgreesWithPymcdm() {
        assertClose(flows(.usual), [-0.16000000000000003, 0.2400000000000001, -0.12, 0.0, 0.040000000000000036, 0.0], accuracy: 1e-12)
    }

    func testUShapeAgreesWithPymcdm() {
        assertClose(flows(.ushape(q: 0.25)), [-0.14, 0.18, -0.05999999999999994, -0.05999999999999994, -5.551115123125783e-17, 0.07999999999999996], accuracy: 1e-12)
    }

    func testVShapeAgreesWithPymcdm() {
        assertClose(flows(.vshape(p: 0.5)), [-0.136, 0.1640000000000001, -0.05999999999999989, 0.008000000000000007, 0.01200000000000001, 0.01200000000000001], accuracy: 1e-12)
    }

    func testLevelAgreesWithPymcdm() {
        assertClose(flows(.level(q: 0.2, p: 0.5)), [-0.08000000000000002, 0.15, -0.02999999999999997, -0.019999999999999962, -0.020000000000000018, -2.7755575615628914e-17], accuracy: 1e-12)
    }

    /// Standort's `linear` is pymcdm's `vshape_2` (V-shape with indifference).
    func testLinearAgreesWithPymcdm() {
        assertClose(flows(.linear(q: 0.1, p: 0.6)), [-0.11999999999999994, 0.128, -0.035999999999999976, 0.008000000000000007, 0.008000000000000007, 0.011999999999999983], accuracy: 1e-12)
    }

    /// By hand, usual function, one criterion [3, 1, 2]: φ⁺ = (2, 0, 1)/2, φ⁻ = (0, 2, 1)/2, φ = (1, −1, 0).
    func testFlowsByHand() {
        let r = PROMETHEE.evaluate(values: DecisionMatrix([[3], [1], [2]]), weights: [1], functions: [.usual])
        XCTAssertEqual(r.phiPlus, [1, 0, 0.5])
        XCTAssertEqual(r.phiMinus, [0, 1, 0.5])
        XCTAssertEqual(r.net, [1, -1, 0])
    }

    func testThreadCountDoesNotChangeFlows() {
        XCTAssertEqual(flows(.vshape(p: 0.3), threads: 1), flows(.vshape(p: 0.3), threads: 3))
    }

    /// Net flows are linear in the weights, so the sensitivity model is a weighted sum of per-criterion flows.
    func testModelMatchesEvaluation() {
        let functions = [PreferenceFunction.usual, .vshape(p: 0.4), .linear(q: 0.1, p: 0.5), .level(q: 0.1, p: 0.3)]
        let model = PROMETHEEModel(values: matrix, functions: functions)
        for w in [[0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1], weights] {
            assertClose(model.scores(weights: w), PROMETHEE.evaluate(values: matrix, weights: w, functions: functions).net, accuracy: 1e-14)
        }
    }

    func testTooManySitesIsRefusedByCase() {
        let input = AggregationInput(values: matrix, weights: weights, criterionIDs: ["a", "b", "c", "d"], siteIDs: VIKORTests.ids)
        var settings = MethodSettings()
        settings.promethee.maximumSites = 5
        XCTAssertThrowsError(try AggregationMethod.promethee2.evaluate(input, settings: settings)) { error in
            XCTAssertEqual(error as? MCDAError, .tooManyAlternatives(method: "PROMETHEE II", count: 6, limit: 5))
        }
    }

    func testPreferenceFunctionThresholdsAreChecked() {
        XCTAssertNil(PreferenceFunction.linear(q: 0.1, p: 0.5).problem)
        XCTAssertNotNil(PreferenceFunction.linear(q: 0.5, p: 0.1).problem)
        XCTAssertNotNil(PreferenceFunction.vshape(p: 0).problem)
        XCTAssertNotNil(PreferenceFunction.ushape(q: 2).problem)
    }
}
