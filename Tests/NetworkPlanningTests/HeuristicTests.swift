import XCTest
@testable import NetworkPlanning

/// `solver: heuristic` (lazy greedy + Teitz–Bart swaps) against the PuLP/CBC optima of
/// Tools/plan-check/make_fixtures.py: within 1 % uncapacitated (500 candidates × 5,000 demand, K = 10),
/// within 2 % capacitated; never better than the optimum.
final class HeuristicTests: XCTestCase {
    /// Relative shortfall of the heuristic against the optimum (≥ 0 up to rounding).
    private func heuristicGap(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Double {
        let fixture = try PlanFixture(name, solver: .heuristic)
        let result = try Planner.plan(fixture.problem)
        XCTAssertEqual(result.summary.solver, .heuristic, file: file, line: line)
        assertPlanRespectsRules(fixture.problem, result, file: file, line: line)
        let h = result.summary.objective, opt = fixture.optimum
        let gap = fixture.problem.settings.model == .pmedian ? (h - opt) / opt : (opt - h) / opt
        XCTAssertGreaterThanOrEqual(gap, -1e-9, "\(name): better than the optimum?", file: file, line: line)
        if let g = result.summary.greedyObjective, let imp = result.summary.localSearchImprovement {
            XCTAssertGreaterThanOrEqual(imp, -1e-9 * max(1, abs(h)), file: file, line: line)
            XCTAssertEqual(fixture.problem.settings.model == .pmedian ? g - h : h - g, imp,
                           accuracy: 1e-6 * max(1, abs(h)), file: file, line: line)
        }
        print("\(name): heuristic \(h), optimum \(opt), gap \(String(format: "%.4f", gap * 100)) %")
        return gap
    }

    func testMCLPLargeWithinOnePercent() throws { XCTAssertLessThanOrEqual(try heuristicGap("mclp-large"), 0.01) }
    func testPMedianLargeWithinOnePercent() throws { XCTAssertLessThanOrEqual(try heuristicGap("pmedian-large"), 0.01) }
    func testSmallUncapacitatedWithinOnePercent() throws {
        for name in ["mclp-small", "mclp-score-spacing-budget", "pmedian-small", "pmedian-existing-spacing-budget"] {
            XCTAssertLessThanOrEqual(try heuristicGap(name), 0.01, name)
        }
    }
    func testCapacitatedSmallWithinTwoPercent() throws {
        for name in ["cmclp-small", "cmclp-score", "cpmedian-small", "cmclp-spacing-budget", "cpmedian-spacing-budget"] {
            XCTAssertLessThanOrEqual(try heuristicGap(name), 0.02, name)
        }
    }
    func testCapacitatedMCLPMediumWithinTwoPercent() throws { XCTAssertLessThanOrEqual(try heuristicGap("cmclp-medium"), 0.02) }
    func testCapacitatedPMedianMediumWithinTwoPercent() throws { XCTAssertLessThanOrEqual(try heuristicGap("cpmedian-medium"), 0.02) }
    func testSetCoverReachesTarget() throws {
        for name in ["setcover-small", "setcover-spacing"] {
            let fixture = try PlanFixture(name, solver: .heuristic)
            let result = try Planner.plan(fixture.problem)
            assertPlanRespectsRules(fixture.problem, result)
            XCTAssertGreaterThanOrEqual(result.summary.coverageShare!, fixture.problem.settings.target!)
            XCTAssertGreaterThanOrEqual(result.summary.objective, fixture.optimum)
            XCTAssertEqual(result.summary.greedyObjective! - result.summary.localSearchImprovement!, result.summary.objective)
        }
    }
}
