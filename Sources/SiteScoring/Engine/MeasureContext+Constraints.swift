import Dispatch
import Foundation
import GeoCore

/// Constraint evaluation: which constraints each site fails, and which attributes it lacks.
extension MeasureContext {
    /// Per site: the failed constraints in scenario order, then `missing:<field>` entries.
    func exclusions(_ scenario: Scenario, measured: [MeasuredCriterion]) throws -> [[String]] {
        let n = sites.count
        var failed = [[String]](repeating: [], count: n)
        var missingFields = [[String]](repeating: [], count: n)
        func noteMissing(_ s: Int, _ field: String) {
            let reason = "missing:\(field)"
            if !missingFields[s].contains(reason) { missingFields[s].append(reason) }
        }
        for m in measured {
            guard let field = m.missingField, let missing = m.missing else { continue }
            for s in 0..<n where missing[s] { noteMissing(s, field) }
        }
        let points = sites.referencePoints
        let needsIndex = scenario.constraints.contains { c in
            switch c.kind {
            case .distance(let layer, _, _):
                !scenario.criteria.contains { $0.kind == .distance(layer: layer) }
            case .inside, .outside: true
            case .attribute: false
            }
        }
        let order = needsIndex ? SpatialIndex.hilbertOrder(of: points) : []
        for constraint in scenario.constraints {
            let fails = SharedBuffer(count: n)
            switch constraint.kind {
            case .distance(let layer, let min, let max):
                // A distance criterion on the same layer has measured exactly this already.
                let known = zip(scenario.criteria, measured).first { $0.0.kind == .distance(layer: layer) }?.1.raw
                forEachSite(inOrder: order, layer: layer, stage: constraint.id) { s, q in
                    let d = known?[s] ?? q!.nearest(to: points[s])?.distance ?? .infinity
                    fails[s] = ((min.map { d < $0 } ?? false) || (max.map { d > $0 } ?? false)) ? 1 : 0
                }
            case .inside(let layer):
                forEachSite(inOrder: order, layer: layer, stage: constraint.id) { s, q in fails[s] = q!.anyContains(points[s]) ? 0 : 1 }
            case .outside(let layer):
                forEachSite(inOrder: order, layer: layer, stage: constraint.id) { s, q in fails[s] = q!.anyContains(points[s]) ? 1 : 0 }
            case .attribute(let field, let min, let max):
                let values = try attribute(field, textual: false, user: "constraint '\(constraint.id)'")
                for s in 0..<n {
                    if values.missing![s] { noteMissing(s, field); continue }
                    let x = values.raw[s]
                    fails[s] = ((min.map { x < $0 } ?? false) || (max.map { x > $0 } ?? false)) ? 1 : 0
                }
            }
            for s in 0..<n where fails[s] == 1 { failed[s].append(constraint.id) }
        }
        return zip(failed, missingFields).map { $0 + $1 }
    }
}
