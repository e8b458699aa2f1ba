extension Geometry {
    /// Whether `p` lies inside or on the boundary of a polygonal part of the geometry. Points and lines
    /// enclose no area, so they contain nothing (use `distance(to:) == 0` to test incidence).
    public func contains(_ p: Position) -> Bool {
        switch self {
        case .point, .multiPoint, .lineString, .multiLineString:
            return false
        case .polygon(let poly):
            return poly.contains(p)
        case .multiPolygon(let polys):
            return polys.contains { $0.contains(p) }
        case .geometryCollection(let members):
            return members.contains { $0.contains(p) }
        }
    }
}
