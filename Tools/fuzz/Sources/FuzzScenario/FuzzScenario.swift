import Foundation
import FuzzSupport
import SiteScoring

/// Fuzz target: `ScenarioLoader.parse` on arbitrary UTF-8 text must return a scenario or throw a
/// `ScenarioError` (anything else would reach the planner as an unexplained message).
@main
struct FuzzScenario {
    static func main() {
        let base = URL(fileURLWithPath: "/nonexistent-fuzz-base")
        FuzzDriver.main { raw in
            guard let text = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else { return "not UTF-8" }
            do {
                let scenario = try ScenarioLoader.parse(text, file: "fuzz.yaml", baseDirectory: base)
                precondition(!scenario.criteria.isEmpty, "a scenario without criteria was accepted")
                return "ok"
            } catch let error as ScenarioError {
                precondition(!error.message.isEmpty, "empty error message")
                // Group by the message's first words (the rest names keys and values).
                return error.message.split(separator: " ").prefix(3).joined(separator: " ")
            } catch {
                preconditionFailure("ScenarioLoader threw \(type(of: error)), not ScenarioError: \(error)")
            }
        }
    }
}
