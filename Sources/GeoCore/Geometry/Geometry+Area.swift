extension Geometry {
    /// Planar area in squared CRS units (shoelace formula, holes subtracted); 0 for points and lines.
    /// Parts of a multi-polygon or collection are summed, overlaps are not dissolved (as shapely's `area`).
    public var area: Double {
        switch self {
        case .point, .multiPoint, .lineString, .multiLineString: 0
        case .polygon(let poly): poly.area
        case .multiPolygon(let polys): polys.reduce(0) { $0 + $1.area }
        case .geometryCollection(let members): members.reduce(0) { $0 + $1.area }
        }
    }
}
