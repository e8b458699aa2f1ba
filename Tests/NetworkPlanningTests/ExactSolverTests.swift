import XCTest
@testable import NetworkPlanning

/// `solver: exact` (CBC through its C interface) against the optima PuLP 3 + its bundled CBC computed for
/// the same instances (Tools/plan-check/make_fixtures.py → Fixtures/*.json).
final class ExactSolverTests: XCTestCase {
    private func assertExactMatchesPuLP(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fixture = try PlanFixture(name)
        XCTAssertEqual(fixture.status, "Optimal", file: file, line: line)
        let result = try Planner.plan(fixture.problem)
        XCTAssertEqual(result.summary.solver, .exact, file: file, line: line)
        XCTAssertEqual(result.summary.provenOptimal, true, file: file, line: line)
        XCTAssertEqual(result.summary.objective, fixture.optimum, accuracy: 1e-7 * max(1, abs(fixture.optimum)),
                       "\(name)", file: file, line: line)
        XCTAssertLessThanOrEqual(result.summary.gap ?? 1, 1e-6, file: file, line: line)
        assertPlanRespectsRules(fixture.problem, result, file: file, line: line)
    }

    func testMCLP() throws { try assertExactMatchesPuLP("mclp-small") }
    func testMCLPWithScoreSpacingAndBudget() throws { try assertExactMatchesPuLP("mclp-score-spacing-budget") }
    func testPMedian() throws { try assertExactMatchesPuLP("pmedian-small") }
    func testPMedianWithExistingSpacingAndBudget() throws { try assertExactMatchesPuLP("pmedian-existing-spacing-budget") }
    func testSetCover() throws { try assertExactMatchesPuLP("setcover-small") }
    func testSetCoverWithSpacing() throws { try assertExactMatchesPuLP("setcover-spacing") }
    func testCapacitatedMCLP() throws { try assertExactMatchesPuLP("cmclp-small") }
    func testCapacitatedMCLPWithScore() throws { try assertExactMatchesPuLP("cmclp-score") }
    func testCapacitatedPMedian() throws { try assertExactMatchesPuLP("cpmedian-small") }
    func testLargeMCLP() throws { try assertExactMatchesPuLP("mclp-large") }
}
