import Foundation
import GeoCore
import Yams

/// Loads a scenario from YAML or JSON (the same structure; JSON is read as YAML) and checks it:
/// every problem is a `ScenarioError` naming the file, line and column, with a hint.
/// Paths in the scenario are relative to the scenario file.
public enum ScenarioLoader {
    /// The largest scenario file accepted: scenarios are small; anything bigger is not one.
    public static let maximumFileSize = 4 << 20

    static let topLevelKeys = [
        "name", "description", "crs", "method", "candidates", "layers", "criteria", "constraints",
        "ahp", "ahp_method", "ahp_max_cr", "ahp_group", "vikor", "promethee", "csv_dialect", "label_field",
    ]
    static let layerKeys = ["path", "x", "y", "crs", "layer", "outliers"]
    static let candidateKeys = ["path", "id", "x", "y", "crs", "layer", "outliers"]
    static let criterionKeys = ["id", "label", "kind", "layer", "field", "radius", "direction", "weight", "value", "promethee"]
    static let constraintKeys = ["id", "kind", "layer", "field", "min", "max"]
    static let criterionKinds = ["distance", "count_within", "sum_within", "inside", "attribute", "area"]
    static let constraintKinds = ["distance", "attribute", "inside", "outside"]
    /// Property names the output writes itself; a criterion id may not take them.
    static let reservedIDs: Set<String> = ["rank", "score", "excluded", "excluded_by", "lon", "lat", "vikor_s", "vikor_r", "vikor_q", "phi_plus", "phi_minus"]

    /// The top-level sections other modules own: `plan` (NetworkPlanning) and `report` (Reporting). SiteScoring
    /// knows their names, not their contents.
    public static let ownedSections = ["plan", "report"]

    /// Reads and checks the scenario file at `url`. `sections` are the top-level keys other modules own: they are
    /// kept unparsed in `Scenario.sections` for their owner.
    public static func load(contentsOf url: URL, sections: [String] = ownedSections) throws -> Scenario {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(.fileNotFound, file: path)
        }
        guard !isDirectory.boolValue else { throw ScenarioError(.notAFile, file: path) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScenarioError(.unreadable(error.localizedDescription), file: path)
        }
        guard data.count <= maximumFileSize else {
            throw ScenarioError(.tooLarge(bytes: data.count, limit: maximumFileSize), file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(.notUTF8, file: path)
        }
        var scenario = try parse(text, file: path, baseDirectory: url.deletingLastPathComponent(), sections: sections)
        scenario.sourceSHA256 = SHA256.hex(of: data)
        return scenario
    }

    /// Parses scenario text; relative paths resolve against `baseDirectory`.
    public static func parse(_ text: String, file: String, baseDirectory: URL, sections: [String] = ownedSections) throws -> Scenario {
        try checkNesting(text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError(.empty, file: file)
            }
            root = node
        } catch let error as YamlError {
            throw yamlSyntaxError(error, file: file)
        }
        var parser = ScenarioParser(reader: YAMLReader(file: file), baseDirectory: baseDirectory, sectionNames: sections)
        var scenario = try parser.scenario(root)
        scenario.sourceURL = URL(fileURLWithPath: file)
        return scenario
    }

    /// The deepest nesting a scenario may have; deeper documents are refused before the recursive composer sees them.
    static let maximumNesting = 64

    /// Refuses absurdly deep flow nesting (`[[[[…`) or indentation, which no scenario needs and which could
    /// exhaust the stack of a recursive parser.
    static func checkNesting(_ text: String, file: String) throws {
        var depth = 0, line = 1, column = 0, indent = 0, atLineStart = true
        var quote: UInt8? = nil
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") { line += 1; column = 0; indent = 0; atLineStart = true; quote = nil; continue }
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    indent += 1
                    if indent > maximumNesting * 4 {
                        throw ScenarioError(.tooDeep(what: "indented", limit: maximumNesting * 4), file: file, line: line, column: column)
                    }
                    continue
                }
                atLineStart = false
            }
            if let q = quote { if byte == q { quote = nil }; continue }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "#"): quote = UInt8(ascii: "\n")  // a comment runs to the end of the line
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumNesting {
                    throw ScenarioError(.tooDeep(what: "nested", limit: maximumNesting), file: file, line: line, column: column)
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
    }

    static func yamlSyntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ScenarioError(.syntax(problem), file: file, line: mark.line, column: mark.column)
        case .reader(let problem, let offset, let value, let yaml):
            // libyaml's reader reports a byte offset, not a mark; turn it into line:column like the other cases.
            let prefix = yaml.utf8.prefix(max(0, offset ?? 0))
            let line = prefix.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let column = String(decoding: prefix.reversed().prefix { $0 != UInt8(ascii: "\n") }.reversed(), as: UTF8.self).count + 1
            let character = value >= 0 ? String(format: " (character U+%04X)", value) : ""
            return ScenarioError(.syntax("\(problem)\(character)"), file: file, line: offset == nil ? nil : line, column: offset == nil ? nil : column)
        default:
            return ScenarioError(.syntax("\(error)"), file: file)
        }
    }
}

