import Foundation

extension PlanSummary: CustomStringConvertible {
    /// The summary as the CLI prints it: a few aligned lines, numbers rounded for reading (the manifest
    /// keeps full precision).
    public var description: String {
        func n(_ x: Double) -> String {
            abs(x) >= 100 ? String(format: "%.0f", x) : String(format: "%.4g", x)
        }
        func pct(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
        var lines: [String] = []
        let what: String
        switch model {
        case .mclp: what = "covered demand"
        case .pmedian: what = "weighted distance (demand × m)"
        case .setcover: what = "new sites needed"
        }
        lines.append("plan: \(model.rawValue), \(selectedCount) new site\(selectedCount == 1 ? "" : "s")"
            + (model == .setcover ? "" : " (count \(count))") + (radius.map { ", radius \(n($0)) m" } ?? "")
            + ", solver \(solver.rawValue)")
        lines.append("  objective       \(n(objective))  (\(what))")
        if let c = coveredDemand, let s = coverageShare {
            lines.append("  covered         \(n(c)) of \(n(totalDemand))  (\(pct(s)))")
        } else {
            lines.append("  total demand    \(n(totalDemand))")
        }
        if let a = meanDistanceAfter {
            lines.append("  mean distance   " + (meanDistanceBefore.map { "\(n($0)) m → " } ?? "") + "\(n(a)) m")
        }
        if let a = p95DistanceAfter {
            lines.append("  95th percentile " + (p95DistanceBefore.map { "\(n($0)) m → " } ?? "") + "\(n(a)) m")
        }
        if let bound, let gap {
            lines.append("  bound           \(n(bound))  (gap \(pct(gap))\(provenOptimal == true ? ", proven optimal" : ", time limit reached"))")
        }
        if let g = greedyObjective, let imp = localSearchImprovement {
            lines.append("  greedy          \(n(g)); local search improved it by \(n(imp))")
        }
        if let totalCost { lines.append("  total cost      \(n(totalCost))") }
        return lines.joined(separator: "\n")
    }
}
