import GeoCore

/// The candidate sites: ids, reference points and areas in the working CRS.
struct SiteTable {
    let layer: LoadedLayer
    let ids: [SiteID]
    /// The point each site is measured from: the point itself, else the (area- or length-weighted) centroid.
    let referencePoints: [Position]
    /// Planar area in m² (0 for points and lines).
    let areas: [Double]

    var count: Int { ids.count }

    init(_ layer: LoadedLayer, idField: String?) throws {
        self.layer = layer
        var ids: [SiteID] = []
        var points: [Position] = []
        var areas: [Double] = []
        ids.reserveCapacity(layer.features.count)
        points.reserveCapacity(layer.features.count)
        areas.reserveCapacity(layer.features.count)
        var firstIndex: [SiteID: Int] = [:]
        firstIndex.reserveCapacity(layer.features.count)  // no rehashing while it grows (≈ 3 % of an L run)
        for (i, feature) in layer.features.enumerated() {
            let id = try Self.siteID(feature, index: i, idField: idField, layer: layer)
            if let other = firstIndex.updateValue(i, forKey: id) {
                throw ScoringError(.duplicateSiteID(otherFeature: other), file: layer.file, featureIndex: i, featureID: id.description, field: idField)
            }
            guard let geometry = layer.working[i] else {
                throw ScoringError(.candidateWithoutGeometry, file: layer.file, featureIndex: i, featureID: id.description)
            }
            guard let centre = geometry.centroid, centre.isFinite else {
                throw ScoringError(.degenerateCandidate, file: layer.file, featureIndex: i, featureID: id.description)
            }
            ids.append(id)
            points.append(centre)
            areas.append(geometry.area)
        }
        self.ids = ids
        self.referencePoints = points
        self.areas = areas
    }

    /// The id: the `idField` property, else the feature's `id`, else the 1-based index.
    static func siteID(_ feature: Feature, index: Int, idField: String?, layer: LoadedLayer) throws -> SiteID {
        if let idField {
            switch feature.properties[idField] {
            case .string(let s)?: return .string(s)
            case .number(let n)?: return .number(n)
            case nil, .null?:
                throw ScoringError(.missingSiteID, file: layer.file, featureIndex: index, featureID: layer.idText(index), field: idField)
            default:
                throw ScoringError(.invalidSiteID, file: layer.file, featureIndex: index, featureID: layer.idText(index), field: idField)
            }
        }
        switch feature.id {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case nil: return .number(Double(index + 1))
        }
    }

    func property(_ site: Int, _ field: String) -> JSONValue? {
        layer.features[site].properties[field]
    }
}