/// The recursive-descent reading of a composed scenario document.
struct ScenarioParser {
    var reader: YAMLReader
    let baseDirectory: URL
    /// Top-level keys owned by other modules.
    var sectionNames: [String] = []

    mutating func scenario(_ root: Node) throws -> Scenario {
        let members = try reader.mapping(root, "the scenario", allowed: ScenarioLoader.topLevelKeys + sectionNames)
        func member(_ key: String) -> Node? { members.first { $0.key == key }?.value }

        let name = try member("name").map { try reader.string($0, "name") } ?? baseDirectory.lastPathComponent
        let description = try member("description").map { try reader.string($0, "description") }
        let workingCRS: WorkingCRS = try member("crs").map { node in
            let text = try reader.string(node, "crs")
            return text.lowercased() == "auto" ? .auto : .explicit(CRS(text))
        } ?? .auto
        let method = try member("method").map {
            AggregationMethod(rawValue: try reader.keyword($0, "method", choices: AggregationMethod.allCases.map(\.rawValue)))!
        } ?? .wsm

        guard let candidatesNode = member("candidates") else {
            throw reader.error(root, "the scenario has no 'candidates:' (the sites to rank)")
        }
        let candidates = try candidateSource(candidatesNode)

        var layers: [LayerSource] = []
        if let layersNode = member("layers") {
            for entry in try reader.mapping(layersNode, "layers", allowed: []) {
                if entry.key == "candidates" { throw reader.error(entry.keyNode, "'candidates' is reserved for the candidate layer; rename this layer") }
                layers.append(try layerSource(entry.value, name: entry.key, allowed: ScenarioLoader.layerKeys).layer)
            }
        }
        let layerNames = layers.map(\.name)

        guard let criteriaNode = member("criteria") else {
            throw reader.error(root, "the scenario has no 'criteria:'")
        }
        var criteria: [(Criterion, Node)] = []
        for node in try reader.sequence(criteriaNode, "criteria") {
            let c = try criterion(node, layers: layerNames)
            if criteria.contains(where: { $0.0.id == c.id }) { throw reader.error(node, .duplicateID(kind: "criterion", id: c.id)) }
            criteria.append((c, node))
        }
        guard !criteria.isEmpty else { throw reader.error(criteriaNode, "'criteria' is empty; a scenario needs at least one criterion") }

        var constraints: [Constraint] = []
        if let node = member("constraints") {
            for entry in try reader.sequence(node, "constraints") {
                let c = try constraint(entry, layers: layerNames)
                if constraints.contains(where: { $0.id == c.id }) { throw reader.error(entry, .duplicateID(kind: "constraint", id: c.id)) }
                constraints.append(c)
            }
        }

        let weighting = try self.weighting(members: members, criteria: criteria, root: root)
        var settings = try methodSettings(vikor: member("vikor"), promethee: member("promethee"))
        for (c, node) in criteria {
            let entry = try reader.mapping(node, "criterion '\(c.id)'", allowed: ScenarioLoader.criterionKeys)
            if let p = entry.first(where: { $0.key == "promethee" }) {
                settings.promethee.perCriterion[c.id] = try preferenceFunction(p.value, "criterion '\(c.id)'.promethee", defaults: nil)
            }
        }
        let csvDialect = try member("csv_dialect").map {
            CSVDialect(rawValue: try reader.keyword($0, "csv_dialect", choices: CSVDialect.allCases.map(\.rawValue)))!
        } ?? .en
        var sections: [String: ScenarioSection] = [:]
        for name in sectionNames {
            if let node = member(name) { sections[name] = ScenarioSection(name: name, root: SectionNode(node: node, file: reader.file)) }
        }
        var scenario = Scenario(
            name: name, description: description, workingCRS: workingCRS, method: method, candidates: candidates,
            layers: layers, criteria: criteria.map(\.0), constraints: constraints, weighting: weighting,
            methodSettings: settings, sections: sections
        )
        scenario.csvDialect = csvDialect
        scenario.labelField = try member("label_field").map { try reader.string($0, "label_field") }
        return scenario
    }

