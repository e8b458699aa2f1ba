import Foundation
import GeoCore
import SiteScoring

/// The one path every scenario command takes: resolve the scenario (path or shipped name) → load it (with the
/// sections other modules own) → check the output locations before the long work → run with progress on a
/// terminal → print the warnings. `score`, `validate`, `sensitivity` (and every later command) call it.
struct ScenarioPipeline {
    /// Top-level scenario sections owned by modules other than SiteScoring, parsed by their owner.
    static let sections = ScenarioLoader.ownedSections

    let terminal: Terminal
    let scenarioURL: URL
    let scenario: Scenario
    let threads: Int?

    /// Resolves and loads the scenario named by `options`.
    init(_ options: ScenarioOptions) throws {
        terminal = Terminal(quiet: options.quiet)
        scenarioURL = try ShippedScenarios.resolve(options.scenario)
        scenario = try ScenarioLoader.load(contentsOf: scenarioURL, sections: Self.sections)
        threads = options.threads
    }

    /// The worker count for parallel stages.
    var workerCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Checks that each output's directory exists and is writable (so a bad path fails at once, not after the
    /// run), then scores the scenario with a progress bar and prints its warnings.
    func run(method: AggregationMethod? = nil, outputs: [URL] = [], timings: inout StageTimings, printWarnings: Bool = true,
             collectsErrors: Bool = false, keepsContextLayers: Bool = false, keepsWorkingState: Bool = false) throws -> ScoringResult {
        for url in outputs { try AtomicFileWriter.checkDestination(url, protecting: scenario.inputURLs) }
        let options = RunOptions(method: method, threads: threads, progress: terminal.progressReporter(), collectsErrors: collectsErrors,
                                 keepsContextLayers: keepsContextLayers, keepsWorkingState: keepsWorkingState)
        let result = try ScenarioRunner.run(scenario, options: options, timings: &timings)
        terminal.finishProgress()
        if printWarnings { result.warnings.forEach(terminal.warning) }
        return result
    }

    /// `run` without stage timings.
    func run(method: AggregationMethod? = nil, outputs: [URL] = [], printWarnings: Bool = true, collectsErrors: Bool = false,
             keepsContextLayers: Bool = false) throws -> ScoringResult {
        var timings = StageTimings()
        return try run(method: method, outputs: outputs, timings: &timings, printWarnings: printWarnings, collectsErrors: collectsErrors,
                       keepsContextLayers: keepsContextLayers)
    }
}
