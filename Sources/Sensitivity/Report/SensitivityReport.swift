import Foundation
import SiteScoring

/// Everything a sensitivity run produced, turned into report files (CSV, JSON, Markdown, SVG) and
/// per-site GeoJSON properties. The CLI writes the files; this type only builds their contents.
public struct SensitivityReport: Sendable {
    public let siteIDs: [SiteID]
    public let criterionIDs: [String]
    public let weights: [Double]
    /// Ranks at the scenario's weights.
    public let currentRanks: [Int]
    /// A short name of the aggregation ("wsm", "topsis") for the summaries.
    public let modelName: String
    public let oat: OATResult?
    public let monteCarlo: MonteCarloResult?
    public let smaa: SMAAResult?
    /// Names of sites for people (from the scenario's `label_field` or `name`), by id.
    public let siteLabels: [SiteID: String]
    /// Criterion labels (the scenario's `label:`), by criterion id.
    public let criterionLabels: [String: String]
    /// Site indices by current rank.
    let byRank: [Int]

    public init(problem: SensitivityProblem, modelName: String, oat: OATResult? = nil,
                monteCarlo: MonteCarloResult? = nil, smaa: SMAAResult? = nil,
                siteLabels: [SiteID: String] = [:], criterionLabels: [String: String] = [:]) {
        self.siteLabels = siteLabels
        self.criterionLabels = criterionLabels
        siteIDs = problem.siteIDs
        criterionIDs = problem.criterionIDs
        weights = problem.weights
        currentRanks = oat?.currentRanks ?? problem.currentRanks()
        self.modelName = modelName
        self.oat = oat
        self.monteCarlo = monteCarlo
        self.smaa = smaa
        var order = [Int](repeating: 0, count: currentRanks.count)
        for (i, r) in currentRanks.enumerated() { order[r - 1] = i }
        byRank = order
    }

    /// All report files for the methods that were run, in a fixed order:
    /// `oat.csv`, `stability.csv`, `tipping.csv`, `montecarlo.csv`, `smaa.csv`, `summary.json`, `summary.md`,
    /// `stability_tornado.svg`, `oat_ranks.svg`, `smaa_acceptability.svg`.
    public func files() throws -> [(name: String, contents: Data)] {
        var files: [(name: String, contents: Data)] = []
        if let oat {
            files.append(("oat.csv", oatCSV(oat)))
            files.append(("stability.csv", stabilityCSV(oat)))
            files.append(("tipping.csv", tippingCSV(oat)))
        }
        if let monteCarlo { files.append(("montecarlo.csv", monteCarloCSV(monteCarlo))) }
        if let smaa { files.append(("smaa.csv", smaaCSV(smaa))) }
        files.append(("summary.json", try summaryJSON()))
        files.append(("summary.md", Data(summaryMarkdown().utf8)))
        if let oat {
            files.append(("stability_tornado.svg", tornadoChart(oat)))
            files.append(("oat_ranks.svg", oatRankChart(oat)))
        }
        if let smaa { files.append(("smaa_acceptability.svg", acceptabilityChart(smaa))) }
        return files
    }
}

extension SensitivityReport {
    /// "id (name)" for summaries and charts; the id alone when the site has no name.
    func name(_ id: SiteID) -> String {
        guard let label = siteLabels[id], label != id.description else { return id.description }
        return "\(id) (\(label))"
    }

    /// "`id` (label)" for a criterion in summaries.
    func criterionName(_ id: String) -> String {
        criterionLabels[id].map { "`\(id)` (\($0))" } ?? "`\(id)`"
    }
}
