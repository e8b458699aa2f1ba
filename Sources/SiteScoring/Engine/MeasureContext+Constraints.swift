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
        let needsIndex = scenario.constraints.contains { c in
            switch c.kind {
            case .distance(let layer, _, _):
                !scenario.criteria.contains { $0.kind == .distance(layer: layer) }
            case .inside, .outside: true
            case .attribute: false
            }
        }
        let order = SiteVisitOrder(needsIndex ? sites.referencePoints : [])
        for constraint in scenario.constraints {
            // 1 where the site fails, per site.
            var fails: [Double]
            @Sendable func outOfRange(_ x: Double, _ min: Double?, _ max: Double?) -> Bool {
                (min.map { x < $0 } ?? false) || (max.map { x > $0 } ?? false)
            }
            switch constraint.kind {
            case .distance(let layer, let min, let max):
                // A distance criterion on the same layer has measured exactly this already.
                if let known = zip(scenario.criteria, measured).first(where: { $0.0.kind == .distance(layer: layer) })?.1.raw {
                    fails = known.map { outOfRange($0, min, max) ? 1 : 0 }
                } else {
                    let slots = SharedBuffer(count: n)
                    forEachSite(in: order, layer: layer, stage: constraint.id) { s, p, q in
                        slots[s] = outOfRange(q!.nearest(to: p)?.distance ?? .infinity, min, max) ? 1 : 0
                    }
                    fails = order.scatter(slots)
                }
            case .inside(let layer):
                let slots = SharedBuffer(count: n)
                forEachSite(in: order, layer: layer, stage: constraint.id) { s, p, q in slots[s] = q!.anyContains(p) ? 0 : 1 }
                fails = order.scatter(slots)
            case .outside(let layer):
                let slots = SharedBuffer(count: n)
                forEachSite(in: order, layer: layer, stage: constraint.id) { s, p, q in slots[s] = q!.anyContains(p) ? 1 : 0 }
                fails = order.scatter(slots)
            case .attribute(let field, let min, let max):
                // A numeric criterion on the same field has read exactly these values already (a text one has not).
                let known = zip(scenario.criteria, measured).first { $0.0.kind == .attribute(field: field) && $0.1.text == nil }?.1
                let values = try known ?? attribute(field, textual: false, user: "constraint '\(constraint.id)'")
                fails = [Double](repeating: 0, count: n)
                for s in 0..<n {
                    if values.missing![s] { noteMissing(s, field); continue }
                    fails[s] = outOfRange(values.raw[s], min, max) ? 1 : 0
                }
            }
            for s in 0..<n where fails[s] == 1 { failed[s].append(constraint.id) }
        }
        return zip(failed, missingFields).map { $0 + $1 }
    }
}
