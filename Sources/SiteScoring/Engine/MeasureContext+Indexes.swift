import Dispatch
import Foundation
import GeoCore

/// Index preparation: one spatial index per used layer, layer checks, summed fields.
extension MeasureContext {
    /// Builds the indexes the scenario needs and checks the layers: empty layers, `inside` layers without
    /// polygons and `sum_within` fields are errors; self-intersecting polygons are warnings.
    /// `checkingFields: false` leaves the field checks to the caller (a streamed run checks them over all chunks).
    mutating func prepare(for scenario: Scenario, checkingFields: Bool = true) throws -> [String] {
        var warnings = checkingFields ? try checkFields(scenario) : []
        let uses: [(layer: String, needsPolygons: Bool, what: String)] =
            scenario.criteria.compactMap { c in c.kind.layer.map { ($0, { if case .inside = c.kind { true } else { false } }(), "criterion '\(c.id)'") } }
            + scenario.constraints.compactMap { c in
                c.kind.layer.map { l in
                    switch c.kind {
                    case .inside, .outside: (l, true, "constraint '\(c.id)'")
                    default: (l, false, "constraint '\(c.id)'")
                    }
                }
            }
        // Only layers measured by distance need the nearest k-d trees; counted or summed layers do not.
        let nearestLayers = Set(scenario.criteria.compactMap { c -> String? in
            if case .distance(let layer) = c.kind { layer } else { nil }
        } + scenario.constraints.compactMap { c -> String? in
            if case .distance(let layer, _, _) = c.kind { layer } else { nil }
        })
        // The layers' indexes and polygon self-intersection checks are independent: built concurrently, one task
        // each (issue 15: serially ≈ 0.1 s at every size, the floor of a 100,000-site run); the checks and errors
        // below then come in the order of the uses, as before. The checks are started first: the benchmark's one
        // polygon layer took as long as the indexes of all layers, and as the last task it ran alone (≈ 25 ms).
        var unbuilt: [String] = []
        for use in uses where indexes[use.layer] == nil && !unbuilt.contains(use.layer) { unbuilt.append(use.layer) }
        let pending = unbuilt
        let polygonLayers = Set(uses.filter(\.needsPolygons).map(\.layer))
        let checkedLayers = pending.indices.filter { polygonLayers.contains(pending[$0]) }
        let built = ConcurrentSlots<(index: SpatialIndex, features: [Int])?>(count: pending.count)
        let checked = ConcurrentSlots<[String]>(count: pending.count)
        for i in pending.indices where !polygonLayers.contains(pending[i]) { checked.set(i, []) }
        let layers = self.layers
        DispatchQueue.concurrentPerform(iterations: checkedLayers.count + pending.count) { task in
            if task < checkedLayers.count {
                let i = checkedLayers[task]
                checked.set(i, Self.selfIntersectionWarnings(layers[pending[i]]!))
                return
            }
            let i = task - checkedLayers.count, name = pending[i], layer = layers[name]!
            var geometries: [Geometry] = []
            var map: [Int] = []
            for (i, g) in layer.working.enumerated() {
                if let g { geometries.append(g); map.append(i) }
            }
            built.set(i, geometries.isEmpty ? nil : (SpatialIndex(geometries, treesForNearest: nearestLayers.contains(name)), map))
        }
        let builtIndexes = Dictionary(uniqueKeysWithValues: zip(pending, built.values))
        let checks = Dictionary(uniqueKeysWithValues: zip(pending, checked.values))
        var polygonChecked = Set<String>()
        for use in uses {
            let layer = layers[use.layer]!
            if indexes[use.layer] == nil {
                guard let index = builtIndexes[use.layer]! else {
                    throw ScoringError(.emptyLayer(layer: use.layer, usedBy: use.what), file: layer.file)
                }
                indexes[use.layer] = index
            }
            if use.needsPolygons && polygonChecked.insert(use.layer).inserted {
                guard indexes[use.layer]!.index.hasPolygons else {
                    throw ScoringError(.noPolygons(layer: use.layer, usedBy: use.what), file: layer.file)
                }
                warnings += checks[use.layer] ?? Self.selfIntersectionWarnings(layer)
            }
        }
        for c in scenario.criteria {
            if case .sumWithin(let layerName, let field, _) = c.kind, fieldValues["\(layerName)\u{0}\(field)"] == nil {
                let layer = layers[layerName]!
                fieldValues["\(layerName)\u{0}\(field)"] = try layer.features.indices.map { i in
                    switch layer.features[i].properties[field] {
                    case .number(let n)?: return n
                    case nil, .null?:
                        throw ScoringError(.missingNumber(owner: "criterion '\(c.id)'"), file: layer.file, featureIndex: i, featureID: layer.idText(i), field: field)
                    default:
                        throw ScoringError(.notANumber(text: layer.features[i].properties[field]?.jsonText ?? "", owner: "criterion '\(c.id)' (sum_within)", hint: ""),
                                           file: layer.file, featureIndex: i, featureID: layer.idText(i), field: field)
                    }
                }
            }
        }
        return warnings
    }

    /// The radius grid of a point layer with the values of `fields` as columns (issue 15), or nil when its
    /// counts and sums could differ from the index's (see `SpatialIndex.pointRadiusGrid(columns:)`).
    func radiusGrid(layer: String, fields: [String]) -> PointRadiusGrid? {
        let (index, map) = indexes[layer]!
        guard index.hasSinglePrimitiveFeatures else { return nil }
        let columns = fields.map { field in
            let values = fieldValues["\(layer)\u{0}\(field)"]!
            return map.map { values[$0] }
        }
        return index.pointRadiusGrid(columns: columns)
    }

    private static func selfIntersectionWarnings(_ layer: LoadedLayer) -> [String] {
        var out: [String] = []
        for (i, g) in layer.working.enumerated() {
            let polygons: [Polygon] = switch g {
            case .polygon(let p)?: [p]
            case .multiPolygon(let ps)?: ps
            default: []
            }
            for p in polygons {
                if let at = p.selfIntersection() {
                    let id = layer.idText(i).map { " (id \($0))" } ?? ""
                    out.append("\(layer.file): feature \(i)\(id): polygon boundary crosses itself near x \(Int(at.x)), y \(Int(at.y)) (working CRS); 'inside' may be wrong there — repair it (e.g. QGIS 'Fix geometries')")
                    break
                }
            }
        }
        return out
    }
}