    mutating func candidateSource(_ node: Node) throws -> CandidateSource {
        let (layer, members) = try layerSource(node, name: "candidates", allowed: ScenarioLoader.candidateKeys)
        let id = try members.first { $0.key == "id" }.map { try reader.string($0.value, "candidates.id") }
        return CandidateSource(layer: layer, idField: id)
    }

    mutating func layerSource(_ node: Node, name: String, allowed: [String]) throws -> (layer: LayerSource, members: [(key: String, keyNode: Node, value: Node)]) {
        let what = name == "candidates" ? "candidates" : "layer '\(name)'"
        let members = try reader.mapping(node, what, allowed: allowed)
        func member(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        guard let pathNode = member("path") else { throw reader.error(node, "\(what) has no 'path:'") }
        let path = try reader.string(pathNode, "\(what).path")
        guard !path.isEmpty else { throw reader.error(pathNode, "\(what).path is empty") }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path).standardizedFileURL
        let x = try member("x").map { try reader.string($0, "\(what).x") }
        let y = try member("y").map { try reader.string($0, "\(what).y") }
        if (x == nil) != (y == nil) { throw reader.error(node, "\(what): give both 'x:' and 'y:' coordinate columns, or neither") }
        let crs = try member("crs").map { CRS(try reader.string($0, "\(what).crs")) }
        let table = try member("layer").map { try reader.string($0, "\(what).layer") }
        var layer = LayerSource(name: name, url: url, path: path, xColumn: x, yColumn: y, crs: crs, table: table)
        if let o = member("outliers") {
            layer.outliers = OutlierPolicy(rawValue: try reader.keyword(o, "\(what).outliers", choices: OutlierPolicy.allCases.map(\.rawValue)))!
        }
        return (layer, members)
    }

