import Foundation
import GeoCore

extension ScoringResult {
    /// The ranked FeatureCollection (RFC 7946, lon/lat): features in output order, each with its original
    /// geometry and properties plus `rank`, `score`, `excluded`, `excluded_by`, and `<id>` / `<id>_value`
    /// for every criterion; the run manifest as the foreign member `standort`.
    public func rankedCollection(scenarioPath: String, method: AggregationMethod, version: String) throws -> FeatureCollection {
        let geometries = try lonLatGeometries()
        var features: [Feature] = []
        features.reserveCapacity(outputOrder.count)
        let addedKeys = Set(outputPropertyNames)
        for s in outputOrder {
            var properties = candidates[s].properties
            // Appending is linear; setting by key searches the object, needed only where a name collides.
            let collides = properties.keys.contains { addedKeys.contains($0) }
            for (key, value) in siteProperties(s) {
                if collides { properties[key] = value } else { properties.appendUnchecked(key, value) }
            }
            features.append(Feature(id: candidates[s].id, geometry: geometries[s], properties: properties))
        }
        var foreign = JSONObject()
        foreign["standort"] = .object(manifest(scenarioPath: scenarioPath, method: method, version: version))
        return FeatureCollection(features: features, crs: CRS.crs84.definition, foreignMembers: foreign)
    }

    /// The names of the properties Standort adds to every site, in output order.
    public var outputPropertyNames: [String] {
        ["rank", "score", "excluded", "excluded_by"] + criteria.flatMap { [$0.criterion.id, $0.criterion.id + "_value"] }
    }

    /// The properties Standort adds to site `s`, in output order.
    public func siteProperties(_ s: Int) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = [
            ("rank", ranks[s].map { .number(Double($0)) } ?? .null),
            ("score", scores[s].map { .number($0) } ?? .null),
            ("excluded", .bool(!exclusions[s].isEmpty)),
            ("excluded_by", .string(exclusions[s].joined(separator: ";"))),
        ]
        for column in criteria {
            let raw: JSONValue
            if let text = column.text {
                raw = text[s].map { .string($0) } ?? .null
            } else {
                raw = column.raw[s].isFinite ? .number(column.raw[s]) : .null
            }
            out.append((column.criterion.id, raw))
            out.append((column.criterion.id + "_value", column.values[s].map { .number($0) } ?? .null))
        }
        return out
    }

    /// The run manifest: version, scenario fingerprint, method, CRS, weights, AHP CR, inputs and counts.
    public func manifest(scenarioPath: String, method: AggregationMethod, version: String) -> JSONObject {
        var m = JSONObject()
        m["version"] = .string(version)
        var scenarioInfo = JSONObject()
        scenarioInfo["name"] = .string(scenario.name)
        scenarioInfo["path"] = .string(scenarioPath)
        scenarioInfo["sha256"] = scenario.sourceURL.flatMap { try? Data(contentsOf: $0) }.map { .string(SHA256.hex(of: $0)) } ?? .null
        m["scenario"] = .object(scenarioInfo)
        m["method"] = .string(method.rawValue)
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

    /// The candidates' original geometries in lon/lat (one batched transform).
    func lonLatGeometries() throws -> [Geometry?] {
        let transformer = try CoordinateTransformer(from: candidateCRS, to: .crs84)
        var positions: [Position] = []
        for f in candidates { f.geometry?.forEachPosition { positions.append($0) } }
        try transformer.transformInParallel(&positions)
        var cursor = 0
        return candidates.map { f in
            f.geometry?.mapPositions { _ in defer { cursor += 1 }; return positions[cursor] }
        }
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
