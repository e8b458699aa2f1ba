import Foundation
import Yams

extension ScenarioParser {
    static let vikorKeys = ["v"]
    static let prometheeKeys = ["function", "p", "q", "max_sites"]

    /// `vikor: {v: 0.5}` and `promethee: {function: vshape, p: 0.3, q: 0.1, max_sites: 20000}`.
    mutating func methodSettings(vikor: Node?, promethee: Node?) throws -> MethodSettings {
        var settings = MethodSettings()
        if let vikor {
            let members = try reader.mapping(vikor, "vikor", allowed: Self.vikorKeys)
            if let v = members.first(where: { $0.key == "v" })?.value {
                let x = try reader.number(v, "vikor.v")
                guard (0...1).contains(x) else { throw reader.error(v, "vikor.v is \(x); it weighs group utility against individual regret and must lie in [0, 1] (0.5 is the usual choice)") }
                settings.vikorV = x
            }
        }
        if let promethee {
            settings.promethee.function = try preferenceFunction(promethee, "promethee", defaults: .usual)
            let members = try reader.mapping(promethee, "promethee", allowed: Self.prometheeKeys)
            if let m = members.first(where: { $0.key == "max_sites" })?.value {
                let x = try reader.number(m, "promethee.max_sites")
                guard x >= 2, x == x.rounded(), x < 1e9 else { throw reader.error(m, "promethee.max_sites must be a whole number of at least 2, not \(x)") }
                settings.promethee.maximumSites = Int(x)
            }
        }
        return settings
    }

    /// A preference function `{function: vshape, p: 0.3}`; thresholds on the value scale [0, 1].
    /// With `defaults` nil (a criterion's own `promethee:`), `function:` is required.
    mutating func preferenceFunction(_ node: Node, _ what: String, defaults: PreferenceFunction?) throws -> PreferenceFunction {
        let allowed = defaults == nil ? ["function", "p", "q"] : Self.prometheeKeys
        let members = try reader.mapping(node, what, allowed: allowed)
        func member(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        let keyword: String
        if let f = member("function") {
            keyword = try reader.keyword(f, "\(what).function", choices: PreferenceFunction.keywords)
        } else if let defaults, member("p") == nil, member("q") == nil {
            return defaults
        } else {
            throw reader.error(node, .missingKey(owner: what, key: "function", hint: PreferenceFunction.keywords.joined(separator: ", ")))
        }
        let q = try member("q").map { try reader.number($0, "\(what).q") }
        let p = try member("p").map { try reader.number($0, "\(what).p") }
        func need(_ value: Double?, _ key: String) throws -> Double {
            guard let value else { throw reader.error(node, .missingKey(owner: "\(what) (\(keyword))", key: key, hint: "a threshold on the value scale 0…1")) }
            return value
        }
        func forbid(_ key: String) throws {
            if let n = member(key) { throw reader.error(n, "\(what): '\(key)' does not apply to the \(keyword) function") }
        }
        let function: PreferenceFunction
        switch keyword {
        case "usual": try forbid("p"); try forbid("q"); function = .usual
        case "ushape": try forbid("p"); function = .ushape(q: try need(q, "q"))
        case "vshape": try forbid("q"); function = .vshape(p: try need(p, "p"))
        case "level": function = .level(q: try need(q, "q"), p: try need(p, "p"))
        default: function = .linear(q: try need(q, "q"), p: try need(p, "p"))
        }
        if let problem = function.problem { throw reader.error(node, "\(what): \(problem)") }
        return function
    }

    /// An AHP judgement: a number or a fraction `1/3` (Saaty's reciprocals), within 1/9 … 9.
    mutating func judgementValue(_ node: Node, _ what: String) throws -> Double {
        if case .scalar(let s) = node, s.string.contains("/") {
            let parts = s.string.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a.isFinite, b.isFinite, b != 0 else {
                throw reader.error(node, .wrongType(what: what, expected: "a number or a fraction such as 1/3", found: s.string))
            }
            let value = a / b
            guard value >= 1.0 / 9 - 1e-12, value <= 9 + 1e-12 else {
                throw reader.error(node, "\(what) is \(s.string); Saaty's scale runs from 1/9 to 9")
            }
            return value
        }
        let value = try reader.number(node, what)
        guard value > 0 else { throw reader.error(node, "\(what): a judgement must be positive (1/9 … 9)") }
        return value
    }
}
