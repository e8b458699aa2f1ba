import Yams

extension ScenarioParser {
    static let valueFunctionKeys = ["linear", "threshold", "piecewise", "categories", "gaussian", "min_max"]

    /// `value:` of a criterion: `{linear: [a, b]}`, `{threshold: t}`, `{piecewise: [[x, v], …]}`,
    /// `{categories: {text: v, …}, default: v}`, `{gaussian: {ideal: x0, width: s}}` or `min_max`.
    mutating func valueFunction(_ node: Node, _ what: String) throws -> ValueFunction {
        if node.scalar?.string == "min_max" { return .minMax }
        let members = try reader.mapping(node, "\(what).value", allowed: Self.valueFunctionKeys + ["default"])
        let kinds = members.filter { $0.key != "default" }
        guard kinds.count == 1, let entry = kinds.first else {
            throw reader.error(node, "\(what).value must have exactly one of \(Self.valueFunctionKeys.joined(separator: ", "))")
        }
        let defaultNode = members.first { $0.key == "default" }?.value
        if defaultNode != nil && entry.key != "categories" {
            throw reader.error(defaultNode, "\(what).value: 'default' applies to 'categories' only")
        }
        let function: ValueFunction
        switch entry.key {
        case "linear":
            let bounds = try reader.sequence(entry.value, "\(what).value.linear")
            guard bounds.count == 2 else { throw reader.error(entry.value, "\(what).value.linear must be [a, b]") }
            function = .linear(a: try reader.number(bounds[0], "linear a"), b: try reader.number(bounds[1], "linear b"))
        case "threshold":
            function = .threshold(try reader.number(entry.value, "\(what).value.threshold"))
        case "piecewise":
            var points: [ValueFunction.Point] = []
            for p in try reader.sequence(entry.value, "\(what).value.piecewise") {
                let xv = try reader.sequence(p, "a piecewise point")
                guard xv.count == 2 else { throw reader.error(p, "\(what).value.piecewise points must be [x, v]") }
                points.append(.init(x: try reader.number(xv[0], "piecewise x"), v: try reader.number(xv[1], "piecewise v")))
            }
            function = .piecewise(points)
        case "categories":
            var map: [String: Double] = [:]
            for c in try reader.mapping(entry.value, "\(what).value.categories", allowed: []) {
                map[c.key] = try reader.number(c.value, "\(what).value.categories.\(c.key)")
            }
            let fallback = try defaultNode.map { try reader.number($0, "\(what).value.default") } ?? 0
            function = .categories(map, default: fallback)
        case "gaussian":
            let g = try reader.mapping(entry.value, "\(what).value.gaussian", allowed: ["ideal", "width"])
            guard let ideal = g.first(where: { $0.key == "ideal" }), let width = g.first(where: { $0.key == "width" }) else {
                throw reader.error(entry.value, "\(what).value.gaussian needs 'ideal:' and 'width:'")
            }
            function = .gaussian(ideal: try reader.number(ideal.value, "gaussian ideal"), width: try reader.number(width.value, "gaussian width"))
        default:
            function = .minMax
        }
        do { try function.validate() } catch { throw reader.error(entry.value, "\(what).value: \(error)") }
        return function
    }
}
