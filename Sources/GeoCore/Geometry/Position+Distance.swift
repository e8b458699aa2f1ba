/// Planar (Euclidean) distances from a position, in the units of the CRS (metres in a projected CRS).
///
/// These functions are the single source of truth for distances: `SpatialIndex` calls exactly the same
/// functions on exactly the same coordinates, so indexed answers equal brute-force answers bit for bit.
extension Position {
    /// Planar distance to `other`: `√(Δx² + Δy²)`.
    @inlinable
    public func distance(to other: Position) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Planar distance from `p` to the segment `a`–`b`: the distance to the orthogonal projection of `p`
    /// onto the segment, clamped to its end points (`t = ((p−a)·(b−a)) / |b−a|²`, `t ∈ [0, 1]`).
    /// A degenerate segment (`a == b`) gives the distance to `a`, identical to `p.distance(to: a)`.
    @inlinable
    public static func distance(from p: Position, toSegment a: Position, _ b: Position) -> Double {
        // Work relative to `a`: projected coordinates are in the millions, their differences are small.
        let px = p.x - a.x, py = p.y - a.y
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        if len2 == 0 { return (px * px + py * py).squareRoot() }
        var t = (px * dx + py * dy) / len2
        if t < 0 { t = 0 } else if t > 1 { t = 1 }
        let ex = px - t * dx, ey = py - t * dy
        return (ex * ex + ey * ey).squareRoot()
    }

    /// Planar distance to the nearest point of a line string (the minimum over its segments);
    /// a one-position line is treated as a point, an empty one is infinitely far.
    public func distance(toLineString line: [Position]) -> Double {
        guard let first = line.first else { return .infinity }
        if line.count == 1 { return distance(to: first) }
        var best = Double.infinity
        for i in 0..<(line.count - 1) {
            let d = Position.distance(from: self, toSegment: line[i], line[i + 1])
            if d < best { best = d }
        }
        return best
    }
}
