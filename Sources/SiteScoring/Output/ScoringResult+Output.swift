import Foundation
import GeoCore

extension ScoringResult {
    /// The ranked FeatureCollection (RFC 7946, lon/lat): features in output order, each with its original
    /// geometry and properties plus `rank`, `score`, `excluded`, `excluded_by`, and `<id>` / `<id>_value`
    /// for every criterion; the run manifest as the foreign member `standort`.
    public func rankedCollection(scenarioPath: String, version: String, geometry: OutputGeometry = .original) throws -> FeatureCollection {
        let geometries = try lonLatGeometries(geometry)
        let addedNames = outputPropertyPositions
        return FeatureCollection(
            features: outputOrder.indices.map { rankedFeature(at: $0, lonLatGeometries: geometries, addedNames: addedNames) },
            crs: CRS.crs84.definition,
            foreignMembers: ["standort": .object(manifest(scenarioPath: scenarioPath, version: version))]
        )
    }

    /// The ranked GeoJSON document, encoded in parallel chunks without holding every output feature in
    /// memory (the same bytes as encoding `rankedCollection`); write it with `AtomicFileWriter.write(parts:to:)`.
    public func rankedGeoJSONParts(scenarioPath: String, version: String,
                                   coordinateDecimals: Int = 7, geometry: OutputGeometry = .original, threads: Int) throws -> [[UInt8]] {
        let geometries = try lonLatGeometries(geometry)
        let addedNames = outputPropertyPositions
        let keys = outputPropertyNames.map { GeoJSONFeatureEncoder.memberKey($0) }
        let schemas = PropertySchemas(candidates)
        let result = self
        return GeoJSONWriter(coordinateDecimals: coordinateDecimals).encodeParts(
            featureCount: outputOrder.count,
            foreignMembers: ["standort": .object(manifest(scenarioPath: scenarioPath, version: version))],
            threads: threads
        ) { range, encoder in
            result.encodeRankedFeatures(range, lonLatGeometries: geometries, addedNames: addedNames, keys: keys, schemas: schemas, into: &encoder)
        }
    }

    /// Writes the ranked GeoJSON document to `url` atomically while it is encoded: parallel chunks stream to the
    /// file in order, so the document is never held in memory (the same bytes as `rankedGeoJSONParts`).
    public func writeRankedGeoJSON(to url: URL, protecting inputs: [URL], scenarioPath: String, version: String,
                                   coordinateDecimals: Int = 7, geometry: OutputGeometry = .original, threads: Int) throws {
        let geometries = try lonLatGeometries(geometry)
        let addedNames = outputPropertyPositions
        let keys = outputPropertyNames.map { GeoJSONFeatureEncoder.memberKey($0) }
        let schemas = PropertySchemas(candidates)
        let result = self
        let writer = GeoJSONWriter(coordinateDecimals: coordinateDecimals)
        let members: JSONObject = ["standort": .object(manifest(scenarioPath: scenarioPath, version: version))]
        try AtomicFileWriter().write(to: url, protecting: inputs) { emit throws(OutputError) in
            try writer.encodeStreaming(featureCount: outputOrder.count, foreignMembers: members, threads: threads,
                                       encodeRange: { range, encoder in
                result.encodeRankedFeatures(range, lonLatGeometries: geometries, addedNames: addedNames, keys: keys, schemas: schemas, into: &encoder)
            }) { (part: [UInt8]) throws(OutputError) in
                let r: Result<Void, OutputError> = part.withUnsafeBytes { raw in Result { () throws(OutputError) in try emit(raw) } }
                try r.get()
            }
        }
    }

    /// Rows gathered per batch: 512 rows × ~20 columns of 8 bytes stay in L1/L2 while they are encoded.
    private static let gatherBatch = 512

