import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoCore
import TestSupport
@testable import NetworkPlanning

/// Existing facilities, determinism, outputs and the internal transportation solver.
final class PlanBehaviourTests: XCTestCase {
    /// Existing facilities serve demand but are never counted in K: with an existing facility on top of
    /// candidate 0, K = 2 still opens two *new* sites, neither of them candidate 0 (it adds nothing).
    func testExistingNeverCountedInK() throws {
        let fixture = try PlanFixture("mclp-small", solver: .heuristic)
        var p = fixture.problem
        p.settings.count = 2
        let first = try Planner.plan(p).selected[0]
        p.existing.append(PlanningProblem.ExistingFacility(id: "on-top", position: p.candidates[first].position))
        for solver in [SolverChoice.heuristic, .exact] {
            p.settings.solver = solver
            let r = try Planner.plan(p)
            XCTAssertEqual(r.selected.count, 2, "\(solver)")
            XCTAssertFalse(r.selected.contains(first), "\(solver)")
            XCTAssertTrue(r.demand.contains { $0.servedBy == .existing(p.existing.count - 1) })
            assertPlanRespectsRules(p, r)
        }
    }

    /// Results are identical for any thread count (parallel chunks merge in order).
    func testDeterministicAcrossThreadCounts() throws {
        for name in ["mclp-large", "cmclp-small", "pmedian-existing-spacing-budget"] {
            let fixture = try PlanFixture(name, solver: .heuristic)
            let one = try Planner.plan(fixture.with { $0.threads = 1 })
            let four = try Planner.plan(fixture.with { $0.threads = 4 })
            XCTAssertEqual(one, four, name)
        }
    }

    /// The summary's coverage agrees with the per-demand outcomes; marginals add up to the objective.
    func testSummaryAndOutcomesAgree() throws {
        let fixture = try PlanFixture("mclp-small", solver: .exact)
        let r = try Planner.plan(fixture.problem)
        let covered = r.demand.enumerated().reduce(0.0) { $0 + ($1.element.servedBy == nil ? 0 : fixture.problem.demand[$1.offset].weight) }
        XCTAssertEqual(r.summary.coveredDemand, covered)
        XCTAssertEqual(r.summary.objective, covered)  // attractiveness none: objective = covered demand
        let baseline = Planner.baseline(fixture.problem).objective!
        let marginals = r.selected.reduce(0.0) { $0 + r.sites[$1].marginal! }
        XCTAssertEqual(baseline + marginals, r.summary.objective, accuracy: 1e-9)
        let m = r.summary.manifest
        XCTAssertEqual(m["solver"], .string("exact"))
        XCTAssertNotNil(m["bound"])
        XCTAssertNotNil(m["gap"])
        XCTAssertNil(m["greedy_objective"])
    }

    /// p-median reports mean and 95th-percentile distances before (existing only) and after.
    func testPMedianDistanceStatistics() throws {
        let fixture = try PlanFixture("pmedian-existing-spacing-budget", solver: .heuristic)
        let r = try Planner.plan(fixture.problem)
        let s = r.summary
        XCTAssertLessThan(s.meanDistanceAfter!, s.meanDistanceBefore!)
        XCTAssertLessThanOrEqual(s.p95DistanceAfter!, s.p95DistanceBefore!)
        XCTAssertEqual(s.meanDistanceAfter! * s.totalDemand, s.objective, accuracy: 1e-6 * s.objective)
        XCTAssertNotNil(s.manifest["greedy_objective"])
    }

