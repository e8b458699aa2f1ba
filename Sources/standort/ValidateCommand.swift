import ArgumentParser
import Foundation
import GeoCore
import NetworkPlanning
import Reporting
import SiteScoring

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load a scenario and everything it reads; report layers, criterion ranges and problems.",
        discussion: "Exits non-zero on any error; warnings do not change the exit status."
    )

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        try reportingErrors {
            let pipeline = try ScenarioPipeline(options)
            let (terminal, url, scenario) = (pipeline.terminal, pipeline.scenarioURL, pipeline.scenario)
            let result = try pipeline.run(printWarnings: false, collectsErrors: true, keepsContextLayers: true)

            print("scenario: \(scenario.name) (\(url.path))")
            print("method: \(result.method.rawValue), working CRS: \(result.workingCRS)")
            for layer in result.layers {
                let types = layer.geometryTypes.map { "\($0.type) \($0.count)" }.joined(separator: ", ")
                let box = layer.lonLatBox.map { String(format: "lon %.5f…%.5f, lat %.5f…%.5f", $0.minX, $0.maxX, $0.minY, $0.maxY) } ?? "empty"
                let outside = layer.outsideScenarioFolder ? "; read from outside the scenario's folder: \(layer.path)" : ""
                print("layer \(layer.name): \(layer.featureCount) features (\(types)); CRS \(layer.crs); \(box)\(outside)")
                if layer.featureCount == 0 { terminal.warning("layer '\(layer.name)' (\(layer.path)) is empty") }
            }
            for (j, column) in result.criteria.enumerated() {
                let c = column.criterion
                let range: String
                if let text = column.text {
                    let distinct = Set(text.compactMap { $0 }).sorted()
                    range = "values " + distinct.prefix(8).joined(separator: ", ") + (distinct.count > 8 ? ", …" : "")
                } else {
                    let finite = column.raw.filter(\.isFinite)
                    range = finite.isEmpty ? "no values" : "raw \(format(finite.min()!)) … \(format(finite.max()!))"
                }
                print("criterion \(c.id) (\(c.kind.keyword), \(c.direction.rawValue), weight \(String(format: "%.4f", result.weights[j]))): \(range)")
            }
            _ = try ReportSettings(scenario)  // the report: section resolves (keys, types)
            if let plan = try PlanSpecification.from(scenario) {
                let s = plan.settings
                print("plan: \(s.model.rawValue), count \(s.count)" + (s.radius.map { ", radius \(Int($0)) m" } ?? "")
                      + ", demand \(plan.demandLayer)" + (plan.demandWeight.map { " (weight \($0))" } ?? "")
                      + (plan.existingLayer.map { ", existing \($0)" } ?? "") + ", solver \(s.solver.rawValue)")
                _ = try ScenarioPlan(result: result, specification: plan)  // fields and values resolve
            }
            if let ahp = result.ahp {
                print(String(format: "AHP: λmax %.4f, CI %.4f, RI %.2f, CR %.4f", ahp.lambdaMax, ahp.ci, ahp.ri, ahp.cr))
            }
            print("sites: \(result.siteIDs.count), eligible: \(result.eligibleIndices.count)" +
                  (result.exclusionCounts.isEmpty ? "" : "; excluded by " + result.exclusionCounts.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")))
            result.warnings.forEach(terminal.warning)
            if result.eligibleIndices.isEmpty && !result.siteIDs.isEmpty {
                throw CommandError(message: "\(url.path): no site is eligible: every one is excluded by the constraints or lacks an attribute (see the counts above); loosen a constraint or fix the data",
                                   status: ExitStatus.dataError)
            }
            print("ok")
        }
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e12 ? String(Int64(x)) : String(format: "%.2f", x)
    }
}
