import Dispatch
import Foundation
import GeoCore

/// One criterion measured for every site, before value functions.
struct MeasuredCriterion {
    /// Raw value per site; NaN where the site lacks the attribute or the criterion is textual.
    var raw: [Double]
    /// Raw text per site for a `categories` attribute.
    var text: [String?]?
    /// The field whose absence excludes a site, and per site whether it is absent.
    var missingField: String?
    var missing: [Bool]?
}

/// The layers' spatial indexes and the per-site measuring of criteria and constraints.
/// Sites are split into chunks run on all cores; each chunk writes its own slots, so results
/// are the same for any thread count.
struct MeasureContext {
    let layers: [String: LoadedLayer]
    let sites: SiteTable
    let threads: Int
    let progress: (@Sendable (String, Double) -> Void)?
    /// Spatial index per used layer, over its features with a geometry; `features[k]` maps entry k to the layer's feature index.
    private(set) var indexes: [String: (index: SpatialIndex, features: [Int])] = [:]
    /// Per `sum_within` (layer, field): each feature's value.
    private(set) var fieldValues: [String: [Double]] = [:]

    init(layers: [String: LoadedLayer], sites: SiteTable, threads: Int, progress: (@Sendable (String, Double) -> Void)?) {
        self.layers = layers
        self.sites = sites
        self.threads = max(1, threads)
        self.progress = progress
    }

