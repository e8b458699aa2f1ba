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
        let result = self
        return GeoJSONWriter(coordinateDecimals: coordinateDecimals).encodeParts(
            featureCount: outputOrder.count,
            foreignMembers: ["standort": .object(manifest(scenarioPath: scenarioPath, version: version))],
            threads: threads
        ) { k, encoder in
            result.encodeRankedFeature(at: k, lonLatGeometries: geometries, addedNames: addedNames, keys: keys, into: &encoder)
        }
    }

    /// Writes the `k`-th feature of the ranked output straight into `encoder`: the same bytes as encoding
    /// `rankedFeature(at:…)`, without building a `Feature`, `JSONObject` or `JSONValue`s per row
    /// (issue 15). `keys[j]` is the pre-encoded `"name":` of `outputPropertyNames[j]`.
    func encodeRankedFeature(at k: Int, lonLatGeometries: [Geometry?], addedNames: [String: Int], keys: [[UInt8]],
                             into e: inout GeoJSONFeatureEncoder) {
        let s = outputOrder[k]
        let original = candidates[s].properties
        e.beginFeature(id: candidates[s].id)
        // Added properties whose name the candidate already has take that property's place.
        var placed: UInt64 = 0, placedBeyond: Set<Int> = []
        let originalKeys = original.keys
        for i in originalKeys.indices {
            if i > 0 { e.comma() }
            e.member(originalKeys[i])
            if let j = addedNames[originalKeys[i]] {
                encodeAddedProperty(j, site: s, into: &e)
                if j < 64 { placed |= 1 << UInt64(j) } else { placedBeyond.insert(j) }
            } else {
                e.value(original.values[i])
            }
        }
        var first = originalKeys.isEmpty
        for j in keys.indices {
            if j < 64 ? placed & (1 << UInt64(j)) != 0 : placedBeyond.contains(j) { continue }
            if !first { e.comma() }
            first = false
            e.member(keys[j])
            encodeAddedProperty(j, site: s, into: &e)
        }
        e.endFeature(geometry: lonLatGeometries[s])
    }

    /// The value of added property `j` (position in `outputPropertyNames`) of site `s`, as `siteProperties`
    /// gives it.
    @inline(__always)
    private func encodeAddedProperty(_ j: Int, site s: Int, into e: inout GeoJSONFeatureEncoder) {
        let m = methodColumns.count
        switch j {
        case 0: e.number(ranks[s].map { Double($0) })
        case 1: e.number(scores[s])
        case 2..<(2 + m): e.number(methodColumns[j - 2].values[s])
        case 2 + m: e.bool(!exclusions[s].isEmpty)
        case 3 + m:
            let reasons = exclusions[s]
            switch reasons.count {
            case 0: e.string("")
            case 1: e.string(reasons[0])
            default: e.string(reasons.joined(separator: ";"))
            }
        default:
            let c = (j - 4 - m) / 2
            if (j - 4 - m) % 2 == 0 {
                if let text = criteria[c].text {
                    if let t = text[s] { e.string(t) } else { e.null() }
                } else {
                    let x = criteria[c].raw[s]
                    if x.isFinite { e.number(x) } else { e.null() }
                }
            } else {
                e.number(criteria[c].values[s])
            }
        }
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
        out.reserveCapacity(4 + 2 * criteria.count)
        out += [
            ("rank", ranks[s].map { .number(Double($0)) } ?? .null),
            ("score", scores[s].map { .number($0) } ?? .null),
        ]
        for column in methodColumns { out.append((column.name, column.values[s].map { .number($0) } ?? .null)) }
        out += [
            ("excluded", .bool(!exclusions[s].isEmpty)),
            ("excluded_by", .string(exclusions[s].joined(separator: ";"))),
        ]
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
        counts["candidates"] = .number(Double(siteIDs.count))
        counts["scored"] = .number(Double(eligibleIndices.count))
        counts["excluded"] = .number(Double(siteIDs.count - eligibleIndices.count))
        counts["excluded_by"] = .object(JSONObject(members: exclusionCounts.map { ($0.reason, JSONValue.number(Double($0.count))) }))
        m["counts"] = .object(counts)
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

    /// The candidates' original geometries in lon/lat (one batched transform), or their centroids.
    func lonLatGeometries(_ kind: OutputGeometry) throws -> [Geometry?] {
        if kind == .centroid { return try referenceLonLat().map { .point($0) } }
        return try CoordinateTransformer(from: candidateCRS, to: .crs84).transform(candidates.map(\.geometry))
    }

    /// Each site's reference point (centroid) in lon/lat, for the CSV output.
    public func referenceLonLat() throws -> [Position] {
        var positions = referencePoints
        try CoordinateTransformer(from: workingCRS, to: .crs84).transformInParallel(&positions)
        return positions
    }

    /// The two criteria that contributed most to site `s`'s score (wᵢ·vᵢ), for the summary table.
    public func topContributors(_ s: Int, count: Int = 2) -> [String] {
        let contributions = criteria.enumerated().compactMap { j, c in c.values[s].map { (c.criterion.id, weights[j] * $0) } }
        return contributions.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }
}
