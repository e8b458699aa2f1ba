import Foundation
import GeoCore
@testable import NetworkPlanning

/// One instance with its optimum, computed by an independent solver: PuLP 3 with its bundled CBC, by
/// `Tools/plan-check/make_fixtures.py` (which also documents the MILP of each model). The JSON files in
/// Fixtures/ are that script's output, committed.
struct PlanFixture {
    let name: String
    let problem: PlanningProblem
    /// The PuLP/CBC optimum: mclp covered demand, pmedian weighted distance, setcover site count.
    let optimum: Double
    let status: String

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    init(_ name: String, solver: SolverChoice = .exact) throws {
        try self.init(url: Self.directory.appendingPathComponent(name + ".json"), solver: solver)
    }

    /// An instance file in the fixture format (`optimum` may be absent: then `optimum` is NaN).
    init(url: URL, solver: SolverChoice = .exact) throws {
        let data = try Data(contentsOf: url)
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        func numbers(_ o: Any?) -> [Double]? { (o as? [Any])?.map { ($0 as! NSNumber).doubleValue } }
        let s = json["settings"] as! [String: Any]
        let c = json["candidates"] as! [String: Any], d = json["demand"] as! [String: Any], e = json["existing"] as! [String: Any]
        let cx = numbers(c["x"])!, cy = numbers(c["y"])!, score = numbers(c["score"])!
        let cost = numbers(c["cost"]), cap = numbers(c["capacity"])
        let candidates = cx.indices.map {
            PlanningProblem.Candidate(id: "c\($0)", position: Position(x: cx[$0], y: cy[$0]), score: score[$0],
                                      cost: cost?[$0], capacity: cap?[$0])
        }
        let dx = numbers(d["x"])!, dy = numbers(d["y"])!, w = numbers(d["weight"])!
        let demand = dx.indices.map { PlanningProblem.DemandPoint(id: "d\($0)", position: Position(x: dx[$0], y: dy[$0]), weight: w[$0]) }
        let ex = numbers(e["x"])!, ey = numbers(e["y"])!, ecap = numbers(e["capacity"])
        let existing = ex.indices.map { PlanningProblem.ExistingFacility(id: "e\($0)", position: Position(x: ex[$0], y: ey[$0]), capacity: ecap?[$0]) }
        let settings = PlanSettings(
            model: PlanModel(rawValue: s["model"] as! String)!,
            count: (s["count"] as? NSNumber)?.intValue ?? 1,
            radius: (s["radius"] as? NSNumber)?.doubleValue,
            target: (s["target"] as? NSNumber)?.doubleValue,
            minSpacing: (s["min_spacing"] as? NSNumber)?.doubleValue ?? 0,
            attractiveness: Attractiveness(rawValue: s["attractiveness"] as! String)!,
            budget: (s["budget"] as? NSNumber)?.doubleValue,
            capacityPerUnit: (s["per_unit"] as? NSNumber)?.doubleValue,
            solver: solver)
        self.name = json["name"] as? String ?? url.lastPathComponent
        problem = PlanningProblem(candidates: candidates, demand: demand, existing: existing, settings: settings)
        let opt = json["optimum"] as? [String: Any]
        optimum = (opt?["objective"] as? NSNumber)?.doubleValue ?? .nan
        status = opt?["status"] as? String ?? "none"
    }

    func with(_ change: (inout PlanSettings) -> Void) -> PlanningProblem {
        var p = problem
        change(&p.settings)
        return p
    }
}
