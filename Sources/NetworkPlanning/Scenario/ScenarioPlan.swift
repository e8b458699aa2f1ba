import Foundation
import GeoCore
import SiteScoring

/// A `PlanningProblem` built from a scored scenario: the eligible sites (with their scores, costs and
/// capacities) as candidates, the demand layer's features as demand points and the existing layer's features as
/// open facilities, all at their reference points in the working CRS (planar distances, as in scoring).
public struct ScenarioPlan: Sendable {
    public let problem: PlanningProblem
    /// For each problem candidate, its site index in the scoring result.
    public let siteIndices: [Int]
    /// The demand layer's name and, per demand point, the feature index it came from.
    public let demandLayer: String
    public let demandFeatures: [Int]

    /// Builds the problem; a field that does not resolve, or a value that is not a number, is an error naming the
    /// layer, feature and field.
    public init(result: ScoringResult, specification spec: PlanSpecification) throws {
        let eligible = result.eligibleIndices
        func number(_ feature: Feature, _ field: String, owner: String, file: String, index: Int) throws -> Double {
            switch feature.properties[field] {
            case .number(let x)?: return x
            case .string(let t)?:
                throw ScoringError(.notANumber(text: t, owner: owner, hint: ""), file: file, featureIndex: index, field: field)
            default:
                throw ScoringError(.missingNumber(owner: owner), file: file, featureIndex: index, field: field)
            }
        }
        func requireField(_ field: String, in features: [Feature], owner: String, layer: String, file: String) throws {
            guard !features.contains(where: { $0.properties[field] != nil }) else { return }
            var names: [String] = []
            var seen = Set<String>()
            for f in features { for k in f.properties.keys where seen.insert(k).inserted { names.append(k) } }
            throw ScoringError(.unknownField(owner: owner, field: field, layer: layer, available: names), file: file)
        }
        let candidatesFile = result.inputs.first?.path ?? "candidates"
        if let field = spec.costField { try requireField(field, in: result.candidates, owner: "plan.budget.cost", layer: "candidates", file: candidatesFile) }
        if let field = spec.capacityField { try requireField(field, in: result.candidates, owner: "plan.capacity.field", layer: "candidates", file: candidatesFile) }

        var candidates: [PlanningProblem.Candidate] = []
        for s in eligible {
            let feature = result.candidates[s]
            let cost = try spec.costField.map { try number(feature, $0, owner: "plan.budget.cost", file: candidatesFile, index: s) }
            let capacity = try spec.capacityField.map { try number(feature, $0, owner: "plan.capacity.field", file: candidatesFile, index: s) }
            candidates.append(.init(id: result.siteIDs[s].description, position: result.referencePoints[s], score: result.scores[s] ?? 0,
                                    cost: cost, capacity: capacity))
        }

        // Demand: the candidates themselves (every site, eligible or not: people live there either way) or a layer.
        var demand: [PlanningProblem.DemandPoint] = []
        var demandFeatures: [Int] = []
        if spec.demandLayer == "candidates" {
            if let w = spec.demandWeight { try requireField(w, in: result.candidates, owner: "plan.demand.weight", layer: "candidates", file: candidatesFile) }
            for s in result.candidates.indices {
                let weight = try spec.demandWeight.map { try number(result.candidates[s], $0, owner: "plan.demand.weight", file: candidatesFile, index: s) } ?? 1
                demand.append(.init(id: result.siteIDs[s].description, position: result.referencePoints[s], weight: weight))
                demandFeatures.append(s)
            }
        } else {
            let layer = result.contextLayers.first { $0.name == spec.demandLayer }!
            if let w = spec.demandWeight { try requireField(w, in: layer.features, owner: "plan.demand.weight", layer: layer.name, file: layer.path) }
            for (i, geometry) in layer.geometries.enumerated() {
                guard let centre = geometry?.centroid, centre.isFinite else { continue }
                let weight = try spec.demandWeight.map { try number(layer.features[i], $0, owner: "plan.demand.weight", file: layer.path, index: i) } ?? 1
                demand.append(.init(id: Self.featureID(layer.features[i], index: i), position: centre, weight: weight))
                demandFeatures.append(i)
            }
        }

        var existing: [PlanningProblem.ExistingFacility] = []
        if let name = spec.existingLayer {
            let layer = result.contextLayers.first { $0.name == name }!
            if let field = spec.existingCapacityField { try requireField(field, in: layer.features, owner: "plan.capacity.existing_field", layer: name, file: layer.path) }
            for (i, geometry) in layer.geometries.enumerated() {
                guard let centre = geometry?.centroid, centre.isFinite else { continue }
                // An existing facility without a capacity value is unlimited (documented); a text value is an error.
                var capacity: Double?
                if let field = spec.existingCapacityField, let value = layer.features[i].properties[field], !value.isNull {
                    capacity = try number(layer.features[i], field, owner: "plan.capacity.existing_field", file: layer.path, index: i)
                }
                existing.append(.init(id: Self.featureID(layer.features[i], index: i), position: centre, capacity: capacity))
            }
        }
        problem = PlanningProblem(candidates: candidates, demand: demand, existing: existing, settings: spec.settings)
        siteIndices = eligible
        demandLayer = spec.demandLayer
        self.demandFeatures = demandFeatures
    }

    /// A feature's id for messages and outputs: its `id`, else its 1-based index.
    static func featureID(_ feature: Feature, index: Int) -> String {
        switch feature.id {
        case .string(let s)?: s
        case .number(let n)?: SiteID.number(n).description
        case nil: String(index + 1)
        }
    }
}
