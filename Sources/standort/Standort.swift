import ArgumentParser

@main
struct Standort: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standort",
        abstract: "Site selection and charging-infrastructure planning: spatial criteria, MCDA ranking, sensitivity."
    )
}
