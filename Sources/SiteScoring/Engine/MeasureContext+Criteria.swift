import Dispatch
import Foundation
import GeoCore

/// Criterion measurement: each criterion's raw value per site.
extension MeasureContext {
    /// Raw values of all criteria, in order. Radius criteria (`count_within`, `sum_within`) on the same layer
    /// and radius share one index query per site (the way an analyst would run one pair query); different
    /// radii stay separate, because point counts can add whole index subtrees without visiting features.
    func measureAll(_ criteria: [Criterion]) throws -> [MeasuredCriterion] {
        let order = SiteVisitOrder(criteria.contains { $0.kind.layer != nil } ? sites.referencePoints : [])
        var results = [MeasuredCriterion?](repeating: nil, count: criteria.count)
        let groups = Self.radiusGroups(criteria)
        // On point layers with exact aggregate sums, each radius criterion adds whole index subtrees
        // (count and sum), which beats visiting every feature once in a fused pass.
        for group in groups where group.members.count > 1 {
            let members = group.members.map { criteria[$0] }
            let fused = measureAggregated(members, layer: group.layer, radius: group.radius, order: order)
                ?? measureWithin(members, layer: group.layer, order: order)
            for (i, m) in zip(group.members, fused) { results[i] = m }
        }
        for i in criteria.indices where results[i] == nil { results[i] = try measure(criteria[i], order: order) }
        return results.map { $0! }
    }

    /// Several radius criteria on one layer in one pass: the index finds the features within the largest
    /// radius; a smaller radius (if a caller groups different radii) keeps those whose geometry distance is
    /// within it (the same definition).
    private func measureWithin(_ criteria: [Criterion], layer: String, order: SiteVisitOrder) -> [MeasuredCriterion] {
        let specs: [(radius: Double, values: [Double]?)] = criteria.map { c in
            switch c.kind {
            case .countWithin(_, let r): (r, nil)
            case .sumWithin(_, let field, let r): (r, fieldValues[Self.valueKey(layer, field)]!)
            default: preconditionFailure("measureWithin takes radius criteria only")
            }
        }
        let maxRadius = specs.map(\.radius).max()!
        let map = indexes[layer]!.features
        let geometries = layers[layer]!.working
        let outputs = specs.map { _ in SharedBuffer(count: sites.count) }
        forEachSite(in: order, layer: layer, stage: criteria.map(\.id).joined(separator: "+")) { s, p, q in
            var totals = [Double](repeating: 0, count: specs.count)
            q!.forEachFeature(within: maxRadius, of: p) { k in
                let f = map[k]
                var distance: Double?
                for (m, spec) in specs.enumerated() {
                    if spec.radius < maxRadius {
                        if distance == nil { distance = geometries[f]!.distance(to: p) }
                        if distance! > spec.radius { continue }
                    }
                    totals[m] += spec.values?[f] ?? 1
                }
            }
            for m in specs.indices { outputs[m][s] = totals[m] }
        }
        return outputs.map { MeasuredCriterion(raw: order.scatter($0)) }
    }

