import XCTest
@testable import SiteScoring

/// Regressions for values near the limits of a Double (found while checking issue 5's "non-finite values
/// after arithmetic"): before the fixes these gave NaN or silently zeroed columns.
final class FuzzOverflowRegressionTests: XCTestCase {
    func testMinMaxOverAColumnWhoseRangeOverflows() throws {
        // Exact in the reals: (x − lo)/(hi − lo) with lo = −1.7e308, hi = 1.7e308 → 1, 0, 0.5 (by hand).
        let v = try ValueFunction.minMax.values(for: [1.7e308, -1.7e308, 0], direction: .benefit)
        XCTAssertEqual(v, [1, 0, 0.5])
        let cost = try ValueFunction.minMax.values(for: [1.7e308, -1.7e308, 0], direction: .cost)
        XCTAssertEqual(cost, [0, 1, 0.5])
    }

    func testMinMaxOfNormalColumnsIsUnchanged() throws {
        // (x − 2)/(10 − 2) by hand.
        XCTAssertEqual(try ValueFunction.minMax.values(for: [2, 10, 4], direction: .benefit), [0, 1, 0.25])
    }

    func testTOPSISNormalisationOfHugeAndTinyColumns() {
        // A 3-4-5 triangle at three scales: r = 0.6, 0.8 (by hand); Σx² overflows for 1e200 and underflows for 1e-200.
        let matrix = DecisionMatrix(rows: 2, columns: 3, values: [3e200, 3e-200, 3, 4e200, 4e-200, 4])
        let r = TOPSIS.normalize(matrix)
        for j in 0..<3 {
            XCTAssertEqual(r[0, j], 0.6, accuracy: 1e-15, "column \(j)")
            XCTAssertEqual(r[1, j], 0.8, accuracy: 1e-15, "column \(j)")
        }
    }
}