    /// The sweep's last row equals the plan with K sites; rows and marginals are consistent; CSV and SVG
    /// are well formed.
    func testSweep() throws {
        let fixture = try PlanFixture("mclp-small", solver: .exact)
        let curve = try Planner.sweep(fixture.problem, counts: 1...5)
        XCTAssertEqual(curve.points.map(\.k), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(curve.points.last!.objective!, fixture.optimum)
        for (a, b) in zip(curve.points, curve.points.dropFirst()) {
            XCTAssertGreaterThanOrEqual(b.objective!, a.objective!)
            XCTAssertEqual(b.marginal!, b.objective! - a.objective!, accuracy: 1e-9)
        }
        let lines = curve.csv.split(separator: "\n")
        XCTAssertEqual(lines.first, "k,objective,coverage_share,marginal,solver")
        XCTAssertEqual(lines.count, 7)
        assertWellFormedXML(curve.svg())
        let plan = try Planner.plan(fixture.problem)
        assertWellFormedXML(PlanMap.svg(fixture.problem, plan))
    }

    /// A capacitated p-median sweep: rows with too few sites to serve everyone have no objective, the
    /// rest decrease; the p-median map (with assignment lines) is well formed.
    func testCapacitatedPMedianSweepAndMap() throws {
        let fixture = try PlanFixture("cpmedian-small", solver: .heuristic)
        let curve = try Planner.sweep(fixture.problem, counts: 3...4)
        XCTAssertEqual(curve.points.map(\.k), [0, 3, 4])
        XCTAssertNil(curve.points[0].objective)  // two small existing facilities cannot serve everyone
        let defined = curve.points.compactMap(\.objective)
        XCTAssertFalse(defined.isEmpty)
        XCTAssertEqual(zip(defined, defined.dropFirst()).allSatisfy { $1 <= $0 * (1 + 1e-12) }, true)
        XCTAssertGreaterThan(defined.last!, fixture.optimum)  // 4 sites serve worse than the optimal 5
        assertWellFormedXML(curve.svg())
        assertWellFormedXML(PlanMap.svg(fixture.problem, try Planner.plan(fixture.problem)))
    }

    /// Capacitated p-median assigns every unit of demand, split across sites where needed.
    func testCapacitatedPMedianAssignsAllDemand() throws {
        let fixture = try PlanFixture("cpmedian-small", solver: .exact)
        let r = try Planner.plan(fixture.problem)
        for (i, o) in r.demand.enumerated() {
            XCTAssertEqual(o.shares.reduce(0) { $0 + $1.units }, fixture.problem.demand[i].weight, accuracy: 1e-6)
        }
        XCTAssertEqual(r.summary.coverageShare!, 1, accuracy: 1e-9)
        for j in r.selected { XCTAssertNotNil(r.sites[j].utilisation) }
    }

    /// The min-cost-flow transportation solver against the same LP solved by CLP inside CBC, on seeded
    /// random instances with tight capacities (CBC is the independent reference).
    func testTransportationMatchesLP() throws {
        var rng = SeededGenerator(seed: 13)
        for trial in 0..<40 {
            let n = Int.random(in: 5...40, using: &rng), m = Int.random(in: 2...7, using: &rng)
            let supply = (0..<n).map { _ in Double(Int.random(in: 1...20, using: &rng)) }
            var start = [0], sink: [Int32] = [], cost: [Double] = []
            for _ in 0..<n {
                for s in 0..<m where Bool.random(using: &rng) || s == m - 1 {
                    sink.append(Int32(s))
                    cost.append(s == m - 1 ? 100 : Double.random(in: 0...50, using: &rng))
                }
                start.append(sink.count)
            }
            let total = supply.reduce(0, +)
            let caps = (0..<(m - 1)).map { _ in Double.random(in: 0...(total / 2), using: &rng) } + [.infinity]
            let t = TransportationProblem(supply: supply, arcStart: start, arcSink: sink, arcCost: cost, capacity: caps)
            let flow = t.solve()!
            var lp = LinearProgram()
            let cols = cost.indices.map { lp.addColumn(lower: 0, upper: .infinity, objective: cost[$0]) }
            for i in 0..<n { lp.addRow((start[i]..<start[i + 1]).map { (cols[$0], 1) }, lower: supply[i], upper: supply[i]) }
            for s in 0..<(m - 1) { lp.addRow(cost.indices.filter { sink[$0] == Int32(s) }.map { (cols[$0], 1) }, upper: caps[s]) }
            let out = try CBCModel(lp).solve()
            XCTAssertEqual(flow.cost, out.objective, accuracy: 1e-6 * max(1, abs(out.objective)), "trial \(trial)")
            for s in 0..<(m - 1) { XCTAssertLessThanOrEqual(flow.load[s], caps[s] + 1e-9) }
        }
    }

    private func assertWellFormedXML(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(text.hasPrefix("<svg"), file: file, line: line)
        XCTAssertTrue(text.hasSuffix("</svg>\n"), file: file, line: line)
        let parser = XMLParser(data: Data(text.utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")", file: file, line: line)
    }
}

/// The implicit all-pairs p-median graph (used above `ServiceGraph.densePairLimit` pairs) gives exactly
/// the plan the stored pairs give.
final class ImplicitPairsTests: XCTestCase {
    func testImplicitEqualsStoredPairs() throws {
        let fixture = try PlanFixture("pmedian-small", solver: .heuristic)
        let p = fixture.problem
        let stored = ServiceGraph(problem: p), implicit = ServiceGraph(problem: p, densePairLimit: 0)
        XCTAssertNil(stored.dense)
        XCTAssertNotNil(implicit.dense)
        XCTAssertEqual(stored.pairCount, implicit.pairCount)
        let rules = SiteRules(problem: p)
        let a = MultiStartSearch(graph: stored, rules: rules, threads: 2).run()
        let b = MultiStartSearch(graph: implicit, rules: rules, threads: 2).run()
        XCTAssertEqual(a.open, b.open)
        XCTAssertEqual(a.value, b.value)
        XCTAssertEqual(-a.value, fixture.optimum, accuracy: 1e-6 * fixture.optimum)
    }

    /// With many cells the implicit form prunes demand cells by distance; the plan must not change.
    /// (pmedian-large's first 100 candidates and 2,000 demand points, without its existing facilities.)
    func testPrunedImplicitEqualsStoredPairs() throws {
        var p = try PlanFixture("pmedian-large", solver: .heuristic).problem
        p.candidates = Array(p.candidates.prefix(100))
        p.demand = Array(p.demand.prefix(2_000))
        p.existing = []
        p.settings.count = 6
        let stored = ServiceGraph(problem: p), implicit = ServiceGraph(problem: p, densePairLimit: 0)
        XCTAssertGreaterThan(implicit.cells!.count, 30)
        let rules = SiteRules(problem: p)
        let a = MultiStartSearch(graph: stored, rules: rules, threads: 2).run()
        let b = MultiStartSearch(graph: implicit, rules: rules, threads: 2).run()
        XCTAssertEqual(a.open, b.open)
        XCTAssertEqual(a.value, b.value, accuracy: 1e-9 * abs(a.value))
        XCTAssertEqual(a.greedyValue, b.greedyValue, accuracy: 1e-9 * abs(a.value))
    }
}

/// The printed summary names the model, the solver and the coverage.
final class PlanSummaryTextTests: XCTestCase {
    func testSummaryText() throws {
        let fixture = try PlanFixture("mclp-small", solver: .exact)
        let text = try Planner.plan(fixture.problem).summary.description
        XCTAssertTrue(text.hasPrefix("plan: mclp, 5 new sites (count 5), radius 1500 m, solver exact"), text)
        XCTAssertTrue(text.contains("objective       23781"), text)
        XCTAssertTrue(text.contains("proven optimal"), text)
    }
}