    /// Writes features `range` of the ranked output straight into `encoder`: the same bytes as encoding
    /// `rankedFeature(at:…)` for each, without building a `Feature`, `JSONObject` or `JSONValue`s per row
    /// (issue 15). Rows in output (rank) order are scattered over the per-site columns, so each batch's
    /// numbers are first gathered column by column (independent loads that overlap), then encoded.
    /// `keys[j]` is the pre-encoded `"name":` of `outputPropertyNames[j]`.
    func encodeRankedFeatures(_ range: Range<Int>, lonLatGeometries: [Geometry?], addedNames: [String: Int], keys: [[UInt8]],
                              schemas: PropertySchemas, into e: inout GeoJSONFeatureEncoder, positionOffset: Int = 0) {
        let batch = Self.gatherBatch
        let columns = keys.count
        let m = methodColumns.count
        // Column j of the batch at gathered[j * batch + k]; nil and non-finite numbers as NaN (both write
        // `null`), booleans as 0/1.
        var gathered = [Double](repeating: 0, count: columns * batch)
        var plan = OriginalKeyPlan()
        // The added properties' keys in one buffer, sliced per row without retaining an array per key.
        let addedKeys = EncodedKeys(keys)
        // Per added property: the text column it is written from (a `categories` criterion's raw value), else nil;
        // looked up once, not per row (reading `criteria[c].text` in the row loop retained the column each time).
        let textOf: [[String?]?] = (0..<columns).map { j in
            j >= 4 + m && (j - 4 - m) % 2 == 0 ? criteria[(j - 4 - m) / 2].text : nil
        }
        // Whether a column is text, as a plain flag: testing `textOf[j] != nil` per value materialised the optional
        // array, a retain and a release per column per row.
        let isText = textOf.map { $0 != nil }
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + batch)
            let count = end - start
            outputOrder.withUnsafeBufferPointer { order in
                let sites = UnsafeBufferPointer(rebasing: order[start..<end])
                gathered.withUnsafeMutableBufferPointer { g in
                    func gather<T>(_ j: Int, _ column: [T], _ value: (T) -> Double) {
                        column.withUnsafeBufferPointer { col in
                            for k in 0..<count { g[j * batch + k] = value(col[sites[k]]) }
                        }
                    }
                    gather(0, ranks) { $0.map(Double.init) ?? .nan }
                    gather(1, scores) { $0 ?? .nan }
                    for c in 0..<m { gather(2 + c, methodColumns[c].values) { $0 ?? .nan } }
                    gather(2 + m, exclusions) { $0.isEmpty ? 0 : 1 }
                    for (c, column) in criteria.enumerated() {
                        if column.text == nil { gather(4 + m + 2 * c, column.raw) { $0 } }
                        gather(5 + m + 2 * c, column.values) { $0 ?? .nan }
                    }
                }
                // Touch each row's candidate and its property arrays before encoding: the rows are in rank order,
                // scattered over the candidates, and these independent loads overlap, where the encoder's dependent
                // ones stalled one by one (perf annotate: 32 % of the encoder's own samples on loading the candidate).
                // The candidate and its geometry are read through buffer pointers and its keys known by schema number:
                // `candidates[s]` as an argument copied the feature, retaining and releasing its id, geometry and
                // property arrays once per row — the key list, shared by every candidate, on both encoding threads at
                // once (≈ 2.5 % of an L run in `swift_retain`/`swift_release`).
                candidates.withUnsafeBufferPointer { features in
                    lonLatGeometries.withUnsafeBufferPointer { geometries in
                        var touched = 0
                        for k in 0..<count { touched &+= features[sites[k]].properties.values.count &+ features[sites[k]].properties.keys.count }
                        if touched == Int.min { return }  // never: keeps the loads
                        for k in 0..<count {
                            e.separator(before: positionOffset + start + k)
                            encodeRankedFeature(site: sites[k], row: k, gathered: gathered, features: features,
                                                geometry: geometries[sites[k]], keys: addedKeys, textOf: textOf, isText: isText,
                                                schemas: schemas, plan: &plan, addedNames: addedNames, into: &e)
                        }
                    }
                }
            }
            start = end
        }
    }

    /// One feature of `encodeRankedFeatures`: row `row` of the gathered batch, site `s`.
    @inline(__always)
    private func encodeRankedFeature(site s: Int, row: Int, gathered: [Double], features: UnsafeBufferPointer<Feature>, geometry: borrowing Geometry?,
                                     keys: EncodedKeys, textOf: [[String?]?], isText: [Bool], schemas: PropertySchemas,
                                     plan: inout OriginalKeyPlan, addedNames: [String: Int], into e: inout GeoJSONFeatureEncoder) {
        let batch = Self.gatherBatch
        let m = methodColumns.count
        func added(_ j: Int) {
            let x = gathered[j * batch + row]
            switch j {
            case 2 + m: e.bool(x != 0)
            case 3 + m:
                if gathered[(2 + m) * batch + row] == 0 {
                    e.string("")
                } else {
                    let reasons = exclusions[s]
                    e.string(reasons.count == 1 ? reasons[0] : reasons.joined(separator: ";"))
                }
            case let j where isText[j]:
                if let t = textOf[j]![s] { e.string(t) } else { e.null() }
            default:
                // JSONNumberFormat writes NaN and infinities as null, as `siteProperties` does for nil.
                e.number(x)
            }
        }
        e.beginFeature(id: features[s].id)
        // Added properties whose name the candidate already has take that property's place.
        var placed: UInt64 = 0, placedBeyond: Set<Int> = []
        plan.update(schema: schemas.schema[s], of: schemas, addedNames: addedNames)
        let originalCount = plan.encodedKeys.count
        for i in 0..<originalCount {
            if i > 0 { e.comma() }
            plan.encodedKeys.member(i, into: &e)
            let j = plan.addedIndex[i]
            if j >= 0 {
                added(j)
                if j < 64 { placed |= 1 << UInt64(j) } else { placedBeyond.insert(j) }
            } else {
                e.value(features[s].properties.values[i])
            }
        }
        var first = originalCount == 0
        for j in 0..<keys.count {
            if j < 64 ? placed & (1 << UInt64(j)) != 0 : placedBeyond.contains(j) { continue }
            if !first { e.comma() }
            first = false
            keys.member(j, into: &e)
            added(j)
        }
        e.endFeature(geometry: geometry)
    }

    /// The `k`-th feature of the ranked output: the candidate's geometry (lon/lat) and properties plus Standort's.
    /// An added property whose name the candidate already has takes that property's place (as setting by key would).
    func rankedFeature(at k: Int, lonLatGeometries: [Geometry?], addedNames: [String: Int]) -> Feature {
        let s = outputOrder[k]
        let original = candidates[s].properties
        let added = siteProperties(s)
        var keys = original.keys, values = original.values
        var placed: [Bool]?  // allocated only when a name collides
        for (i, key) in keys.enumerated() {
            if let j = addedNames[key] {
                values[i] = added[j].1
                if placed == nil { placed = Array(repeating: false, count: added.count) }
                placed![j] = true
            }
        }
        keys.reserveCapacity(keys.count + added.count)
        values.reserveCapacity(values.count + added.count)
        for (j, (key, value)) in added.enumerated() where placed?[j] != true {
            keys.append(key)
            values.append(value)
        }
        return Feature(id: candidates[s].id, geometry: lonLatGeometries[s], properties: JSONObject(uncheckedKeys: keys, values: values))
    }

    /// Output property name → its position in `siteProperties`.
    var outputPropertyPositions: [String: Int] {
        Dictionary(uniqueKeysWithValues: outputPropertyNames.enumerated().map { ($1, $0) })
    }

    /// The names of the properties Standort adds to every site, in output order.
    public var outputPropertyNames: [String] {
        ["rank", "score"] + methodColumns.map(\.name) + ["excluded", "excluded_by"] + criteria.flatMap { [$0.id, $0.valueName] }
    }

    /// The properties Standort adds to site `s`, in output order (names as `outputPropertyNames`).
    public func siteProperties(_ s: Int) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        out.reserveCapacity(4 + methodColumns.count + 2 * criteria.count)
        // Appended one by one: array-literal concatenation allocates a temporary per site (measured on 10⁵ sites).
        out.append(("rank", ranks[s].map { .number(Double($0)) } ?? .null))
        out.append(("score", scores[s].map { .number($0) } ?? .null))
        if !methodColumns.isEmpty {
            for column in methodColumns { out.append((column.name, column.values[s].map { .number($0) } ?? .null)) }
        }
        out.append(("excluded", .bool(!exclusions[s].isEmpty)))
        out.append(("excluded_by", .string(exclusions[s].isEmpty ? "" : exclusions[s].joined(separator: ";"))))
        criteria.withUnsafeBufferPointer { columns in
            for c in columns.indices {
                let raw: JSONValue
                if let text = columns[c].text {
                    raw = text[s].map { .string($0) } ?? .null
                } else {
                    let x = columns[c].raw[s]
                    raw = x.isFinite ? .number(x) : .null
                }
                out.append((columns[c].id, raw))
                out.append((columns[c].valueName, columns[c].values[s].map { .number($0) } ?? .null))
            }
        }
        return out
    }

    /// The run manifest: version, scenario fingerprint, method (and its acceptance figures), CRS, weights, AHP CR,
    /// inputs and counts.
    public func manifest(scenarioPath: String, version: String) -> JSONObject {
        var m = JSONObject()
        m["version"] = .string(version)
        var scenarioInfo = JSONObject()
        scenarioInfo["name"] = .string(scenario.name)
        scenarioInfo["path"] = .string(scenarioPath)
        scenarioInfo["sha256"] = scenario.sourceSHA256.map { .string($0) } ?? .null
        m["scenario"] = .object(scenarioInfo)
        m["method"] = .string(method.rawValue)
        if let details = methodManifest { m[method.rawValue] = .object(details) }
        m["crs"] = .string(workingCRS.definition)
        m["weights"] = .object(JSONObject(members: zip(criteria.map(\.criterion.id), weights.map { JSONValue.number($0) })))
        m["ahp_cr"] = ahp.map { .number($0.cr) } ?? .null
        m["inputs"] = .array(inputs.map { .object(["layer": .string($0.layer), "path": .string($0.path), "sha256": .string($0.sha256)]) })
        var counts = JSONObject()
        counts["candidates"] = .number(Double(candidateTotal))
        counts["scored"] = .number(Double(scoredTotal))
        counts["excluded"] = .number(Double(candidateTotal - scoredTotal))
        counts["excluded_by"] = .object(JSONObject(members: exclusionTotals.map { ($0.reason, JSONValue.number(Double($0.count))) }))
        m["counts"] = .object(counts)
        if !mergedParts.isEmpty { m["parts"] = .array(mergedParts.map(\.manifestEntry)) }
        return m
    }

    /// The method's own manifest member: VIKOR's v and acceptance conditions, PROMETHEE II's preference functions.
    var methodManifest: JSONObject? {
        switch outcome {
        case .vikor(let r):
            var o = JSONObject()
            o["v"] = .number(r.v)
            o["acceptable_advantage"] = r.acceptance.map { .bool($0.acceptableAdvantage) } ?? .null
            o["acceptable_stability"] = r.acceptance.map { .bool($0.acceptableStability) } ?? .null
            o["compromise_set"] = .array((r.acceptance?.compromiseSet ?? []).map { $0.jsonValue })
            return o
        case .promethee2:
            let functions = scenario.methodSettings.promethee.functions(for: criteria.map(\.id))
            return ["functions": .object(JSONObject(members: zip(criteria.map(\.id), functions.map { JSONValue.string($0.specification) })))]
        case .wsm, .topsis:
            return nil
        }
    }

    /// The candidates' original geometries in lon/lat (one batched transform), or their centroids. `pool` lends
    /// prepared transformers (a merged run's chunks; creating one costs milliseconds).
    func lonLatGeometries(_ kind: OutputGeometry, pool: TransformerPool? = nil) throws -> [Geometry?] {
        if kind == .centroid { return try referenceLonLat(pool: pool).map { .point($0) } }
        // Candidates already in WGS 84 lon/lat (EPSG:4326 read in lon/lat order, CRS84): PROJ's operation is
        // an axis swap pair that returns the same bits, so skip the transform and the geometry rebuild
        // (≈ 0.4 s of the write stage at 1,000,000 sites; outputs compared byte for byte, issue 15).
        if GeoJSONWriter.isWGS84LonLat(candidateCRS.definition) { return candidates.map(\.geometry) }
        let geometries = candidates.map(\.geometry)
        if let pool { return try pool.with(from: candidateCRS, to: .crs84) { try $0.transform(geometries) } }
        return try CoordinateTransformer(from: candidateCRS, to: .crs84).transform(geometries)
    }

    /// Each site's reference point (centroid) in lon/lat, for the CSV output.
    public func referenceLonLat() throws -> [Position] {
        try referenceLonLat(pool: nil)
    }

    func referenceLonLat(pool: TransformerPool?) throws -> [Position] {
        var positions = referencePoints
        if let pool {
            try pool.with(from: workingCRS, to: .crs84) { try $0.transform(&positions) }
        } else {
            try CoordinateTransformer(from: workingCRS, to: .crs84).transformInParallel(&positions)
        }
        return positions
    }

    /// The two criteria that contributed most to site `s`'s score (wᵢ·vᵢ), for the summary table.
    public func topContributors(_ s: Int, count: Int = 2) -> [String] {
        let contributions = criteria.enumerated().compactMap { j, c in c.values[s].map { (c.criterion.id, weights[j] * $0) } }
        return contributions.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }
}