    /// Builds the indexes the scenario needs and checks the layers: empty layers, `inside` layers without
    /// polygons and `sum_within` fields are errors; self-intersecting polygons are warnings.
    mutating func prepare(for scenario: Scenario) throws -> [String] {
        var warnings: [String] = []
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
        var polygonChecked = Set<String>()
        for use in uses {
            let layer = layers[use.layer]!
            if indexes[use.layer] == nil {
                var geometries: [Geometry] = []
                var map: [Int] = []
                for (i, g) in layer.working.enumerated() {
                    if let g { geometries.append(g); map.append(i) }
                }
                guard !geometries.isEmpty else {
                    throw ScoringError(.emptyLayer(layer: use.layer, usedBy: use.what), file: layer.file)
                }
                indexes[use.layer] = (SpatialIndex(geometries), map)
            }
            if use.needsPolygons && polygonChecked.insert(use.layer).inserted {
                guard indexes[use.layer]!.index.hasPolygons else {
                    throw ScoringError(.noPolygons(layer: use.layer, usedBy: use.what), file: layer.file)
                }
                warnings += selfIntersectionWarnings(layer)
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

    private func selfIntersectionWarnings(_ layer: LoadedLayer) -> [String] {
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

    /// Runs `body(site, query)` for every site, in parallel chunks with one index query object per chunk.
    func forEachSite(layer: String?, stage: String, _ body: @escaping @Sendable (Int, inout SpatialIndex.Query?) -> Void) {
        let n = sites.count
        guard n > 0 else { return }
        let chunkSize = max(256, n / (threads * 8) + 1)
        let chunks = (n + chunkSize - 1) / chunkSize
        let index = layer.flatMap { indexes[$0]?.index }
        var report: (@Sendable (Double) -> Void)?
        if let progress { report = { fraction in progress(stage, fraction) } }
        let counter = ProgressCounter(total: chunks, report: report)
        let work: @Sendable (Int) -> Void = { chunk in
            var query = index?.makeQuery()
            for site in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) { body(site, &query) }
            counter.advance()
        }
        if threads == 1 {
            for chunk in 0..<chunks { work(chunk) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        }
    }

    /// Raw values of all criteria, in order. Radius criteria (`count_within`, `sum_within`) on the same layer
    /// and radius share one index query per site (the way an analyst would run one pair query); different
    /// radii stay separate, because point counts can add whole index subtrees without visiting features.
    func measureAll(_ criteria: [Criterion]) throws -> [MeasuredCriterion] {
        var results = [MeasuredCriterion?](repeating: nil, count: criteria.count)
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
        for group in groups where group.members.count > 1 {
            let fused = measureWithin(group.members.map { criteria[$0] }, layer: group.layer)
            for (i, m) in zip(group.members, fused) { results[i] = m }
        }
        for i in criteria.indices where results[i] == nil { results[i] = try measure(criteria[i]) }
        return results.map { $0! }
    }

    /// Several radius criteria on one layer in one pass: the index finds the features within the largest
    /// radius; a smaller radius (if a caller groups different radii) keeps those whose geometry distance is
    /// within it (the same definition).
    private func measureWithin(_ criteria: [Criterion], layer: String) -> [MeasuredCriterion] {
        let specs: [(radius: Double, values: [Double]?)] = criteria.map { c in
            switch c.kind {
            case .countWithin(_, let r): (r, nil)
            case .sumWithin(_, let field, let r): (r, fieldValues["\(layer)\u{0}\(field)"]!)
            default: preconditionFailure("measureWithin takes radius criteria only")
            }
        }
        let maxRadius = specs.map(\.radius).max()!
        let map = indexes[layer]!.features
        let geometries = layers[layer]!.working
        let points = sites.referencePoints
        let outputs = specs.map { _ in SharedBuffer(count: sites.count) }
        forEachSite(layer: layer, stage: criteria.map(\.id).joined(separator: "+")) { s, q in
            var totals = [Double](repeating: 0, count: specs.count)
            let p = points[s]
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
        return outputs.map { MeasuredCriterion(raw: $0.array) }
    }

    /// The criterion's raw values for all sites.
    func measure(_ criterion: Criterion) throws -> MeasuredCriterion {
        let n = sites.count
        let points = sites.referencePoints
        let out = SharedBuffer(count: n)
        switch criterion.kind {
        case .distance(let layer):
            forEachSite(layer: layer, stage: criterion.id) { s, q in out[s] = q!.nearest(to: points[s])?.distance ?? .infinity }
        case .countWithin(let layer, let radius):
            forEachSite(layer: layer, stage: criterion.id) { s, q in out[s] = Double(q!.count(within: radius, of: points[s])) }
        case .sumWithin(let layer, let field, let radius):
            let map = indexes[layer]!.features
            let values = fieldValues["\(layer)\u{0}\(field)"]!
            forEachSite(layer: layer, stage: criterion.id) { s, q in
                var sum = 0.0
                q!.forEachFeature(within: radius, of: points[s]) { sum += values[map[$0]] }
                out[s] = sum
            }
        case .inside(let layer):
            forEachSite(layer: layer, stage: criterion.id) { s, q in out[s] = q!.anyContains(points[s]) ? 1 : 0 }
        case .area:
            return MeasuredCriterion(raw: sites.areas)
        case .attribute(let field):
            return try attribute(field, textual: criterion.value?.isCategorical ?? false, user: "criterion '\(criterion.id)'")
        }
        return MeasuredCriterion(raw: out.array)
    }

    /// A candidate property as numbers (booleans as 1/0) or, for `categories`, as text; absent or null is missing.
    func attribute(_ field: String, textual: Bool, user: String) throws -> MeasuredCriterion {
        var raw = [Double](repeating: .nan, count: sites.count)
        var text: [String?] = textual ? Array(repeating: nil, count: sites.count) : []
        var missing = [Bool](repeating: false, count: sites.count)
        for s in 0..<sites.count {
            switch sites.property(s, field) {
            case nil, .null?: missing[s] = true
            case .number(let x)?:
                if textual { text[s] = SiteID.number(x).description } else { raw[s] = x }
            case .bool(let b)?:
                if textual { text[s] = b ? "true" : "false" } else { raw[s] = b ? 1 : 0 }
            case .string(let t)?:
                guard textual else {
                    throw ScoringError(.notANumber(text: t, owner: user, hint: user.hasPrefix("criterion") ? "or give it a 'categories' value function" : ""),
                                       file: sites.layer.file, featureIndex: s, featureID: sites.ids[s].description, field: field)
                }
                text[s] = t
            default:
                throw ScoringError(.notAScalar(owner: user), file: sites.layer.file, featureIndex: s, featureID: sites.ids[s].description, field: field)
            }
        }
        return MeasuredCriterion(raw: raw, text: textual ? text : nil, missingField: field, missing: missing)
    }

    /// Per site: the failed constraints in scenario order, then `missing:<field>` entries.
    func exclusions(_ scenario: Scenario, measured: [MeasuredCriterion]) throws -> [[String]] {
        let n = sites.count
        var failed = [[String]](repeating: [], count: n)
        var missingFields = [[String]](repeating: [], count: n)
        func noteMissing(_ s: Int, _ field: String) {
            let reason = "missing:\(field)"
            if !missingFields[s].contains(reason) { missingFields[s].append(reason) }
        }
        for m in measured {
            guard let field = m.missingField, let missing = m.missing else { continue }
            for s in 0..<n where missing[s] { noteMissing(s, field) }
        }
        let points = sites.referencePoints
        for constraint in scenario.constraints {
            let fails = SharedBuffer(count: n)
            switch constraint.kind {
            case .distance(let layer, let min, let max):
                // A distance criterion on the same layer has measured exactly this already.
                let known = zip(scenario.criteria, measured).first { $0.0.kind == .distance(layer: layer) }?.1.raw
                forEachSite(layer: layer, stage: constraint.id) { s, q in
                    let d = known?[s] ?? q!.nearest(to: points[s])?.distance ?? .infinity
                    fails[s] = ((min.map { d < $0 } ?? false) || (max.map { d > $0 } ?? false)) ? 1 : 0
                }
            case .inside(let layer):
                forEachSite(layer: layer, stage: constraint.id) { s, q in fails[s] = q!.anyContains(points[s]) ? 0 : 1 }
            case .outside(let layer):
                forEachSite(layer: layer, stage: constraint.id) { s, q in fails[s] = q!.anyContains(points[s]) ? 1 : 0 }
            case .attribute(let field, let min, let max):
                let values = try attribute(field, textual: false, user: "constraint '\(constraint.id)'")
                for s in 0..<n {
                    if values.missing![s] { noteMissing(s, field); continue }
                    let x = values.raw[s]
                    fails[s] = ((min.map { x < $0 } ?? false) || (max.map { x > $0 } ?? false)) ? 1 : 0
                }
            }
            for s in 0..<n where fails[s] == 1 { failed[s].append(constraint.id) }
        }
        return zip(failed, missingFields).map { $0 + $1 }
    }
}

/// A fixed-size buffer of doubles that parallel chunks write at disjoint indices.
final class SharedBuffer: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0)
    }

    deinit { pointer.deallocate() }

    subscript(i: Int) -> Double {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    var array: [Double] { Array(pointer) }
}

/// Counts finished chunks of parallel work and reports the fraction done (used for progress bars).
public final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let report: (@Sendable (Double) -> Void)?
    private var done = 0
    private let lock = NSLock()

    public init(total: Int, report: (@Sendable (Double) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// Marks one chunk done and reports the new fraction.
    public func advance() {
        guard let report else { return }
        lock.lock()
        done += 1
        let fraction = Double(done) / Double(max(total, 1))
        lock.unlock()
        report(fraction)
    }
}
