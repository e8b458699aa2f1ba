import ArgumentParser
import Foundation
import SiteScoring

struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the shipped scenarios (run one with `standort score NAME`)."
    )

    func run() throws {
        try reportingErrors {
            let shipped = ShippedScenarios.all()
            guard !shipped.isEmpty else {
                throw CommandError(message: "no shipped scenarios found (looked for GeoData/scenarios; set STANDORT_DATA to the GeoData folder)", status: ExitStatus.noInput)
            }
            let width = shipped.map(\.name.count).max()!
            for (name, url) in shipped {
                let description: String
                do {
                    let s = try ScenarioLoader.load(contentsOf: url)
                    description = s.description ?? s.name
                } catch {
                    description = "(cannot be loaded: \(error))"
                }
                let marker = name == ShippedScenarios.defaultName ? " (default)" : ""
                print("\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(description)\(marker)")
            }
        }
    }
}
