import ArgumentParser
import Foundation
import GeoCore
import NetworkPlanning
import SiteScoring

extension PlanModel: ExpressibleByArgument {}
extension SolverChoice: ExpressibleByArgument {}

/// `standort plan`: which combination of eligible sites serves the demand best, around the existing facilities.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Choose where K new sites serve the most demand around the existing ones (MCLP, p-median, set cover).",
        discussion: """
        Reads the scenario's `plan:` section (docs/planning.md); every key can be overridden here. Candidates are the \
        scenario's eligible sites with their scores. Writes the candidates with plan_selected, plan_order, \
        plan_marginal, plan_covered (GeoJSON or CSV by the --out extension), an SVG map beside it (PLAN.map.svg), \
        and with --sweep the coverage curve (PLAN.sweep.csv, PLAN.sweep.svg).
        Example: standort plan germany-fast-charging-gaps --count 50 --radius 25000 --out plan.geojson
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .shortAndLong, help: "The plan output (.geojson or .csv).")
    var out: String = "plan.geojson"

    @Option(help: "The model (default: the scenario's plan.model).")
    var model: PlanModel?

    @Option(help: "K: new sites to choose (mclp, pmedian).")
    var count: Int?

    @Option(help: "Coverage radius in metres (mclp, setcover).")
    var radius: Double?

    @Option(help: "Set cover: share of demand to cover (0 < target ≤ 1).")
    var target: Double?

    @Option(name: .customLong("min-spacing"), help: "Metres: no two new sites closer than this.")
    var minSpacing: Double?

    @Option(help: "auto, heuristic or exact (CBC).")
    var solver: SolverChoice?

    @Option(name: .customLong("time-limit"), help: "Seconds the exact solver may run before it returns its best plan and bound.")
    var timeLimit: Double?

    @Option(help: "Aggregation method for the site scores (default: the scenario's).")
    var method: AggregationMethod?

    @Option(help: "The coverage curve for K in a range, e.g. 1..20: PLAN.sweep.csv and PLAN.sweep.svg.")
    var sweep: String?

    @Option(name: .customLong("demand-out"), help: "Write every demand point with served_by and distance_m (.geojson or .csv).")
    var demandOut: String?

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let radius, !(radius > 0) { throw ValidationError("--radius must be greater than 0 metres") }
        if let target, !(target > 0 && target <= 1) { throw ValidationError("--target must be in (0, 1]") }
        if let minSpacing, !(minSpacing >= 0) { throw ValidationError("--min-spacing must be 0 or more metres") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be greater than 0 seconds") }
        if let sweep { _ = try Self.range(sweep) }
    }

    static func range(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 1, b >= a else {
            throw ValidationError("--sweep must be a range like 1..20 (1 ≤ first ≤ last), not '\(text)'")
        }
        return a...b
    }

    func run() throws {
        try reportingErrors {
            let pipeline = try ScenarioPipeline(options)
            guard var spec = try PlanSpecification.from(pipeline.scenario) else {
                throw CommandError(message: "\(pipeline.scenarioURL.path): the scenario has no 'plan:' section; add one, e.g. plan: {model: mclp, count: 10, radius: 10000, demand: {layer: LAYER, weight: FIELD}} (docs/planning.md)",
                                   status: ExitStatus.dataError)
            }
            spec = spec.applying(.init(model: model, count: count, radius: radius, target: target, minSpacing: minSpacing,
                                       solver: solver, timeLimit: timeLimit))
            spec.settings.threads = options.threads
            let outURL = URL(fileURLWithPath: out)
            let stem = outURL.deletingPathExtension()
            let mapURL = URL(fileURLWithPath: stem.path + ".map.svg")
            let sweepURLs = sweep.map { _ in (URL(fileURLWithPath: stem.path + ".sweep.csv"), URL(fileURLWithPath: stem.path + ".sweep.svg")) }
            let demandURL = demandOut.map { URL(fileURLWithPath: $0) }
            var outputs = [outURL, mapURL] + (demandURL.map { [$0] } ?? [])
            if let (csv, svg) = sweepURLs { outputs += [csv, svg] }
            for url in [outURL] + (demandURL.map { [$0] } ?? []) where !["geojson", "json", "csv", ""].contains(url.pathExtension.lowercased()) {
                throw LayerFormatError(.unsupportedOutput(extension: url.pathExtension.lowercased(), supported: ["geojson", "json", "csv"], hint: "plans are written as GeoJSON or CSV"), file: url.path)
            }

            let result = try pipeline.run(method: method, outputs: outputs, keepsContextLayers: true)
            let plan = try ScenarioPlan(result: result, specification: spec)
            let planResult: PlanResult
            do { planResult = try Planner.plan(plan.problem) } catch let error as PlanningError {
                // Name the scenario and the key, so the planner knows where to change what.
                throw CommandError(message: "\(pipeline.scenarioURL.path): \(error.description)", status: describe(error).1)
            }
            let inputs = pipeline.scenario.inputURLs
            let writer = AtomicFileWriter()
            let collection = try plan.candidateCollection(result, planResult, scenarioPath: pipeline.scenarioURL.path, version: Standort.version)
            try writer.write(try collection.encodedForPlan(outURL), to: outURL, protecting: inputs)
            try writer.write(Array(PlanMap.svg(plan.problem, planResult).utf8), to: mapURL, protecting: inputs)
            if let demandURL {
                try writer.write(try plan.demandCollection(result, planResult).encodedForPlan(demandURL), to: demandURL, protecting: inputs)
            }
            var curve: CoverageCurve?
            if let sweep, let (csvURL, svgURL) = sweepURLs {
                curve = try Planner.sweep(plan.problem, counts: try Self.range(sweep))
                try writer.write(Array(curve!.csv.utf8), to: csvURL, protecting: inputs)
                try writer.write(Array(curve!.svg().utf8), to: svgURL, protecting: inputs)
            }
            if !options.quiet {
                print(PlanTable.render(plan, planResult, result: result))
                for url in outputs { pipeline.terminal.info("wrote \(url.path)") }
            }
        }
    }
}
