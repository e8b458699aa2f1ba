extension Geometry {
    /// Planar distance from `p` to the nearest point of the geometry, in CRS units: 0 inside or on the
    /// boundary of a polygonal part; infinity for an empty geometry. For a collection, the minimum over
    /// its members. O(total vertex count); use `SpatialIndex` for many queries against a layer.
    public func distance(to p: Position) -> Double {
        switch self {
        case .point(let q):
            return p.distance(to: q)
        case .multiPoint(let qs):
            var best = Double.infinity
            for q in qs { best = Swift.min(best, p.distance(to: q)) }
            return best
        case .lineString(let line):
            return p.distance(toLineString: line)
        case .multiLineString(let lines):
            var best = Double.infinity
            for line in lines { best = Swift.min(best, p.distance(toLineString: line)) }
            return best
        case .polygon(let poly):
            return poly.distance(to: p)
        case .multiPolygon(let polys):
            if polys.contains(where: { $0.contains(p) }) { return 0 }
            var best = Double.infinity
            for poly in polys { best = Swift.min(best, poly.boundaryDistance(to: p)) }
            return best
        case .geometryCollection(let members):
            var best = Double.infinity
            for g in members {
                best = Swift.min(best, g.distance(to: p))
                if best == 0 { break }
            }
            return best
        }
    }
}
