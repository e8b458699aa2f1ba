import Foundation
import XCTest
import GeoCore
@testable import NetworkPlanning

/// The Swift side of Tools/bench/plan/run: skipped unless `STANDORT_PLAN_BENCH_INSTANCE` names an
/// instance file (the fixture format of Tools/plan-check). Solves it with `STANDORT_PLAN_BENCH_SOLVER`
/// (heuristic | exact | auto; default heuristic) and writes one JSON object (seconds, objective, solver,
/// bound, gap, selected) to `STANDORT_PLAN_BENCH_OUT` (default: stdout).
final class PlanBenchmarkTests: XCTestCase {
    func testBenchmarkInstance() throws {
        let env = ProcessInfo.processInfo.environment
        guard let path = env["STANDORT_PLAN_BENCH_INSTANCE"] else {
            throw XCTSkip("benchmark harness: set STANDORT_PLAN_BENCH_INSTANCE (see Tools/bench/plan/run)")
        }
        let solver = SolverChoice(rawValue: env["STANDORT_PLAN_BENCH_SOLVER"] ?? "heuristic") ?? .heuristic
        var problem = try PlanFixture(url: URL(fileURLWithPath: path), solver: solver).problem
        if let limit = env["STANDORT_PLAN_BENCH_TIME_LIMIT"].flatMap(Double.init) { problem.settings.timeLimit = limit }
        let started = Date()
        let result = try Planner.plan(problem)
        let seconds = Date().timeIntervalSince(started)
        var o = result.summary.manifest
        o["seconds"] = .number(seconds)
        o["selected_sites"] = .array(result.selected.map { .number(Double($0)) })
        let text = JSONValue.object(o).jsonText + "\n"
        if let out = env["STANDORT_PLAN_BENCH_OUT"] {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}
