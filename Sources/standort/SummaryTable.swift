import Foundation
import SiteScoring

/// The top-N table printed after scoring: rank, id, score and the two criteria that contributed most.
enum SummaryTable {
    /// The table of a merged or streamed ranking (its first `top` sites are re-read from their part lines).
    static func render(_ ranking: MergedRanking, top: Int) throws -> String {
        render(try ranking.chunk(0..<min(top, ranking.totals.scored)), top: top)
    }

    static func render(_ result: ScoringResult, top: Int) -> String {
        let method = result.method
        let scored = result.scoredTotal
        var lines = ["\(result.scenario.name) — \(method.rawValue), working CRS \(result.workingCRS): \(scored) of \(result.candidateTotal) sites ranked"]
        let labels = result.siteLabels
        let named = result.outputOrder.prefix(min(top, scored)).contains { labels[$0] != nil }
        let rows = result.outputOrder.prefix(min(top, scored)).map { s in
            [String(result.ranks[s]!), result.siteIDs[s].description] + (named ? [labels[s] ?? ""] : [])
                + [String(format: "%.4f", result.scores[s]!), result.topContributors(s).joined(separator: ", ")]
        }
        let header = ["rank", "site"] + (named ? ["name"] : []) + ["score", "top contributions"]
        let widths = (0..<header.count).map { j in ([header[j]] + rows.map { $0[j] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { j, c in j == cells.count - 1 ? c : c.padding(toLength: widths[j], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        lines.append(line(header))
        lines.append(contentsOf: rows.map(line))
        if case .vikor(let vikor) = result.outcome, let a = vikor.acceptance {
            let yes = { (b: Bool) in b ? "yes" : "no" }
            var line = "VIKOR (v = \(vikor.v)): acceptable advantage \(yes(a.acceptableAdvantage)), acceptable stability \(yes(a.acceptableStability))"
            if a.compromiseSet.count > 1 {
                line += "; no single winner — compromise set: " + a.compromiseSet.map(\.description).joined(separator: ", ")
            }
            lines.append(line)
        }
        if !rows.isEmpty {
            lines.append("top contributions: the two criteria with the largest weight × value for that site (what lifts it most)")
        }
        let excluded = result.exclusionTotals
        if !excluded.isEmpty {
            lines.append("excluded: " + excluded.map { "\($0.reason) \($0.count)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
