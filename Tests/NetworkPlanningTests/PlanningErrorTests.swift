import XCTest
import GeoCore
@testable import NetworkPlanning

/// Problems that cannot be planned are typed errors with planner-facing messages.
final class PlanningErrorTests: XCTestCase {
    private func point(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }
    private func candidates(_ n: Int, capacity: Double? = nil, cost: Double? = nil) -> [PlanningProblem.Candidate] {
        (0..<n).map { PlanningProblem.Candidate(id: "s\($0)", position: point(Double($0) * 100, 0), score: 0.5, cost: cost, capacity: capacity) }
    }
    private func demand(_ n: Int, weight: Double = 10) -> [PlanningProblem.DemandPoint] {
        (0..<n).map { PlanningProblem.DemandPoint(id: "d\($0)", position: point(Double($0) * 100, 50), weight: weight) }
    }
    private func reason(_ p: PlanningProblem) -> PlanningError.Reason? {
        do { _ = try Planner.plan(p); return nil } catch { return error.reason }
    }

    func testCountLargerThanCandidates() {
        let p = PlanningProblem(candidates: candidates(3), demand: demand(5), settings: PlanSettings(model: .mclp, count: 4, radius: 100))
        XCTAssertEqual(reason(p), .countExceedsCandidates(count: 4, candidates: 3))
        XCTAssertTrue(PlanningError(.countExceedsCandidates(count: 4, candidates: 3)).description.contains("lower plan.count"))
    }

    func testNoDemandAndNoCandidates() {
        XCTAssertEqual(reason(PlanningProblem(candidates: candidates(3), demand: [], settings: PlanSettings(model: .pmedian, count: 1))), .noDemand)
        XCTAssertEqual(reason(PlanningProblem(candidates: candidates(3), demand: demand(2, weight: 0), settings: PlanSettings(model: .pmedian, count: 1))), .noDemand)
        XCTAssertEqual(reason(PlanningProblem(candidates: [], demand: demand(2), settings: PlanSettings(model: .pmedian, count: 1))), .noCandidates)
    }

    func testRadiusTargetAndFields() {
        XCTAssertEqual(reason(PlanningProblem(candidates: candidates(3), demand: demand(2), settings: PlanSettings(model: .mclp, count: 1))),
                       .missingRadius(model: .mclp))
        XCTAssertEqual(reason(PlanningProblem(candidates: candidates(3), demand: demand(2), settings: PlanSettings(model: .setcover, radius: 100, target: 1.5))),
                       .invalidTarget(1.5))
        XCTAssertEqual(reason(PlanningProblem(candidates: candidates(3), demand: demand(2), settings: PlanSettings(model: .mclp, count: 1, radius: 100, budget: 10))),
                       .missingCost(candidateID: "s0"))
        XCTAssertEqual(reason(PlanningProblem(candidates: candidates(3), demand: demand(2), settings: PlanSettings(model: .mclp, count: 1, radius: 100, capacityPerUnit: 10))),
                       .missingCapacity(candidateID: "s0"))
        var bad = candidates(2)
        bad[1].score = 3
        XCTAssertEqual(reason(PlanningProblem(candidates: bad, demand: demand(2), settings: PlanSettings(model: .mclp, count: 1, radius: 100, attractiveness: .score))),
                       .scoreOutOfRange(candidateID: "s1", score: 3))
    }

    /// Capacitated p-median must serve everything: 3 × 10 units against one site of 1 × 10.
    func testCapacityShortfallIsNamed() {
        let p = PlanningProblem(candidates: candidates(2, capacity: 1), demand: demand(3),
                                settings: PlanSettings(model: .pmedian, count: 1, capacityPerUnit: 10))
        XCTAssertEqual(reason(p), .insufficientCapacity(totalDemand: 30, capacity: 10, shortfall: 20))
        XCTAssertTrue(PlanningError(.insufficientCapacity(totalDemand: 30, capacity: 10, shortfall: 20)).description.contains("20 short"))
        XCTAssertEqual(PlanningError(.insufficientCapacity(totalDemand: 30, capacity: 10, shortfall: 20)).key, "plan.capacity")
    }

    /// Set cover: every site together reaches 2 of 4 points, less than the target 0.9.
    func testUnreachableTarget() {
        let far = demand(2) + [PlanningProblem.DemandPoint(id: "x", position: point(1e5, 1e5), weight: 10),
                               PlanningProblem.DemandPoint(id: "y", position: point(-1e5, 1e5), weight: 10)]
        let p = PlanningProblem(candidates: candidates(2), demand: far, settings: PlanSettings(model: .setcover, radius: 100, target: 0.9))
        XCTAssertEqual(reason(p), .targetUnreachable(target: 0.9, reachableShare: 0.5))
    }

    /// Capacities with set cover are refused rather than silently ignored.
    func testCapacityWithSetCover() {
        let p = PlanningProblem(candidates: candidates(2, capacity: 1), demand: demand(2),
                                settings: PlanSettings(model: .setcover, radius: 100, target: 0.5, capacityPerUnit: 10))
        XCTAssertEqual(reason(p), .capacityUnsupported(model: .setcover))
    }
}
