import Dispatch
import Foundation
import GeoCore

/// Index preparation: a spatial index per used layer (a radius grid where that suffices), layer checks, summed fields.
extension MeasureContext {
    /// Builds the spatial indexes and radius grids the scenario needs (`indexes`, `grids`) and checks the layers:
    /// empty layers, `inside` layers without polygons and `sum_within` fields are errors; self-intersecting
    /// polygons are warnings.
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
        var unbuilt: [String] = []
        for use in uses where indexes[use.layer] == nil && !unbuilt.contains(use.layer) { unbuilt.append(use.layer) }
        let pending = unbuilt

        // The `sum_within` fields' values, read before the grids need them; a bad value is thrown after the layer
        // checks below, as before grids were planned here.
        var valueError: ScoringError?
        for c in scenario.criteria {
            guard case .sumWithin(let layerName, let field, _) = c.kind, fieldValues[Self.valueKey(layerName, field)] == nil else { continue }
            do { fieldValues[Self.valueKey(layerName, field)] = try Self.numbers(of: field, in: layers[layerName]!, criterion: c.id) } catch {
                if valueError == nil { valueError = error }
            }
        }

        // Radius grids (issue 15): one per point layer and set of summed fields, planned before anything is built. A
        // layer that only radius criteria read, all from grids, needs no spatial index (the population layer of the
        // heavy benchmark: its R-tree was ≈ 40 ms of a core, unused).
        var planned: [(key: String, source: PointRadiusGrid.Source)] = []
        var gridless = Set<String>()
        for group in Self.radiusGroups(scenario.criteria) where pending.contains(group.layer) && !gridless.contains(group.layer) {
            let fields = Self.summedFields(group.members.map { scenario.criteria[$0] })
            let key = Self.gridKey(group.layer, fields)
            guard grids[key] == nil, !planned.contains(where: { $0.key == key }) else { continue }
            let columns = fields.compactMap { fieldValues[Self.valueKey(group.layer, $0)] }
            if columns.count == fields.count, let source = PointRadiusGrid.source(geometries: layers[group.layer]!.working, columns: columns) {
                planned.append((key, source))
            } else {
                gridless.insert(group.layer)
            }
        }
        let radiusOnly = Set(pending.filter { layer in
            !gridless.contains(layer) && scenario.constraints.allSatisfy { $0.kind.layer != layer }
                && scenario.criteria.allSatisfy { c in
                    switch c.kind {
                    case .countWithin(layer, _), .sumWithin(layer, _, _): true
                    default: c.kind.layer != layer
                    }
                }
        })
        let indexed = pending.filter { !radiusOnly.contains($0) }, sources = planned

        // The layers' indexes, radius grids and polygon self-intersection checks are independent: built concurrently,
        // one task each (issue 15: serially ≈ 0.1 s at every size, the floor of a 100,000-site run); the checks and
        // errors below then come in the order of the uses, as before. The checks are started first: the benchmark's
        // one polygon layer took as long as the indexes of all layers, and as the last task it ran alone (≈ 25 ms);
        // then the indexes and grids, the largest first.
        let polygonLayers = Set(uses.filter(\.needsPolygons).map(\.layer))
        let checkedLayers = pending.filter { polygonLayers.contains($0) }
        let layers = self.layers
        // Each build: (index of the layer in `indexed`, or of the source in `sources`; its size).
        let builds = (indexed.indices.map { (isIndex: true, i: $0, size: layers[indexed[$0]]!.features.count) }
                      + sources.indices.map { (isIndex: false, i: $0, size: sources[$0].source.count) })
            .sorted { $0.size > $1.size }
        let built = ConcurrentSlots<(index: SpatialIndex, features: [Int])?>(count: indexed.count)
        let builtGrids = ConcurrentSlots<PointRadiusGrid?>(count: sources.count)
        let checked = ConcurrentSlots<[String]>(count: checkedLayers.count)
        DispatchQueue.concurrentPerform(iterations: checkedLayers.count + builds.count) { task in
            if task < checkedLayers.count {
                checked.set(task, Self.selfIntersectionWarnings(layers[checkedLayers[task]]!))
                return
            }
            let build = builds[task - checkedLayers.count]
            guard build.isIndex else {
                builtGrids.set(build.i, PointRadiusGrid(sources[build.i].source))
                return
            }
            let name = indexed[build.i], layer = layers[name]!
            var geometries: [Geometry] = []
            var map: [Int] = []
            for (i, g) in layer.working.enumerated() {
                if let g { geometries.append(g); map.append(i) }
            }
            built.set(build.i, geometries.isEmpty ? nil : (SpatialIndex(geometries, treesForNearest: nearestLayers.contains(name)), map))
        }
        for (i, grid) in builtGrids.values.enumerated() { grids[sources[i].key] = grid }
        let builtIndexes = Dictionary(uniqueKeysWithValues: zip(indexed, built.values))
        let checks = Dictionary(uniqueKeysWithValues: zip(checkedLayers, checked.values))
        var polygonChecked = Set<String>()
        for use in uses {
            let layer = layers[use.layer]!
            if radiusOnly.contains(use.layer) {
                guard layer.working.contains(where: { $0 != nil }) else { throw ScoringError(.emptyLayer(layer: use.layer, usedBy: use.what), file: layer.file) }
            } else if indexes[use.layer] == nil {
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
        if let valueError { throw valueError }
        return warnings
    }

    /// The values of a `sum_within` field, one per feature of `layer`; a missing or non-numeric value is an error
    /// naming the feature.
    private static func numbers(of field: String, in layer: LoadedLayer, criterion: String) throws(ScoringError) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(layer.features.count)
        for i in layer.features.indices {
            switch layer.features[i].properties[field] {
            case .number(let n)?: values.append(n)
            case nil, .null?:
                throw ScoringError(.missingNumber(owner: "criterion '\(criterion)'"), file: layer.file, featureIndex: i, featureID: layer.idText(i), field: field)
            default:
                throw ScoringError(.notANumber(text: layer.features[i].properties[field]?.jsonText ?? "", owner: "criterion '\(criterion)' (sum_within)", hint: ""),
                                   file: layer.file, featureIndex: i, featureID: layer.idText(i), field: field)
            }
        }
        return values
    }

    /// The key of a `sum_within` field's values in `fieldValues`.
    static func valueKey(_ layer: String, _ field: String) -> String { "\(layer)\u{0}\(field)" }

    /// The key of the radius grid of `layer` with `fields` summed, in `grids`.
    static func gridKey(_ layer: String, _ fields: [String]) -> String { ([layer] + fields).joined(separator: "\u{0}") }

    /// The fields a group of radius criteria sums, in criterion order (the grid's value columns).
    static func summedFields(_ criteria: [Criterion]) -> [String] {
        criteria.compactMap { c in if case .sumWithin(_, let field, _) = c.kind { field } else { nil } }
    }

    /// The radius criteria by layer and radius, in order of first appearance: the criteria (indices) of one group are
    /// measured in one query per site.
    static func radiusGroups(_ criteria: [Criterion]) -> [(layer: String, radius: Double, members: [Int])] {
        var groups: [(layer: String, radius: Double, members: [Int])] = []
        for (i, c) in criteria.enumerated() {
            switch c.kind {
            case .countWithin(let layer, let r), .sumWithin(let layer, _, let r):
                if let g = groups.firstIndex(where: { $0.layer == layer && $0.radius == r }) {
                    groups[g].members.append(i)
                } else {
                    groups.append((layer, r, [i]))
                }
            default: break
            }
        }
        return groups
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
