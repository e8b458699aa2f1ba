import Foundation

extension SensitivityReport {
    /// `summary.json`: run parameters, seed, methods and counts (keys sorted, so the file is reproducible).
    func summaryJSON() throws -> Data {
        var methods: [String] = []
        var object: [String: Any] = [
            "model": modelName,
            "sites": siteIDs.count,
            "criteria": criterionIDs.count,
            "weights": Dictionary(uniqueKeysWithValues: zip(criterionIDs, weights.map { Double(ReportFormat.fixed($0, 9))! })),
            "current_rank1": byRank.first.map { siteIDs[$0].description } ?? "",
            "sampling": [
                "chunk_size": ChunkedSampling.chunkSize,
                "generator": "xoshiro256** per chunk, seeded by SplitMix64(seed, chunk index)",
            ] as [String: Any],
        ]
        if let oat {
            methods.append("oat")
            object["oat"] = ["step": oat.step, "top": oat.top, "grid_points": oat.grid.count,
                             "rescaling": "proportional; equal shares when all other weights are 0",
                             "stability": oat.stability.first?.exact == true ? "exact (line intersections)"
                                                                            : "grid bracketing and bisection to 1e-9"] as [String: Any]
        }
        if let mc = monteCarlo {
            methods.append("montecarlo")
            object["montecarlo"] = ["samples": mc.samples, "seed": mc.seed, "spread": mc.spread, "top": mc.top,
                                    "statistics": mc.statistics.rawValue, "percentiles": "nearest rank",
                                    "exact_rank_band": mc.exactRankBand,
                                    "sites_with_binned_percentiles": mc.sites.filter { !$0.percentilesExact && $0.rankMean != nil }.count]
                as [String: Any]
        }
        if let smaa {
            methods.append("smaa")
            object["smaa"] = ["samples": smaa.samples, "seed": smaa.seed, "top": smaa.top, "ordinal": smaa.ordinal,
                              "weights": smaa.ordinal ? "uniform on the weight-order cell (sorted uniform simplex draw)"
                                                      : "uniform on the simplex (normalised exponentials)",
                              "sites_with_b1": smaa.sites.filter { $0.acceptability.first ?? 0 > 0 }.count] as [String: Any]
        }
        object["methods"] = methods
        // Every value above is a string, number, bool, array or dictionary, so this cannot fail; if it ever did,
        // the error goes up rather than an empty summary.json being written.
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return data + Data("\n".utf8)
    }

