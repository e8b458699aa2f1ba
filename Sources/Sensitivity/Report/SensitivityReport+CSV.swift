import Foundation

extension SensitivityReport {
    private func site(_ i: Int) -> String { ReportFormat.csvField(siteIDs[i].description) }

    /// `criterion,weight,site,score,rank`: every grid point, sites in input order.
    func oatCSV(_ oat: OATResult) -> Data {
        var rows: [[String]] = []
        rows.reserveCapacity(oat.grid.count * siteIDs.count)
        for point in oat.grid {
            let criterion = ReportFormat.csvField(criterionIDs[point.criterion])
            let weight = ReportFormat.fixed(point.weight)
            for i in siteIDs.indices {
                rows.append([criterion, weight, site(i), ReportFormat.fixed(point.scores[i]), String(point.ranks[i])])
            }
        }
        return ReportFormat.csv(header: ["criterion", "weight", "site", "score", "rank"], rows: rows)
    }

    /// `criterion,weight,rank1_low,rank1_high,topn_low,topn_high`.
    func stabilityCSV(_ oat: OATResult) -> Data {
        let rows = oat.stability.map { s in
            [ReportFormat.csvField(s.criterion), ReportFormat.fixed(s.weight), ReportFormat.fixed(s.rank1Low),
             ReportFormat.fixed(s.rank1High), ReportFormat.fixed(s.topNLow), ReportFormat.fixed(s.topNHigh)]
        }
        return ReportFormat.csv(header: ["criterion", "weight", "rank1_low", "rank1_high", "topn_low", "topn_high"], rows: rows)
    }

    /// `site,rank,criterion,weight_change,new_rank`, by current rank; empty fields when no single-criterion change tips the site.
    func tippingCSV(_ oat: OATResult) -> Data {
        let rows = byRank.map { i in
            let t = oat.tipping[i]
            return [site(i), String(t.rank), t.criterion.map(ReportFormat.csvField) ?? "",
                    ReportFormat.fixed(t.weightChange), t.newRank.map(String.init) ?? ""]
        }
        return ReportFormat.csv(header: ["site", "rank", "criterion", "weight_change", "new_rank"], rows: rows)
    }

    /// `site,rank_mean,rank_p05,rank_median,rank_p95,p_rank1,p_topn`, by current rank.
    func monteCarloCSV(_ mc: MonteCarloResult) -> Data {
        let rows = byRank.map { i in
            let s = mc.sites[i]
            return [site(i), ReportFormat.fixed(s.rankMean, 4), ReportFormat.rank(s.rankP05), ReportFormat.rank(s.rankMedian),
                    ReportFormat.rank(s.rankP95), ReportFormat.fixed(s.pRank1), ReportFormat.fixed(s.pTopN)]
        }
        return ReportFormat.csv(header: ["site", "rank_mean", "rank_p05", "rank_median", "rank_p95", "p_rank1", "p_topn"], rows: rows)
    }

    /// `site,b1,…,b<top>,confidence,cw_<criterion>…`, by current rank; confidence and central weights empty when b1 = 0.
    func smaaCSV(_ smaa: SMAAResult) -> Data {
        let header = ["site"] + (1...smaa.top).map { "b\($0)" } + ["confidence"] + criterionIDs.map { "cw_" + $0 }
        let rows = byRank.map { i in
            let s = smaa.sites[i]
            let cw = s.centralWeights.map { $0.map { ReportFormat.fixed($0) } } ?? Array(repeating: "", count: criterionIDs.count)
            return [site(i)] + s.acceptability.map { ReportFormat.fixed($0) } + [ReportFormat.fixed(s.confidence)] + cw
        }
        return ReportFormat.csv(header: header, rows: rows)
    }
}
