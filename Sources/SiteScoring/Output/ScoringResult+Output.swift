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
        let result = self
        return GeoJSONWriter(coordinateDecimals: coordinateDecimals).encodeParts(
            featureCount: outputOrder.count,
            foreignMembers: ["standort": .object(manifest(scenarioPath: scenarioPath, version: version))],
            threads: threads
        ) { result.rankedFeature(at: $0, lonLatGeometries: geometries, addedNames: addedNames) }
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
        counts["candidates"] = .number(Double(siteIDs.count))
        counts["scored"] = .number(Double(eligibleIndices.count))
        counts["excluded"] = .number(Double(siteIDs.count - eligibleIndices.count))
        counts["excluded_by"] = .object(JSONObject(members: exclusionCounts.map { ($0.reason, JSONValue.number(Double($0.count))) }))
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
