import XCTest
import GeoCore
@testable import NetworkPlanning

/// Checks that hold for every plan whatever the solver: the rules (count, min_spacing, budget,
/// capacities) are never violated, existing facilities are never among the chosen sites, and the result
/// is self-consistent.
func assertPlanRespectsRules(_ problem: PlanningProblem, _ result: PlanResult,
                             file: StaticString = #filePath, line: UInt = #line) {
    let s = problem.settings
    let chosen = result.selected
    XCTAssertEqual(Set(chosen).count, chosen.count, "a site chosen twice", file: file, line: line)
    if s.model != .setcover { XCTAssertLessThanOrEqual(chosen.count, s.count, "more than count new sites", file: file, line: line) }
    XCTAssertTrue(chosen.allSatisfy { problem.candidates.indices.contains($0) }, file: file, line: line)
    XCTAssertEqual(result.sites.filter(\.selected).count, chosen.count, file: file, line: line)
    for (k, j) in chosen.enumerated() { XCTAssertEqual(result.sites[j].order, k + 1, file: file, line: line) }
    if s.minSpacing > 0 {
        for a in chosen { for b in chosen where a < b {
            let d = problem.candidates[a].position.distance(to: problem.candidates[b].position)
            XCTAssertGreaterThanOrEqual(d, s.minSpacing, "sites \(a) and \(b) are \(d) m apart", file: file, line: line)
        } }
    }
    if let budget = s.budget {
        let spent = chosen.reduce(0) { $0 + problem.candidates[$1].cost! }
        XCTAssertLessThanOrEqual(spent, budget, "budget exceeded", file: file, line: line)
    }
    if let perUnit = s.capacityPerUnit {
        for j in chosen {
            let cap = problem.candidates[j].capacity! * perUnit
            XCTAssertLessThanOrEqual(result.sites[j].load!, cap * (1 + 1e-9) + 1e-9, "site \(j) over capacity", file: file, line: line)
        }
        for (k, load) in (result.existingLoad ?? []).enumerated() {
            if let c = problem.existing[k].capacity {
                XCTAssertLessThanOrEqual(load, c * perUnit * (1 + 1e-9) + 1e-9, "existing \(k) over capacity", file: file, line: line)
            }
        }
        for (i, o) in result.demand.enumerated() {
            let units = o.shares.reduce(0) { $0 + $1.units }
            XCTAssertLessThanOrEqual(units, problem.demand[i].weight * (1 + 1e-9), file: file, line: line)
            if s.model == .mclp, let r = s.radius {
                for sh in o.shares {
                    let p: Position
                    switch sh.facility {
                    case .candidate(let j): p = problem.candidates[j].position
                    case .existing(let e): p = problem.existing[e].position
                    }
                    XCTAssertLessThanOrEqual(problem.demand[i].position.distance(to: p), r, "served beyond the radius", file: file, line: line)
                }
            }
        }
    }
}
