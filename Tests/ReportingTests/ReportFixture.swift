import Foundation
import GeoCore
import Reporting
import Sensitivity
import SiteScoring

/// The hand-made test town (`Fixtures/town`): six car parks, two chargers, two district polygons, a plan.
enum ReportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/town")
    static let scenarioURL = folder.appendingPathComponent("scenario.yaml")
    static let planURL = folder.appendingPathComponent("plan.geojson")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Loads and scores a scenario file (the `report:` section kept, as `standort report` does).
    static func result(_ url: URL = scenarioURL, method: AggregationMethod? = nil) throws -> ScoringResult {
        let scenario = try ScenarioLoader.load(contentsOf: url, sections: ["plan", "report"])
        var timings = StageTimings()
        return try ScenarioRunner.run(scenario, options: RunOptions(method: method, threads: 1, keepsContextLayers: true), timings: &timings)
    }

    /// The report's HTML for the town.
    static func html(_ language: ReportLanguage = .en, top: Int = 20, plan: Bool = false, sensitivity: SensitivityFindings? = nil) throws -> String {
        let result = try result()
        let options = ReportOptions(language: language, top: top, scenarioPath: "scenario.yaml", version: "9.9.9",
                                    settings: try ReportSettings(result.scenario),
                                    plan: plan ? try NetworkPlan.read(contentsOf: planURL, idField: "site_id") : nil,
                                    sensitivity: sensitivity)
        return try HTMLReport(result: result, options: options).render()
    }

    /// Runs all sensitivity analyses on `result` and writes their files into a new temporary directory, as
    /// `standort sensitivity` does.
    static func sensitivityDirectory(for result: ScoringResult, top: Int = 3) throws -> URL {
        let eligible = result.eligibleIndices
        let problem = try SensitivityProblem(siteIDs: eligible.map { result.siteIDs[$0] }, criterionIDs: result.criteria.map(\.id),
                                             weights: result.weights, model: result.scoringModel())
        let oat = try OneAtATime.run(problem, step: 0.05, top: top)
        let mc = try MonteCarlo.run(problem, samples: 500, seed: 42, spread: 0.25, top: top, threads: 1)
        let smaa = try SMAA.run(problem, samples: 500, seed: 42, top: top, threads: 1)
        let report = SensitivityReport(problem: problem, modelName: result.method.rawValue, oat: oat, monteCarlo: mc, smaa: smaa)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-sens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in try report.files() { try file.contents.write(to: dir.appendingPathComponent(file.name)) }
        return dir
    }
}

extension String {
    /// The number of non-overlapping occurrences of `needle`.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }

    /// The text between the first `start` and the next `end`.
    func between(_ start: String, _ end: String) -> String? {
        guard let a = range(of: start), let b = self[a.upperBound...].range(of: end) else { return nil }
        return String(self[a.upperBound..<b.lowerBound])
    }
}