/// The encoded member keys of a candidate's properties and which of them an added property replaces, kept while
/// consecutive rows have the same keys (every row of a CSV, most of a GeoJSON file): no key is encoded or looked up
/// again per row (issue 15).
struct OriginalKeyPlan {
    /// The schema (`PropertySchemas`) the plan is for; −1 before the first row.
    private(set) var schema: Int32 = -1
    private(set) var encodedKeys = EncodedKeys([])
    /// The position in the added properties of the one that takes the key's place, or −1.
    private(set) var addedIndex: [Int] = []

    mutating func update(schema rowSchema: Int32, of schemas: PropertySchemas, addedNames: [String: Int]) {
        guard rowSchema != schema else { return }
        schema = rowSchema
        let rowKeys = schemas.keys[Int(rowSchema)]
        encodedKeys = EncodedKeys(rowKeys.map(GeoJSONFeatureEncoder.memberKey))
        addedIndex = rowKeys.map { addedNames[$0] ?? -1 }
    }
}

/// Pre-encoded member keys (`"name":`) in one contiguous buffer.
struct EncodedKeys {
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ keys: [[UInt8]]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for key in keys {
            bytes += key
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// Writes key `i`.
    @inline(__always)
    func member(_ i: Int, into e: inout GeoJSONFeatureEncoder) {
        bytes.withUnsafeBufferPointer { b in
            e.member(bytes: UnsafeBufferPointer(rebasing: b[starts[i]..<starts[i + 1]]))
        }
    }
}
