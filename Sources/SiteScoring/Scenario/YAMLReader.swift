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

    func error(_ node: Node?, _ reason: ScenarioError.Reason) -> ScenarioError {
        ScenarioError(reason, file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    /// A rule-breaking value described in words (`ScenarioError.Reason.invalid`).
    func error(_ node: Node?, _ message: String) -> ScenarioError {
        error(node, .invalid(message))
    }

    private mutating func visit(_ node: Node) throws {
        budget -= 1
        if budget < 0 {
            throw error(node, .tooManyNodes(limit: YAMLReader.nodeLimit))
        }
    }

    /// The members of a mapping, in order, with keys as strings. Unknown keys are an error naming the nearest valid key.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String]) throws -> [(key: String, keyNode: Node, value: Node)] {
        try visit(node)
        guard case .mapping(let mapping) = node else {
            throw error(node, .wrongType(what: what, expected: "a mapping (key: value pairs)", found: nil))
        }
        var members: [(String, Node, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            try visit(k)
            guard let key = k.scalar?.string else { throw error(k, "\(what): keys must be plain text") }
            if !allowed.isEmpty && !allowed.contains(key) {
                throw error(k, .unknownKey(key: key, in: what, allowed: allowed))
            }
            if !seen.insert(key).inserted { throw error(k, .duplicateKey(key: key, in: what)) }
            members.append((key, k, v))
        }
        return members.map { (key: $0.0, keyNode: $0.1, value: $0.2) }
    }

    mutating func sequence(_ node: Node, _ what: String) throws -> [Node] {
        try visit(node)
        guard case .sequence(let seq) = node else { throw error(node, .wrongType(what: what, expected: "a list", found: nil)) }
        return Array(seq)
    }

    mutating func string(_ node: Node, _ what: String) throws -> String {
        try visit(node)
        guard case .scalar(let s) = node else { throw error(node, .wrongType(what: what, expected: "text", found: nil)) }
        return s.string
    }

    mutating func number(_ node: Node, _ what: String) throws -> Double {
        try visit(node)
        guard case .scalar(let s) = node else { throw error(node, .wrongType(what: what, expected: "a number", found: nil)) }
        let text = s.string.trimmingCharacters(in: .whitespaces)
        guard s.style == .plain || s.style == .any, let value = Double(text) else {
            throw error(node, .wrongType(what: what, expected: "a number", found: s.string))
        }
        guard value.isFinite else { throw error(node, .wrongType(what: what, expected: "a finite number", found: s.string)) }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) throws -> Bool {
        try visit(node)
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node, .wrongType(what: what, expected: "true or false", found: nil))
        }
    }

    /// A keyword among `choices`; otherwise an error naming the nearest choice.
    mutating func keyword(_ node: Node, _ what: String, choices: [String]) throws -> String {
        let word = try string(node, what)
        guard choices.contains(word) else {
            throw error(node, .unknownKeyword(what: what, word: word, choices: choices))
        }
        return word
    }
}
