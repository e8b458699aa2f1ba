import Foundation
import GeoCore
import SiteScoring

/// A scenario's `plan:` section: the model and its settings, and where demand, existing facilities, costs and
/// capacities come from. Parsed with the scenario's own checks (unknown keys with suggestions, types,
/// `file:line:column`); layer names must be declared in the scenario (`candidates` is allowed for demand).
public struct PlanSpecification: Sendable {
    /// Model, count, radius, target, spacing, attractiveness, budget limit, capacity per unit, solver.
    public var settings: PlanSettings
    /// The layer whose features are the demand points (polygons by their centroid).
    public var demandLayer: String
    /// The property holding each demand point's weight; nil: 1 each.
    public var demandWeight: String?
    /// The layer of already-open facilities, if any.
    public var existingLayer: String?
    /// The candidate property with each site's cost (with a budget).
    public var costField: String?
    /// The candidate property with each site's capacity units (with capacities).
    public var capacityField: String?
    /// The existing facilities' property with their capacity units.
    public var existingCapacityField: String?

    static let keys = ["model", "count", "radius", "target", "demand", "existing", "min_spacing", "attractiveness",
                       "budget", "capacity", "solver", "time_limit"]

    /// Reads `scenario.sections["plan"]`; nil when the scenario has no `plan:` section.
    public static func from(_ scenario: Scenario) throws -> PlanSpecification? {
        guard let section = scenario.sections["plan"] else { return nil }
        let layers = ["candidates"] + scenario.layers.map(\.name)
        let members = try section.root.mapping("plan", allowed: keys)
        func member(_ key: String) -> SectionNode? { members.first { $0.key == key }?.value }

        let model = try member("model").map { PlanModel(rawValue: try $0.keyword("plan.model", choices: PlanModel.allCases.map(\.rawValue)))! } ?? .mclp
        var settings = PlanSettings(model: model)
        if let n = member("count") { settings.count = try n.integer("plan.count") }
        if let n = member("radius") { settings.radius = try positive(n, "plan.radius") }
        if let n = member("target") {
            let t = try n.number("plan.target")
            guard t > 0, t <= 1 else { throw n.error("plan.target is \(t); it is a share of the demand, 0 < target ≤ 1 (0.95 = 95 %)") }
            settings.target = t
        }
        if let n = member("min_spacing") {
            let d = try n.number("plan.min_spacing")
            guard d >= 0 else { throw n.error("plan.min_spacing is \(d); it is a distance in metres, 0 or more") }
            settings.minSpacing = d
        }
        if let n = member("attractiveness") {
            settings.attractiveness = Attractiveness(rawValue: try n.keyword("plan.attractiveness", choices: Attractiveness.allCases.map(\.rawValue)))!
        }
        if let n = member("solver") { settings.solver = SolverChoice(rawValue: try n.keyword("plan.solver", choices: SolverChoice.allCases.map(\.rawValue)))! }
        if let n = member("time_limit") { settings.timeLimit = try positive(n, "plan.time_limit") }

        guard let demandNode = member("demand") else {
            throw section.root.error(.missingKey(owner: "plan", key: "demand", hint: "{layer: NAME, weight: FIELD}: the points to serve"))
        }
        let demand = try demandNode.mapping("plan.demand", allowed: ["layer", "weight"])
        guard let demandLayerNode = demand.first(where: { $0.key == "layer" })?.value else {
            throw demandNode.error(.missingKey(owner: "plan.demand", key: "layer", hint: "one of \(layers.joined(separator: ", "))"))
        }
        let demandLayer = try layerName(demandLayerNode, "plan.demand", layers)
        let demandWeight = try demand.first { $0.key == "weight" }.map { try $0.value.string("plan.demand.weight") }
        let existingLayer = try member("existing").map { try layerName($0, "plan.existing", layers) }

        var spec = PlanSpecification(settings: settings, demandLayer: demandLayer, demandWeight: demandWeight, existingLayer: existingLayer)
        if let budget = member("budget") {
            let b = try budget.mapping("plan.budget", allowed: ["cost", "limit"])
            guard let cost = b.first(where: { $0.key == "cost" })?.value, let limit = b.first(where: { $0.key == "limit" })?.value else {
                throw budget.error(.missingKey(owner: "plan.budget", key: b.contains { $0.key == "cost" } ? "limit" : "cost",
                                               hint: "{cost: FIELD, limit: TOTAL}: the candidates' cost property and the total"))
            }
            spec.costField = try cost.string("plan.budget.cost")
            spec.settings.budget = try positive(limit, "plan.budget.limit")
        }
        if let capacity = member("capacity") {
            let c = try capacity.mapping("plan.capacity", allowed: ["field", "per_unit", "existing_field"])
            guard let field = c.first(where: { $0.key == "field" })?.value else {
                throw capacity.error(.missingKey(owner: "plan.capacity", key: "field", hint: "the candidates' property with their capacity units, e.g. charge points"))
            }
            spec.capacityField = try field.string("plan.capacity.field")
            spec.settings.capacityPerUnit = try c.first { $0.key == "per_unit" }.map { try positive($0.value, "plan.capacity.per_unit") } ?? 1
            spec.existingCapacityField = try c.first { $0.key == "existing_field" }.map { try $0.value.string("plan.capacity.existing_field") }
            if spec.existingCapacityField != nil && existingLayer == nil {
                throw capacity.error("plan.capacity.existing_field needs plan.existing, the layer of existing facilities")
            }
        }
        return spec
    }

    private static func positive(_ node: SectionNode, _ what: String) throws -> Double {
        let x = try node.number(what)
        guard x > 0 else { throw node.error("\(what) is \(x); it must be greater than 0") }
        return x
    }

    private static func layerName(_ node: SectionNode, _ what: String, _ layers: [String]) throws -> String {
        let name = try node.string("\(what).layer")
        guard layers.contains(name) else { throw node.error(.unknownLayer(name: name, owner: what, available: layers)) }
        return name
    }
}
