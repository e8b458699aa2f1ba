import Foundation
import GeoCore
import Yams

/// Typed access to a composed YAML/JSON document with positions in every error, unknown-key checks
/// with suggestions, and a bound on the number of nodes visited (so alias "billion laughs" documents
/// fail with a clear error instead of exhausting memory or time).
struct YAMLReader {
    let file: String
    /// Nodes still allowed to be visited.
    private var budget: Int

    static let nodeLimit = 100_000

    init(file: String, nodeLimit: Int = YAMLReader.nodeLimit) {
        self.file = file
        self.budget = nodeLimit
    }

    func error(_ node: Node?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    private mutating func visit(_ node: Node) throws {
        budget -= 1
        if budget < 0 {
            throw error(node, "the document expands to more than \(YAMLReader.nodeLimit) nodes (aliases/anchors?); a scenario is never that large")
        }
    }

    /// The members of a mapping, in order, with keys as strings. Unknown keys are an error naming the nearest valid key.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String]) throws -> [(key: String, keyNode: Node, value: Node)] {
        try visit(node)
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(what) must be a mapping (key: value pairs)")
        }
        var members: [(String, Node, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            try visit(k)
            guard let key = k.scalar?.string else { throw error(k, "\(what): keys must be plain text") }
            if !allowed.isEmpty && !allowed.contains(key) {
                throw error(k, "unknown key '\(key)' in \(what)\(NameSuggestion.hint(for: key, in: allowed))")
            }
            if !seen.insert(key).inserted { throw error(k, "duplicate key '\(key)' in \(what)") }
            members.append((key, k, v))
        }
        return members.map { (key: $0.0, keyNode: $0.1, value: $0.2) }
    }

    mutating func sequence(_ node: Node, _ what: String) throws -> [Node] {
        try visit(node)
        guard case .sequence(let seq) = node else { throw error(node, "\(what) must be a list") }
        return Array(seq)
    }

    mutating func string(_ node: Node, _ what: String) throws -> String {
        try visit(node)
        guard case .scalar(let s) = node else { throw error(node, "\(what) must be text") }
        return s.string
    }

    mutating func number(_ node: Node, _ what: String) throws -> Double {
        try visit(node)
        guard case .scalar(let s) = node else { throw error(node, "\(what) must be a number") }
        let text = s.string.trimmingCharacters(in: .whitespaces)
        guard s.style == .plain || s.style == .any, let value = Double(text) else {
            throw error(node, "\(what) must be a number, not '\(s.string)'")
        }
        guard value.isFinite else { throw error(node, "\(what) must be a finite number, not '\(s.string)'") }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) throws -> Bool {
        try visit(node)
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node, "\(what) must be true or false")
        }
    }

    /// A keyword among `choices`; otherwise an error naming the nearest choice.
    mutating func keyword(_ node: Node, _ what: String, choices: [String]) throws -> String {
        let word = try string(node, what)
        guard choices.contains(word) else {
            throw error(node, "unknown \(what) '\(word)'\(NameSuggestion.hint(for: word, in: choices)); choose one of \(choices.joined(separator: ", "))")
        }
        return word
    }
}