    /// Counts and sums on one layer and radius in one pass per site (issue 15): on a point layer from its
    /// `PointRadiusGrid`, else from index subtree totals (a subtree wholly inside the circle adds its count and
    /// field totals without visiting its features). Nil unless the layer is single-primitive and every field
    /// sums exactly (`SpatialIndex.exactPointSums`), which makes the results bit-identical to adding feature by feature.
    private func measureAggregated(_ criteria: [Criterion], layer: String, radius: Double, order: SiteVisitOrder) -> [MeasuredCriterion]? {
        if let grid = measureOnGrid(criteria, layer: layer, radius: radius, order: order) { return grid }
        let (index, map) = indexes[layer]!
        guard index.hasSinglePrimitiveFeatures else { return nil }
        let columns: [[Double]] = criteria.map { c in
            switch c.kind {
            case .sumWithin(_, let field, _):
                let values = fieldValues[Self.valueKey(layer, field)]!
                return map.map { values[$0] }
            default:
                return [Double](repeating: 1, count: map.count)
            }
        }
        guard let sums = index.exactPointSums(columns: columns) else { return nil }
        let width = criteria.count
        let outputs = criteria.map { _ in SharedBuffer(count: sites.count) }
        forEachSite(in: order, layer: layer, stage: criteria.map(\.id).joined(separator: "+")) { s, p, q in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: width) { totals in
                q!.sums(within: radius, of: p, sums, into: totals)
                for m in 0..<width { outputs[m][s] = totals[m] }
            }
        }
        return outputs.map { MeasuredCriterion(raw: order.scatter($0)) }
    }

    /// Counts and sums on one point layer and radius from its `PointRadiusGrid` (issue 15, built by `prepare`): one
    /// pass per site, a count is the number of hits, a sum its field's column. Nil when the layer has no exact grid.
    private func measureOnGrid(_ criteria: [Criterion], layer: String, radius: Double, order: SiteVisitOrder) -> [MeasuredCriterion]? {
        guard let grid = grids[Self.gridKey(layer, Self.summedFields(criteria))] else { return nil }
        let isCount = criteria.map { c in if case .countWithin = c.kind { true } else { false } }
        let outputs = criteria.map { _ in SharedBuffer(count: sites.count) }
        forEachSite(in: order, layer: nil, stage: criteria.map(\.id).joined(separator: "+")) { s, p, _ in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: grid.width) { totals in
                let n = grid.aggregate(within: radius, of: p, into: totals)
                var m = 0
                for i in isCount.indices {
                    if isCount[i] { outputs[i][s] = Double(n) } else { outputs[i][s] = totals[m]; m += 1 }
                }
            }
        }
        return outputs.map { MeasuredCriterion(raw: order.scatter($0)) }
    }

    /// Per-node totals of a `sum_within` field over the layer's index, when they give bit-identical sums.
    private func pointSums(layer: String, field: String) -> SpatialIndex.PointSums? {
        let (index, map) = indexes[layer]!
        guard index.hasSinglePrimitiveFeatures, let values = fieldValues[Self.valueKey(layer, field)] else { return nil }
        return index.exactPointSums(map.map { values[$0] })
    }

    /// `forEachSite` visiting the sites in `order`: `body(slot, point, &query)` answers for the site in `slot`
    /// (at `point`) and writes only that slot, so results do not depend on the order or the thread count;
    /// `order.scatter` puts them back in site order.
    func forEachSite(in order: SiteVisitOrder, layer: String?, stage: String,
                     _ body: @escaping @Sendable (Int, Position, inout SpatialIndex.Query?) -> Void) {
        let points = order.points
        forEachSite(layer: layer, stage: stage) { slot, q in body(slot, points[slot], &q) }
    }

    /// The criterion's raw values for all sites.
    func measure(_ criterion: Criterion, order: SiteVisitOrder) throws -> MeasuredCriterion {
        let n = sites.count
        let out = SharedBuffer(count: n)
        switch criterion.kind {
        case .distance(let layer):
            forEachSite(in: order, layer: layer, stage: criterion.id) { s, p, q in out[s] = q!.nearest(to: p)?.distance ?? .infinity }
        case .countWithin(let layer, let radius):
            if let m = measureOnGrid([criterion], layer: layer, radius: radius, order: order) { return m[0] }
            forEachSite(in: order, layer: layer, stage: criterion.id) { s, p, q in out[s] = Double(q!.count(within: radius, of: p)) }
        case .sumWithin(let layer, let field, let radius):
            if let m = measureOnGrid([criterion], layer: layer, radius: radius, order: order) { return m[0] }
            let map = indexes[layer]!.features
            let values = fieldValues[Self.valueKey(layer, field)]!
            if let sums = pointSums(layer: layer, field: field) {
                forEachSite(in: order, layer: layer, stage: criterion.id) { s, p, q in out[s] = q!.sum(within: radius, of: p, sums) }
                break
            }
            forEachSite(in: order, layer: layer, stage: criterion.id) { s, p, q in
                var sum = 0.0
                q!.forEachFeature(within: radius, of: p) { sum += values[map[$0]] }
                out[s] = sum
            }
        case .inside(let layer):
            forEachSite(in: order, layer: layer, stage: criterion.id) { s, p, q in out[s] = q!.anyContains(p) ? 1 : 0 }
        case .area:
            return MeasuredCriterion(raw: sites.areas)
        case .attribute(let field):
            return try attribute(field, textual: criterion.value?.isCategorical ?? false, user: "criterion '\(criterion.id)'")
        }
        return MeasuredCriterion(raw: order.scatter(out))
    }

    /// A candidate property as numbers (booleans as 1/0) or, for `categories`, as text; absent or null is missing.
    /// Read in parallel chunks of sites (serially ≈ 50 ms of one core per attribute at 1,000,000 sites, issue 15);
    /// a bad value is reported for the first such site, as a serial pass would.
    func attribute(_ field: String, textual: Bool, user: String) throws -> MeasuredCriterion {
        let n = sites.count
        var raw = [Double](repeating: .nan, count: n)
        var text: [String?] = textual ? Array(repeating: nil, count: n) : []
        var missing = [Bool](repeating: false, count: n)
        let problems: [(site: Int, kind: AttributeProblem)?] = raw.withUnsafeMutableBufferPointer { raw in
            text.withUnsafeMutableBufferPointer { text in
                missing.withUnsafeMutableBufferPointer { missing in
                    let raw = DisjointWrites(raw), text = DisjointWrites(text), missing = DisjointWrites(missing)
                    let features = sites.layer.features
                    return parallelChunks(count: n, threads: threads, minChunk: 4_096) { range in
                        features.withUnsafeBufferPointer { features in
                            // The field looked up where the previous feature had it (candidates share a schema): a
                            // search of each feature's keys cost 0.5 % of an L run per attribute.
                            var position = -1
                            for s in range {
                                let keys = features[s].properties.keys
                                if position < 0 || position >= keys.count || keys[position] != field { position = keys.firstIndex(of: field) ?? -1 }
                                let value: JSONValue? = position >= 0 ? features[s].properties.values[position] : nil
                                switch value {
                                case nil, .null?: missing.buffer[s] = true
                                case .number(let x)?:
                                    if textual { text.buffer[s] = SiteID.number(x).description } else { raw.buffer[s] = x }
                                case .bool(let b)?:
                                    if textual { text.buffer[s] = b ? "true" : "false" } else { raw.buffer[s] = b ? 1 : 0 }
                                case .string(let t)?:
                                    guard textual else { return (s, .notANumber(t)) }
                                    text.buffer[s] = t
                                default:
                                    return (s, .notAScalar)
                                }
                            }
                            return nil
                        }
                    }
                }
            }
        }
        if let (s, problem) = problems.lazy.compactMap({ $0 }).first {
            switch problem {
            case .notANumber(let t):
                throw ScoringError(.notANumber(text: t, owner: user, hint: user.hasPrefix("criterion") ? "or give it a 'categories' value function" : ""),
                                   file: sites.layer.file, featureIndex: s, featureID: sites.ids[s].description, field: field)
            case .notAScalar:
                throw ScoringError(.notAScalar(owner: user), file: sites.layer.file, featureIndex: s, featureID: sites.ids[s].description, field: field)
            }
        }
        return MeasuredCriterion(raw: raw, text: textual ? text : nil, missingField: field, missing: missing)
    }
}

/// Why a candidate's property cannot be read as an attribute value (the first such site's is thrown).
private enum AttributeProblem {
    /// Text where a number is needed.
    case notANumber(String)
    /// An array or object.
    case notAScalar
}
