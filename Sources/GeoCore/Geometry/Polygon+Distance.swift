extension Polygon {
    /// Planar distance from `p` to the nearest point of any ring (exterior or hole).
    public func boundaryDistance(to p: Position) -> Double {
        var best = p.distance(toLineString: exterior)
        for hole in holes { best = Swift.min(best, p.distance(toLineString: hole)) }
        return best
    }

    /// Planar distance from `p` to the polygon as an area: 0 inside or on the boundary, otherwise the
    /// distance to the nearest ring.
    public func distance(to p: Position) -> Double {
        contains(p) ? 0 : boundaryDistance(to: p)
    }
}
