import Foundation

/// What a `standort sensitivity` output directory says, read back for the report: its charts (sanitised
/// inline SVG), its summary sentences, and per-site rank statistics from `montecarlo.csv` and `smaa.csv`.
public struct SensitivityFindings: @unchecked Sendable {
    /// One chart: the file's name and its SVG markup, cleaned by ``SVGSanitizer``.
    public struct Chart: Sendable, Hashable {
        public var name: String
        public var svg: String
    }

    /// Monte Carlo rank statistics of one site (`montecarlo.csv`).
    public struct SiteStability: Sendable, Hashable {
        public var site: String
        /// Share of the draws in which the site was first.
        public var pRank1: Double?
        /// Share of the draws in which the site was in the top N.
        public var pTopN: Double?
        /// The 5th and 95th percentile of its rank.
        public var rankP05: Double?
        public var rankP95: Double?
        /// SMAA-2 rank-1 acceptability (`smaa.csv`'s `b1`).
        public var smaaFirst: Double?
    }

    /// `summary.json` as read (method, seed, samples …).
    public var summary: [String: Any]
    /// The charts in the order `standort sensitivity` writes them.
    public var charts: [Chart]
    /// `summary.md` as written (English Markdown).
    public var summaryMarkdown: String?
    /// Per-site statistics by site id (from the CSV files that exist).
    public var sites: [String: SiteStability]
    /// The top-N size of the Monte Carlo run.
    public var monteCarloTop: Int?
    /// Monte Carlo draws.
    public var monteCarloSamples: Int?

    /// The aggregation model the analysis used (`wsm`, …).
    public var model: String? { summary["model"] as? String }
    /// The number of eligible sites analysed.
    public var siteCount: Int? { summary["sites"] as? Int }
    /// The site ranked first at the scenario's weights.
    public var currentFirst: String? { summary["current_rank1"] as? String }
    /// The weights analysed, by criterion id.
    public var weights: [String: Double]? { summary["weights"] as? [String: Double] }

    /// The chart files a sensitivity run writes, in report order.
    public static let chartFiles = ["stability_tornado.svg", "oat_ranks.svg", "smaa_acceptability.svg"]

    /// Reads the directory.
    /// - Throws: ``ReportError`` when it is missing, not a directory, or holds no `summary.json`.
    public static func read(directory url: URL) throws -> SensitivityFindings {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw ReportError(.notFound, path: url.path) }
        guard isDirectory.boolValue else { throw ReportError(.wrongKind(expected: "the directory written by 'standort sensitivity'"), path: url.path) }
        let summaryURL = url.appendingPathComponent("summary.json")
        guard let data = try? Data(contentsOf: summaryURL) else { throw ReportError(.notASensitivityDirectory, path: url.path) }
        guard let summary = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ReportError(.unreadable(detail: "summary.json is not a JSON object"), path: summaryURL.path)
        }
        var charts: [Chart] = []
        for name in chartFiles {
            guard let bytes = try? Data(contentsOf: url.appendingPathComponent(name)) else { continue }
            charts.append(Chart(name: name, svg: SVGSanitizer.clean(String(decoding: bytes, as: UTF8.self))))
        }
        let markdown = (try? Data(contentsOf: url.appendingPathComponent("summary.md"))).map { String(decoding: $0, as: UTF8.self) }

        var sites: [String: SiteStability] = [:]
        if let table = try readCSV(url.appendingPathComponent("montecarlo.csv")) {
            for row in table.rows {
                guard let site = row["site"] else { continue }
                var s = SiteStability(site: site)
                s.pRank1 = row["p_rank1"].flatMap(Double.init)
                s.pTopN = row["p_topn"].flatMap(Double.init)
                s.rankP05 = row["rank_p05"].flatMap(Double.init)
                s.rankP95 = row["rank_p95"].flatMap(Double.init)
                sites[site] = s
            }
        }
        if let table = try readCSV(url.appendingPathComponent("smaa.csv")) {
            for row in table.rows {
                guard let site = row["site"] else { continue }
                var s = sites[site] ?? SiteStability(site: site)
                s.smaaFirst = row["b1"].flatMap(Double.init)
                sites[site] = s
            }
        }
        let mc = summary["montecarlo"] as? [String: Any]
        return SensitivityFindings(summary: summary, charts: charts, summaryMarkdown: markdown, sites: sites,
                                   monteCarloTop: mc?["top"] as? Int, monteCarloSamples: mc?["samples"] as? Int)
    }

    /// A small RFC 4180 reader for the files `standort sensitivity` writes (quoted fields, no line breaks in them).
    static func readCSV(_ url: URL) throws -> (header: [String], rows: [[String: String]])? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let first = lines.first else { return nil }
        let header = fields(first)
        let rows = lines.dropFirst().map { line -> [String: String] in
            Dictionary(zip(header, fields(line)), uniquingKeysWith: { a, _ in a })
        }
        return (header, rows)
    }

    static func fields(_ line: Substring) -> [String] {
        var out: [String] = [], field = "", quoted = false, chars = Array(line), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { out.append(field); field = "" } else { field.append(c) }
            i += 1
        }
        out.append(field)
        return out
    }
}

