import GeoCore
import SiteScoring

extension SensitivityReport {
    /// Per-site properties for `sensitivity.geojson`, to merge into the ranked features:
    /// `rank_mean`, `rank_p05`, `rank_median`, `rank_p95`, `p_rank1`, `p_topN` (Monte Carlo) and
    /// `smaa_b1` … `smaa_b<top>` (SMAA), for the methods that were run. Values are numbers (null when a
    /// statistic was not recorded).
    public func siteProperties() -> [SiteID: JSONObject] {
        var result: [SiteID: JSONObject] = [:]
        for i in siteIDs.indices {
            var object = JSONObject()
            if let mc = monteCarlo {
                let s = mc.sites[i]
                func number(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }
                object["rank_mean"] = number(s.rankMean)
                object["rank_p05"] = number(s.rankP05)
                object["rank_median"] = number(s.rankMedian)
                object["rank_p95"] = number(s.rankP95)
                object["p_rank1"] = .number(s.pRank1)
                object["p_topN"] = .number(s.pTopN)
            }
            if let smaa {
                for (r, b) in smaa.sites[i].acceptability.enumerated() { object["smaa_b\(r + 1)"] = .number(b) }
            }
            result[siteIDs[i]] = object
        }
        return result
    }
}
