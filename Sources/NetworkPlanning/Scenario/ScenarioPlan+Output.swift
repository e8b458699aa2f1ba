import Foundation
import GeoCore
import SiteScoring

extension ScenarioPlan {
    /// Every eligible candidate in rank order, with the scoring properties and `plan_selected`, `plan_order`,
    /// `plan_marginal`, `plan_covered` (and `plan_load`, `plan_utilisation` with capacities); the run manifest with
    /// the member `plan` (`standort.plan`). Geometry: the site's reference point in lon/lat.
    public func candidateCollection(_ result: ScoringResult, _ plan: PlanResult, scenarioPath: String, version: String) throws -> FeatureCollection {
        var ranked = try result.rankedCollection(scenarioPath: scenarioPath, version: version, geometry: .centroid)
        let rowOfSite = Dictionary(uniqueKeysWithValues: siteIndices.enumerated().map { ($1, $0) })
        var features: [Feature] = []
        for (k, s) in result.outputOrder.enumerated() {
            guard let row = rowOfSite[s] else { continue }
            var feature = ranked.features[k]
            let outcome = plan.sites[row]
            feature.properties["plan_selected"] = .bool(outcome.selected)
            feature.properties["plan_order"] = outcome.order.map { .number(Double($0)) } ?? .null
            feature.properties["plan_marginal"] = outcome.marginal.map { .number($0) } ?? .null
            feature.properties["plan_covered"] = .number(outcome.covered)
            if problem.settings.isCapacitated {
                feature.properties["plan_load"] = outcome.load.map { .number($0) } ?? .null
                feature.properties["plan_utilisation"] = outcome.utilisation.map { .number($0) } ?? .null
            }
            features.append(feature)
        }
        ranked.features = features
        if case .object(var manifest)? = ranked.foreignMembers["standort"] {
            manifest["plan"] = .object(plan.summary.manifest)
            ranked.foreignMembers["standort"] = .object(manifest)
        }
        return ranked
    }

    /// Every demand point (lon/lat of its reference point) with `weight`, `served_by` (site id, existing facility
    /// id, or null), `distance_m` and, with capacities, `shares` ([{facility, units}]).
    public func demandCollection(_ result: ScoringResult, _ plan: PlanResult) throws -> FeatureCollection {
        var positions = problem.demand.map(\.position)
        try CoordinateTransformer(from: result.workingCRS, to: .crs84).transformInParallel(&positions)
        var features: [Feature] = []
        for (i, point) in problem.demand.enumerated() {
            let outcome = plan.demand[i]
            var properties = JSONObject()
            properties["id"] = .string(point.id)
            properties["weight"] = .number(point.weight)
            properties["served_by"] = outcome.servedBy.map { .string(PlanResult.id(of: $0, in: problem)) } ?? .null
            properties["served_by_existing"] = outcome.servedBy.map { if case .existing = $0 { .bool(true) } else { .bool(false) } } ?? .null
            properties["distance_m"] = outcome.distance.map { .number($0) } ?? .null
            if problem.settings.isCapacitated {
                properties["shares"] = .array(outcome.shares.map {
                    .object(["facility": .string(PlanResult.id(of: $0.facility, in: problem)), "units": .number($0.units)])
                })
            }
            features.append(Feature(id: .string(point.id), geometry: .point(positions[i]), properties: properties))
        }
        return FeatureCollection(features: features)
    }
}

/// A feature collection of points as CSV (`lon`, `lat`, then the properties in first-seen order), for plan outputs.
enum PointCSV {
    static func encode(_ collection: FeatureCollection) -> [UInt8] {
        var columns: [String] = []
        var seen: Set<String> = ["lon", "lat"]
        for f in collection.features { for key in f.properties.keys where seen.insert(key).inserted { columns.append(key) } }
        var out: [UInt8] = []
        func field(_ text: String) {
            if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out += Array("\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"".utf8)
            } else {
                out += Array(text.utf8)
            }
        }
        func text(_ value: JSONValue?) -> String {
            switch value {
            case nil, .null?: ""
            case .string(let s)?: s
            case .bool(let b)?: b ? "true" : "false"
            case .number(let n)?: n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
            case let v?: v.jsonText
            }
        }
        let header = ["lon", "lat"] + columns
        for (i, h) in header.enumerated() { if i > 0 { out.append(UInt8(ascii: ",")) }; field(h) }
        out.append(10)
        for f in collection.features {
            var p: Position?
            f.geometry?.forEachPosition { if p == nil { p = $0 } }
            field(p.map { String(format: "%.7f", $0.x) } ?? "")
            out.append(UInt8(ascii: ","))
            field(p.map { String(format: "%.7f", $0.y) } ?? "")
            for c in columns { out.append(UInt8(ascii: ",")); field(text(f.properties[c])) }
            out.append(10)
        }
        return out
    }
}

extension FeatureCollection {
    /// The collection encoded for `url`'s extension: GeoJSON (RFC 7946) or CSV of points.
    public func encodedForPlan(_ url: URL) throws -> [UInt8] {
        switch url.pathExtension.lowercased() {
        case "csv": return PointCSV.encode(self)
        case "geojson", "json", "": return try GeoJSONWriter().encode(self)
        default:
            throw LayerFormatError(.unsupportedOutput(extension: url.pathExtension.lowercased(), supported: ["geojson", "json", "csv"], hint: "plans are written as GeoJSON or CSV"), file: url.path)
        }
    }
}
