import Foundation
import XCTest

@testable import SiteScoring

/// Every expected value is computed by hand from the formulas of issue 3 ("Value functions").
final class ValueFunctionTests: XCTestCase {
    func testMinMaxBenefitAndCost() throws {
        // min 2, max 6: (x − 2)/4 and (6 − x)/4.
        XCTAssertEqual(try ValueFunction.minMax.values(for: [2, 4, 6, 3], direction: .benefit), [0, 0.5, 1, 0.25])
        XCTAssertEqual(try ValueFunction.minMax.values(for: [2, 4, 6, 3], direction: .cost), [1, 0.5, 0, 0.75])
    }

    func testMinMaxAllEqualGivesOne() throws {
        XCTAssertEqual(try ValueFunction.minMax.values(for: [7, 7, 7], direction: .benefit), [1, 1, 1])
        XCTAssertEqual(try ValueFunction.minMax.values(for: [7, 7, 7], direction: .cost), [1, 1, 1])
        XCTAssertEqual(try ValueFunction.minMax.values(for: [-3], direction: .cost), [1])
        XCTAssertEqual(try ValueFunction.minMax.values(for: [], direction: .benefit), [])
    }

    func testLinearClampsAtBothEnds() throws {
        let f = ValueFunction.linear(a: 0, b: 20000)
        // (x − 0)/20000 clamped to [0, 1]; cost is 1 − that.
        XCTAssertEqual(try f.values(for: [-5, 0, 5000, 20000, 30000], direction: .benefit), [0, 0, 0.25, 1, 1])
        XCTAssertEqual(try f.values(for: [-5, 0, 5000, 20000, 30000], direction: .cost), [1, 1, 0.75, 0, 0])
    }

    func testLinearWithDescendingEnds() throws {
        // a = 10, b = 0: (2.5 − 10)/(0 − 10) = 0.75; x = 12 → −0.2 → clamped 0.
        XCTAssertEqual(try ValueFunction.linear(a: 10, b: 0).values(for: [2.5, 12, -1], direction: .benefit), [0.75, 0, 1])
    }

    func testThresholdEqualityCountsForBothDirections() throws {
        let f = ValueFunction.threshold(20)
        XCTAssertEqual(try f.values(for: [19.999, 20, 21], direction: .benefit), [0, 1, 1])
        XCTAssertEqual(try f.values(for: [19.999, 20, 21], direction: .cost), [1, 1, 0])
    }

    func testPiecewiseInterpolatesAndIsConstantBeyondTheEnds() throws {
        let f = ValueFunction.piecewise([.init(x: 10, v: 0), .init(x: 40, v: 0.8), .init(x: 100, v: 1)])
        // 25: halfway 10→40 gives 0.4; 70: halfway 40→100 gives 0.9.
        let raw: [Double] = [5, 10, 25, 40, 70, 100, 150]
        let expected: [Double] = [0, 0, 0.4, 0.8, 0.9, 1, 1]
        assertClose(try f.values(for: raw, direction: .benefit), expected, accuracy: 1e-15)
        // Direction is ignored.
        assertClose(try f.values(for: raw, direction: .cost), expected, accuracy: 1e-15)
    }

    func testPiecewiseSinglePointIsConstant() throws {
        XCTAssertEqual(try ValueFunction.piecewise([.init(x: 3, v: 0.3)]).values(for: [-1, 3, 9], direction: .benefit), [0.3, 0.3, 0.3])
    }

    func testCategoriesUseDefaultForUnknownText() throws {
        let f = ValueFunction.categories(["hotel": 0.6, "supermarket": 1.0], default: 0)
        XCTAssertEqual(try f.values(forText: ["hotel", "kiosk", "supermarket", "Hotel"]), [0.6, 0, 1, 0])
    }

    func testGaussian() throws {
        let f = ValueFunction.gaussian(ideal: 50, width: 10)
        // exp(−(x − 50)²/200): 1 at the ideal, exp(−1/2) one width away, exp(−2) two widths away.
        let expected = [1, exp(-0.5), exp(-0.5), exp(-2.0)]
        assertClose(try f.values(for: [50, 60, 40, 30], direction: .benefit), expected, accuracy: 1e-15)
        assertClose(try f.values(for: [50, 60, 40, 30], direction: .cost), expected, accuracy: 1e-15)
        XCTAssertEqual(exp(-0.5), 0.6065306597126334, accuracy: 1e-15)  // a table value, to pin the formula
    }

    func testInvalidParametersAreRejected() {
        XCTAssertEqual(mcdaError { try ValueFunction.linear(a: 5, b: 5).validate() }, .emptyLinearRange(a: 5, b: 5))
        XCTAssertEqual(mcdaError { try ValueFunction.gaussian(ideal: 0, width: 0).validate() }, .nonPositiveGaussianWidth(0))
        XCTAssertEqual(mcdaError { try ValueFunction.gaussian(ideal: 0, width: -2).validate() }, .nonPositiveGaussianWidth(-2))
        XCTAssertEqual(mcdaError { try ValueFunction.piecewise([]).validate() }, .emptyPiecewise)
        XCTAssertEqual(
            mcdaError { try ValueFunction.piecewise([.init(x: 10, v: 0), .init(x: 40, v: 0.5), .init(x: 40, v: 1)]).validate() },
            .piecewiseNotIncreasing(index: 2, x: 40, previousX: 40))
        XCTAssertEqual(
            mcdaError { try ValueFunction.piecewise([.init(x: 40, v: 0), .init(x: 10, v: 1)]).validate() },
            .piecewiseNotIncreasing(index: 1, x: 10, previousX: 40))
        XCTAssertEqual(
            mcdaError { try ValueFunction.piecewise([.init(x: 0, v: 0), .init(x: 1, v: 1.2)]).validate() },
            .piecewiseValueOutOfRange(index: 1, value: 1.2))
        XCTAssertEqual(
            mcdaError { try ValueFunction.categories(["hotel": -0.1], default: 0).validate() },
            .categoryValueOutOfRange(category: "hotel", value: -0.1))
        XCTAssertEqual(
            mcdaError { try ValueFunction.categories([:], default: 2).validate() },
            .categoryValueOutOfRange(category: nil, value: 2))
        XCTAssertEqual(
            mcdaError { try ValueFunction.threshold(.nan).validate() },
            .nonFiniteParameter(function: "threshold", parameter: "t"))
        // The values methods validate too.
        XCTAssertEqual(mcdaError { try ValueFunction.linear(a: 1, b: 1).values(for: [1], direction: .benefit) }, .emptyLinearRange(a: 1, b: 1))
    }

    func testTextAndNumbersDoNotMix() {
        XCTAssertEqual(
            mcdaError { try ValueFunction.categories([:], default: 0).values(for: [1], direction: .benefit) },
            .valueKindMismatch(function: "categories", expected: "text"))
        XCTAssertEqual(
            mcdaError { try ValueFunction.minMax.values(forText: ["a"]) },
            .valueKindMismatch(function: "min_max", expected: "numeric"))
    }

    func testErrorMessagesNameTheProblem() {
        XCTAssertEqual(
            MCDAError.piecewiseNotIncreasing(index: 2, x: 40, previousX: 40).description,
            "value function piecewise: point 3 has x = 40.0, not greater than the previous x = 40.0; sort the points by x without repeats")
    }
}
