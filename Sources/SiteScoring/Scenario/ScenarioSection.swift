import Foundation
import Yams

/// A top-level section of a scenario owned by another module (`plan:` by NetworkPlanning, `report:` by the
/// report writer). SiteScoring keeps it as parsed YAML; the owner reads it through ``SectionNode`` with the
/// same checks (unknown keys with suggestions, types, positions in every error) as the rest of the scenario.
public struct ScenarioSection: @unchecked Sendable {
    /// The section's key (`plan`).
    public let name: String
    /// The section's value.
    public let root: SectionNode
}

/// One node of a scenario section, with typed accessors that throw a ``ScenarioError`` naming file, line and column.
/// (`@unchecked Sendable`: Yams nodes are immutable values once composed.)
public struct SectionNode: @unchecked Sendable {
    let node: Node
    let file: String

    /// 1-based line of the node in the scenario file.
    public var line: Int? { node.mark?.line }
    /// 1-based column of the node in the scenario file.
    public var column: Int? { node.mark?.column }

    private var reader: YAMLReader { YAMLReader(file: file) }

    /// The members of a mapping in document order; a key outside `allowed` is an error with a suggestion.
    public func mapping(_ what: String, allowed: [String]) throws -> [(key: String, value: SectionNode)] {
        var r = reader
        return try r.mapping(node, what, allowed: allowed).map { ($0.key, SectionNode(node: $0.value, file: file)) }
    }

    /// The items of a list.
    public func sequence(_ what: String) throws -> [SectionNode] {
        var r = reader
        return try r.sequence(node, what).map { SectionNode(node: $0, file: file) }
    }

    public func string(_ what: String) throws -> String {
        var r = reader
        return try r.string(node, what)
    }

    public func number(_ what: String) throws -> Double {
        var r = reader
        return try r.number(node, what)
    }

    /// A whole number (`count: 10`).
    public func integer(_ what: String) throws -> Int {
        let x = try number(what)
        guard x == x.rounded(), abs(x) < 1e15 else { throw error(.wrongType(what: what, expected: "a whole number", found: String(x))) }
        return Int(x)
    }

    public func bool(_ what: String) throws -> Bool {
        var r = reader
        return try r.bool(node, what)
    }

    /// A keyword among `choices`; otherwise an error naming the nearest choice.
    public func keyword(_ what: String, choices: [String]) throws -> String {
        var r = reader
        return try r.keyword(node, what, choices: choices)
    }

    /// An error located at this node.
    public func error(_ reason: ScenarioError.Reason) -> ScenarioError {
        reader.error(node, reason)
    }

    /// An error located at this node, described in words.
    public func error(_ message: String) -> ScenarioError {
        reader.error(node, .invalid(message))
    }
}