    /// `summary.md`: the findings in plain language for a planner.
    func summaryMarkdown() -> String {
        var md = "# Sensitivity of the ranking\n\n"
        guard let firstIndex = byRank.first else { return md + "There are no sites to analyse.\n" }
        let first = name(siteIDs[firstIndex])
        md += "Model: \(modelName), \(siteIDs.count) sites, \(criterionIDs.count) criteria. "
        md += "With the scenario's weights, site **\(first)** is ranked first.\n\n"

        if let oat {
            md += "## Changing one weight at a time\n\n"
            md += "Each weight was moved from 0 to 1 while the other weights kept their ratios.\n\n"
            for s in oat.stability {
                let name = criterionName(s.criterion)
                if s.rank1Low <= 1e-9 && s.rank1High >= 1 - 1e-9 {
                    md += "- Site \(first) stays first whatever the weight of \(name) (now \(ReportFormat.short(s.weight))).\n"
                } else {
                    md += "- Site \(first) stays first while the weight of \(name) stays between \(ReportFormat.short(s.rank1Low)) and \(ReportFormat.short(s.rank1High)) (now \(ReportFormat.short(s.weight))).\n"
                }
            }
            if let critical = oat.stability.min(by: { margin($0) < margin($1) }), margin(critical) < 1 {
                md += "\nThe first place is most sensitive to \(criterionName(critical.criterion)): a change of its weight by \(ReportFormat.short(margin(critical))) changes the winner.\n"
            }
            md += "\nThe set of the top \(oat.top) stays the same while each weight stays in these ranges:\n\n"
            for s in oat.stability {
                md += "- \(criterionName(s.criterion)): \(ReportFormat.short(s.topNLow)) to \(ReportFormat.short(s.topNHigh)) (now \(ReportFormat.short(s.weight)))\n"
            }
            let tipping = oat.tipping.enumerated().filter { $0.element.weightChange != nil }
            let entering = tipping.filter { $0.element.rank > oat.top }
                .sorted { abs($0.element.weightChange!) < abs($1.element.weightChange!) }.prefix(5)
            if !entering.isEmpty {
                md += "\nSites closest to entering the top \(oat.top):\n\n"
                for (_, t) in entering {
                    md += "- Site \(name(t.site)) (rank \(t.rank)) enters if the weight of \(criterionName(t.criterion!)) changes by \(signed(t.weightChange!)).\n"
                }
            }
            let leaving = tipping.filter { $0.element.rank <= oat.top }
                .sorted { abs($0.element.weightChange!) < abs($1.element.weightChange!) }.prefix(5)
            if !leaving.isEmpty {
                md += "\nSites of the top \(oat.top) closest to dropping out:\n\n"
                for (_, t) in leaving {
                    md += "- Site \(name(t.site)) (rank \(t.rank)) drops out if the weight of \(criterionName(t.criterion!)) changes by \(signed(t.weightChange!)).\n"
                }
            }
            md += "\n"
        }
        if let mc = monteCarlo {
            md += "## Monte Carlo (\(mc.samples) draws, each weight varied by up to ±\(ReportFormat.percent(mc.spread)))\n\n"
            let s = mc.sites[firstIndex]
            md += "Site \(first) is first in \(ReportFormat.percent(s.pRank1)) of the draws and in the top \(mc.top) in \(ReportFormat.percent(s.pTopN)).\n"
            if let p05 = s.rankP05, let p95 = s.rankP95 {
                md += p05 == p95 ? "Its rank is \(ReportFormat.rank(p05)) in at least 90 % of the draws.\n"
                    : "Its rank lies between \(ReportFormat.rank(p05)) and \(ReportFormat.rank(p95)) in 90 % of the draws.\n"
            }
            let others = mc.sites.enumerated().filter { $0.offset != firstIndex && $0.element.pRank1 > 0 }
                .sorted { $0.element.pRank1 > $1.element.pRank1 }.prefix(5)
            if !others.isEmpty {
                md += "\nOther sites that came first: " + others.map { "\(name($0.element.site)) (\(ReportFormat.percent($0.element.pRank1)))" }
                    .joined(separator: ", ") + ".\n"
            }
            md += "\n"
        }
        if let smaa {
            let kind = smaa.ordinal ? "drawn among all weights that keep the scenario's order of importance" : "drawn among all possible weights, no preference information"
            md += "## SMAA-2 (\(smaa.samples) weight vectors, \(kind))\n\n"
            let winners = smaa.sites.filter { ($0.acceptability.first ?? 0) > 0 }
                .sorted { $0.acceptability[0] > $1.acceptability[0] }.prefix(5)
            for w in winners {
                md += "- Site \(name(w.site)) is first for \(ReportFormat.percent(w.acceptability[0])) of the weight vectors"
                md += w.confidence == 1 ? "; it is also first with its own central weights.\n" : ".\n"
            }
            md += "\n"
        }
        if let mc = monteCarlo, let smaa,
           let mcWinner = mc.sites.max(by: { ($0.pRank1, $1.site) < ($1.pRank1, $0.site) }),
           let smaaWinner = smaa.sites.max(by: { ($0.acceptability.first ?? 0, $1.site) < ($1.acceptability.first ?? 0, $0.site) }),
           mcWinner.site != smaaWinner.site {
            md += "## Why Monte Carlo and SMAA disagree\n\n"
            md += "Monte Carlo varies *your* weights by up to ±\(ReportFormat.percent(mc.spread)) and finds \(name(mcWinner.site)) first most often; "
            md += "SMAA ignores the weights you chose and asks which site wins under *any* weights"
            md += smaa.ordinal ? " that keep your order of importance" : ""
            md += ", and finds \(name(smaaWinner.site)). Both are right: \(name(mcWinner.site)) wins for weights near yours, "
            md += "\(name(smaaWinner.site)) for a wider range of possible priorities. If the weights are settled, follow Monte Carlo; "
            md += "if they are still being negotiated, SMAA shows which site is the safer choice.\n\n"
        }
        md += "Methods, formulas and references: docs/sensitivity.md.\n"
        return md
    }

    /// Distance from the current weight to the nearest bound of the rank-1 interval (inside [0, 1]).
    private func margin(_ s: StabilityInterval) -> Double {
        min(s.rank1Low > 1e-9 ? s.weight - s.rank1Low : .infinity, s.rank1High < 1 - 1e-9 ? s.rank1High - s.weight : .infinity)
    }

    private func signed(_ v: Double) -> String { (v >= 0 ? "+" : "−") + ReportFormat.fixed(abs(v), 3) }
}