    /// The common head of a criterion or constraint entry: its members (keys checked), a valid `id`, the
    /// `what` used in messages ("criterion 'x'") and its `kind` keyword.
    mutating func entry(_ node: Node, _ noun: String, keys: [String], kinds: [String]) throws
        -> (members: [(key: String, keyNode: Node, value: Node)], id: String, what: String, kind: String) {
        let members = try reader.mapping(node, "a \(noun)", allowed: keys)
        func member(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        guard let idNode = member("id") else { throw reader.error(node, "a \(noun) has no 'id:'") }
        let id = try reader.string(idNode, "\(noun) id")
        try checkIdentifier(id, node: idNode, what: "\(noun) id")
        let what = "\(noun) '\(id)'"
        guard let kindNode = member("kind") else { throw reader.error(node, "\(what) has no 'kind:' (one of \(kinds.joined(separator: ", ")))") }
        return (members, id, what, try reader.keyword(kindNode, "\(noun) kind", choices: kinds))
    }

    mutating func criterion(_ node: Node, layers: [String]) throws -> Criterion {
        let (members, id, what, kindWord) = try entry(node, "criterion", keys: ScenarioLoader.criterionKeys, kinds: ScenarioLoader.criterionKinds)
        func member(_ key: String) -> Node? { members.first { $0.key == key }?.value }

        let kind: Criterion.Kind
        switch kindWord {
        case "distance": kind = .distance(layer: try layerReference(member("layer"), node, what, layers))
        case "count_within":
            kind = .countWithin(layer: try layerReference(member("layer"), node, what, layers), radius: try radius(member("radius"), node, what))
        case "sum_within":
            let layer = try layerReference(member("layer"), node, what, layers)
            guard let fieldNode = member("field") else { throw reader.error(node, "\(what) (sum_within) needs 'field:', the property to sum") }
            kind = .sumWithin(layer: layer, field: try reader.string(fieldNode, "\(what).field"), radius: try radius(member("radius"), node, what))
        case "inside": kind = .inside(layer: try layerReference(member("layer"), node, what, layers))
        case "attribute":
            guard let fieldNode = member("field") else { throw reader.error(node, "\(what) (attribute) needs 'field:', the candidate property") }
            kind = .attribute(field: try reader.string(fieldNode, "\(what).field"))
        default: kind = .area
        }
        for key in ["layer", "field", "radius"] where member(key) != nil {
            let uses = switch (key, kind) {
            case ("layer", _): kind.layer != nil
            case ("field", .sumWithin), ("field", .attribute): true
            case ("radius", .countWithin), ("radius", .sumWithin): true
            default: false
            }
            if !uses { throw reader.error(member(key), "\(what): '\(key)' does not apply to kind '\(kindWord)'") }
        }

        let value = try member("value").map { try valueFunction($0, what) }
        let direction: Direction
        if let d = member("direction") {
            direction = Direction(rawValue: try reader.keyword(d, "direction", choices: Direction.allCases.map(\.rawValue)))!
            if let value, let conflict = value.conflict(with: direction) {
                throw reader.error(d, "\(what): \(conflict)")
            }
        } else if let value, value.ignoresDirection {
            direction = .benefit
        } else {
            throw reader.error(node, .missingKey(owner: what, key: "direction", hint: "benefit: larger is better, cost: smaller is better"))
        }
        var weight: Double?
        if let w = member("weight") {
            let v = try reader.number(w, "\(what).weight")
            guard v >= 0 else { throw reader.error(w, "\(what).weight is \(v); weights must be zero or positive") }
            weight = v
        }
        let label = try member("label").map { try reader.string($0, "\(what).label") }
        return Criterion(id: id, label: label, kind: kind, direction: direction, weight: weight, value: value)
    }

    mutating func constraint(_ node: Node, layers: [String]) throws -> Constraint {
        let (members, id, what, kindWord) = try entry(node, "constraint", keys: ScenarioLoader.constraintKeys, kinds: ScenarioLoader.constraintKinds)
        func member(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        let min = try member("min").map { try reader.number($0, "\(what).min") }
        let max = try member("max").map { try reader.number($0, "\(what).max") }
        let needsBound = kindWord == "distance" || kindWord == "attribute"
        if needsBound && min == nil && max == nil { throw reader.error(node, "\(what) needs 'min:' or 'max:' (or both)") }
        if !needsBound && (min != nil || max != nil) { throw reader.error(node, "\(what): 'min'/'max' do not apply to kind '\(kindWord)'") }
        if let min, let max, min > max { throw reader.error(node, "\(what): min \(min) is greater than max \(max); no site could pass") }
        if kindWord == "attribute", member("layer") != nil { throw reader.error(member("layer"), "\(what): 'layer' does not apply to kind 'attribute'") }
        if kindWord != "attribute", member("field") != nil { throw reader.error(member("field"), "\(what): 'field' does not apply to kind '\(kindWord)'") }
        switch kindWord {
        case "attribute":
            guard let f = member("field") else { throw reader.error(node, "\(what) (attribute) needs 'field:'") }
            return Constraint(id: id, kind: .attribute(field: try reader.string(f, "\(what).field"), min: min, max: max))
        case "distance": return Constraint(id: id, kind: .distance(layer: try layerReference(member("layer"), node, what, layers), min: min, max: max))
        case "inside": return Constraint(id: id, kind: .inside(layer: try layerReference(member("layer"), node, what, layers)))
        default: return Constraint(id: id, kind: .outside(layer: try layerReference(member("layer"), node, what, layers)))
        }
    }

    mutating func weighting(members: [(key: String, keyNode: Node, value: Node)], criteria: [(Criterion, Node)], root: Node) throws -> Weighting {
        func member(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        let ids = criteria.map(\.0.id)
        let ahpNode = member("ahp"), groupNode = member("ahp_group")
        if ahpNode != nil && groupNode != nil { throw reader.error(groupNode, "give either 'ahp:' (one matrix) or 'ahp_group:' (several experts), not both") }
        guard ahpNode != nil || groupNode != nil else {
            for key in ["ahp_method", "ahp_max_cr"] where member(key) != nil {
                throw reader.error(member(key), "'\(key)' needs 'ahp:' or 'ahp_group:' judgements")
            }
            for (c, node) in criteria where c.weight == nil {
                throw reader.error(node, "criterion '\(c.id)' has no 'weight:' (or give AHP judgements with 'ahp:')")
            }
            let total = criteria.reduce(0) { $0 + ($1.0.weight ?? 0) }
            guard total > 0 else { throw reader.error(criteria[0].1, "all criterion weights are 0; at least one must be positive") }
            return .direct
        }
        if let (c, node) = criteria.first(where: { $0.0.weight != nil }) {
            throw reader.error(node, "criterion '\(c.id)' has a 'weight:' but the scenario gives AHP judgements; use one or the other")
        }
        var experts: [[AHPJudgement]] = []
        if let ahpNode {
            experts = [try judgements(ahpNode, "ahp", ids: ids)]
        } else if let groupNode {
            for (i, expert) in try reader.sequence(groupNode, "ahp_group").enumerated() {
                experts.append(try judgements(expert, "ahp_group[\(i)]", ids: ids))
            }
            guard !experts.isEmpty else { throw reader.error(groupNode, "'ahp_group' is empty") }
        }
        let method = try member("ahp_method").map {
            AHPMethod(rawValue: try reader.keyword($0, "ahp_method", choices: AHPMethod.allCases.map(\.rawValue)))!
        } ?? .eigenvector
        let maxCR = try member("ahp_max_cr").map { try reader.number($0, "ahp_max_cr") } ?? 0.1
        guard maxCR >= 0 else { throw reader.error(member("ahp_max_cr"), "ahp_max_cr must be zero or positive") }
        return .ahp(AHPSpecification(experts: experts, method: method, maxConsistencyRatio: maxCR))
    }

    mutating func judgements(_ node: Node, _ what: String, ids: [String]) throws -> [AHPJudgement] {
        var out: [AHPJudgement] = []
        for (i, entry) in try reader.sequence(node, what).enumerated() {
            let parts = try reader.sequence(entry, "\(what)[\(i)]")
            guard parts.count == 3 else { throw reader.error(entry, "\(what)[\(i)] must be [criterion_a, criterion_b, value]") }
            let a = try reader.string(parts[0], "\(what)[\(i)][0]"), b = try reader.string(parts[1], "\(what)[\(i)][1]")
            for (name, n) in [(a, parts[0]), (b, parts[1])] where !ids.contains(name) {
                throw reader.error(n, .unknownCriterion(name: name, owner: "\(what)[\(i)]", available: ids))
            }
            let value = try judgementValue(parts[2], "\(what)[\(i)] value")
            guard value > 0 else { throw reader.error(parts[2], "\(what)[\(i)]: a judgement must be positive (1/9 … 9)") }
            out.append(AHPJudgement(a, b, value))
        }
        return out
    }

    mutating func layerReference(_ node: Node?, _ owner: Node, _ what: String, _ layers: [String]) throws -> String {
        guard let node else { throw reader.error(owner, .missingKey(owner: what, key: "layer", hint: "one of the scenario's layers: \(layers.joined(separator: ", "))")) }
        let name = try reader.string(node, "\(what).layer")
        guard layers.contains(name) else {
            throw reader.error(node, .unknownLayer(name: name, owner: what, available: layers))
        }
        return name
    }

    mutating func radius(_ node: Node?, _ owner: Node, _ what: String) throws -> Double {
        guard let node else { throw reader.error(owner, .missingKey(owner: what, key: "radius", hint: "in metres")) }
        let r = try reader.number(node, "\(what).radius")
        guard r > 0 else { throw reader.error(node, "\(what).radius is \(r); it must be greater than 0 metres") }
        return r
    }

    func checkIdentifier(_ id: String, node: Node, what: String) throws {
        guard !id.isEmpty else { throw reader.error(node, "\(what) is empty") }
        if ScenarioLoader.reservedIDs.contains(id) || id.hasSuffix("_value") {
            throw reader.error(node, "\(what) '\(id)' clashes with an output property; choose another id")
        }
    }
}
