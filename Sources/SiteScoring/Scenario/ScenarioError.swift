import Foundation
import GeoCore

/// A problem with a scenario file: what is wrong (`reason`, a typed case the CLI and tests switch on),
/// where (file, line and column), and, in `description`, what to do.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    /// What is wrong. Payloads carry the names involved, so the message and a suggestion can be rendered
    /// and callers can tell cases apart without reading text.
    public enum Reason: Sendable, Hashable {
        /// The scenario file does not exist.
        case fileNotFound
        /// The path names a directory.
        case notAFile
        /// The file exists but cannot be read.
        case unreadable(String)
        /// The file is larger than any scenario can be.
        case tooLarge(bytes: Int, limit: Int)
        /// The bytes are not UTF-8 text.
        case notUTF8
        /// The document is empty.
        case empty
        /// YAML/JSON syntax error (libyaml's words).
        case syntax(String)
        /// Flow nesting or indentation deeper than any scenario needs.
        case tooDeep(what: String, limit: Int)
        /// Aliases expand to more nodes than any scenario has.
        case tooManyNodes(limit: Int)
        /// A key that is not allowed here (`in` names the mapping).
        case unknownKey(key: String, in: String, allowed: [String])
        /// A key given twice in one mapping.
        case duplicateKey(key: String, in: String)
        /// A value of the wrong YAML kind (`expected`: "a mapping", "a list", "text", "a number", …).
        case wrongType(what: String, expected: String, found: String?)
        /// A keyword outside its choices (method, kind, direction, …).
        case unknownKeyword(what: String, word: String, choices: [String])
        /// A layer reference that names no declared layer.
        case unknownLayer(name: String, owner: String, available: [String])
        /// An AHP judgement (or similar) naming no criterion.
        case unknownCriterion(name: String, owner: String, available: [String])
        /// Two criteria or constraints with the same id.
        case duplicateID(kind: String, id: String)
        /// An entry lacks a key it needs; `hint` says what the key is for.
        case missingKey(owner: String, key: String, hint: String)
        /// A value that breaks a rule of the scenario format; the text says which and what to do.
        case invalid(String)
    }

    /// The scenario file (or the file it refers to).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// What is wrong.
    public var reason: Reason

    public init(_ reason: Reason, file: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
    }

    /// A rule-breaking value described in words (`Reason.invalid`).
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.init(.invalid(message), file: file, line: line, column: column)
    }

    /// The planner-facing message without the location.
    public var message: String {
        switch reason {
        case .fileNotFound: return "no such file"
        case .notAFile: return "is a directory, not a scenario file"
        case .unreadable(let why): return "cannot be read (\(why))"
        case .tooLarge(let bytes, let limit): return "is \(bytes) bytes; a scenario file is at most \(limit) bytes"
        case .notUTF8: return "is not UTF-8 text"
        case .empty: return "is empty; a scenario needs at least candidates and criteria"
        case .syntax(let problem): return "YAML syntax error: \(problem)"
        case .tooDeep(let what, let limit): return "is \(what) more than \(limit)\(what == "indented" ? " spaces" : " levels deep"); a scenario is never nested that deeply"
        case .tooManyNodes(let limit): return "the document expands to more than \(limit) nodes (aliases/anchors?); a scenario is never that large"
        case .unknownKey(let key, let container, let allowed):
            return "unknown key '\(key)' in \(container)\(NameSuggestion.hint(for: key, in: allowed))"
        case .duplicateKey(let key, let container): return "duplicate key '\(key)' in \(container)"
        case .wrongType(let what, let expected, let found):
            return "\(what) must be \(expected)" + (found.map { ", not '\($0)'" } ?? "")
        case .unknownKeyword(let what, let word, let choices):
            return "unknown \(what) '\(word)'\(NameSuggestion.hint(for: word, in: choices)); choose one of \(choices.joined(separator: ", "))"
        case .unknownLayer(let name, let owner, let available):
            return "\(owner) uses unknown layer '\(name)'\(NameSuggestion.hint(for: name, in: available)); declare it under 'layers:'"
        case .unknownCriterion(let name, let owner, let available):
            return "\(owner) names unknown criterion '\(name)'\(NameSuggestion.hint(for: name, in: available))"
        case .duplicateID(let kind, let id): return "duplicate \(kind) id '\(id)'"
        case .missingKey(let owner, let key, let hint): return "\(owner) needs '\(key):'\(hint.isEmpty ? "" : " (\(hint))")"
        case .invalid(let text): return text
        }
    }

    /// The suggested name, for reasons that carry a misspelt one.
    public var suggestion: String? {
        switch reason {
        case .unknownKey(let name, _, let names), .unknownKeyword(_, let name, let names),
             .unknownLayer(let name, _, let names), .unknownCriterion(let name, _, let names):
            NameSuggestion.nearest(to: name, in: names)
        default: nil
        }
    }

    /// `file:line:column: message`, the form editors and compilers use.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line = line, line > 0, let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
