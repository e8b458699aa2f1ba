import Foundation
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
    func testCapacitatedMCLPWithSpacingAndBudget() throws { try assertExactMatchesPuLP("cmclp-spacing-budget") }
    func testCapacitatedPMedianWithSpacingAndBudget() throws { try assertExactMatchesPuLP("cpmedian-spacing-budget") }
    func testLargeMCLP() throws { try assertExactMatchesPuLP("mclp-large") }
}

/// A time limit stops CBC with its best plan and bound. pmedian-timelimit (50 candidates × 500 demand, 4
/// existing, spacing and budget; PuLP/CBC needs about 5 s to prove its optimum) with a 1 s limit: the plan is
/// feasible and no better than the PuLP optimum, the bound no worse, the gap honest, and the run stops soon.
final class ExactTimeLimitTests: XCTestCase {
    func testTimeLimitReturnsIncumbentAndBound() throws {
        let fixture = try PlanFixture("pmedian-timelimit")
        let started = Date()
        let result = try Planner.plan(fixture.with { $0.timeLimit = 1 })
        let elapsed = Date().timeIntervalSince(started)
        let s = result.summary
        XCTAssertEqual(s.solver, .exact)
        assertPlanRespectsRules(fixture.problem, result)
        XCTAssertGreaterThanOrEqual(s.objective, fixture.optimum * (1 - 1e-9))
        // Under heavy load the limit can strike inside CBC's root LP: then there is no bound to report.
        if let bound = s.bound {
            XCTAssertLessThanOrEqual(bound, fixture.optimum * (1 + 1e-9))
            XCTAssertEqual(s.gap!, abs(s.objective - bound) / s.objective, accuracy: 1e-12)
            if s.provenOptimal == false { XCTAssertGreaterThan(s.gap!, 0) }
        } else {
            XCTAssertEqual(s.provenOptimal, false)
            XCTAssertNil(s.gap)
        }
        XCTAssertLessThan(elapsed, 5)
        print("time-limited exact: objective \(s.objective) (optimum \(fixture.optimum)), bound \(s.bound.map { "\($0)" } ?? "none"), gap \(s.gap.map { "\($0)" } ?? "none"), proven \(s.provenOptimal!), \(elapsed) s")
    }

    /// A capacitated MILP given 1 ms: whatever CBC manages, the plan is feasible, no better than the
    /// PuLP optimum, and without a bound unless CBC found a solution of its own.
    func testCapacitatedTimeLimitStillPlans() throws {
        let fixture = try PlanFixture("cmclp-small")
        let result = try Planner.plan(fixture.with { $0.timeLimit = 0.001 })
        assertPlanRespectsRules(fixture.problem, result)
        XCTAssertLessThanOrEqual(result.summary.objective, fixture.optimum * (1 + 1e-9))
        if result.summary.bound == nil { XCTAssertEqual(result.summary.provenOptimal, false) }
        XCTAssertGreaterThan(result.selected.count, 0)
    }
}
