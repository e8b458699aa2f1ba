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
        for (i, feature) in layer.features.enumerated() {
            let id = try Self.siteID(feature, index: i, idField: idField, layer: layer)
            if let other = firstIndex.updateValue(i, forKey: id) {
                throw ScoringError(file: layer.file, featureIndex: i, featureID: id.description, field: idField,
                                   message: "duplicate site id (feature \(other) has it too); site ids must be unique")
            }
            guard let geometry = layer.working[i] else {
                throw ScoringError(file: layer.file, featureIndex: i, featureID: id.description,
                                   message: "candidate has no geometry (geometry: null); every site needs a location")
            }
            guard let centre = geometry.centroid, centre.isFinite else {
                throw ScoringError(file: layer.file, featureIndex: i, featureID: id.description,
                                   message: "candidate geometry is empty or degenerate; it has no centroid")
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
                throw ScoringError(file: layer.file, featureIndex: index, featureID: layer.idText(index), field: idField,
                                   message: "candidate has no site id (the scenario's candidates.id names this property)")
            default:
                throw ScoringError(file: layer.file, featureIndex: index, featureID: layer.idText(index), field: idField,
                                   message: "site id must be a string or a number")
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
