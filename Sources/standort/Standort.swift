import ArgumentParser

@main
struct Standort: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "standort",
        abstract: "Site selection and charging-infrastructure planning: spatial criteria, MCDA ranking, sensitivity.",
        discussion: """
        Scenarios are YAML or JSON files (see docs/scenario.md). SCENARIO may be a file path or the name of a \
        shipped scenario (`standort scenarios` lists them); without it, the default scenario \
        \(ShippedScenarios.defaultName) is used.

        Exit status: 0 success, 64 usage error, 65 bad input data or scenario, 66 input file missing, \
        73 output cannot be created, 74 I/O error while writing.
        """,
        version: version,
        subcommands: [ScoreCommand.self, ValidateCommand.self, ScenariosCommand.self, SensitivityCommand.self, PlanCommand.self, ReportCommand.self, MergeCommand.self],
        defaultSubcommand: nil
    )
}
