import Foundation
import NetworkPlanning
import SiteScoring

/// The plan summary printed after `standort plan`: the summary figures, then the chosen sites in order.
enum PlanTable {
    static func render(_ plan: ScenarioPlan, _ planResult: PlanResult, result: ScoringResult) -> String {
        var lines = [planResult.summary.description]
        let labels = result.siteLabels
        let rows = planResult.selected.map { j -> [String] in
            let s = plan.siteIndices[j]
            let o = planResult.sites[j]
            return [String(o.order ?? 0), result.siteIDs[s].description, labels[s] ?? "", String(format: "%.4f", result.scores[s] ?? 0),
                    format(o.marginal ?? 0), format(o.covered)]
        }
        let header = ["order", "site", "name", "score", "marginal", "covered"]
        let widths = (0..<header.count).map { j in ([header[j]] + rows.map { $0[j] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { j, c in j == cells.count - 1 ? c : c.padding(toLength: widths[j], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        lines.append(line(header))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e12 ? String(Int64(x)) : String(format: "%.1f", x)
    }
}
