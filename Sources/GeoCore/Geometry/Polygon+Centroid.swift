extension Polygon {
    /// Area moments of one closed ring relative to `origin`: twice the signed area `2A` and the first
    /// moments `Σ (xᵢ + xᵢ₊₁)(xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ)` and likewise for y (so the ring centroid is
    /// `origin + (mx, my) / (3 · 2A)`), oriented so the exterior counts positive and holes negative.
    static func ringMoments(_ ring: [Position], origin: Position, positive: Bool)
        -> (doubledArea: Double, mx: Double, my: Double) {
        guard ring.count >= 3 else { return (0, 0, 0) }
        var a2 = 0.0, mx = 0.0, my = 0.0
        for i in 0..<(ring.count - 1) {
            let x0 = ring[i].x - origin.x, y0 = ring[i].y - origin.y
            let x1 = ring[i + 1].x - origin.x, y1 = ring[i + 1].y - origin.y
            let c = x0 * y1 - x1 * y0
            a2 += c
            mx += (x0 + x1) * c
            my += (y0 + y1) * c
        }
        // Flip a ring whose orientation disagrees with its role (exterior positive, hole negative).
        if (a2 > 0) != positive, a2 != 0 { return (-a2, -mx, -my) }
        return (a2, mx, my)
    }

    /// Summed moments of all rings relative to `origin` (holes subtracted).
    func areaMoments(origin: Position) -> (doubledArea: Double, mx: Double, my: Double) {
        var total = Polygon.ringMoments(exterior, origin: origin, positive: true)
        for hole in holes {
            let m = Polygon.ringMoments(hole, origin: origin, positive: false)
            total.doubledArea += m.doubledArea
            total.mx += m.mx
            total.my += m.my
        }
        return total
    }

    /// The area-weighted centroid (centre of mass of the area, holes subtracted):
    /// `Cx = Σ (xᵢ + xᵢ₊₁)(xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ) / (6A)`, likewise `Cy`. Nil for a polygon of zero area
    /// (use `Geometry.centroid`, which then falls back to the rings as lines).
    public var centroid: Position? {
        guard let origin = exterior.first else { return nil }
        let m = areaMoments(origin: origin)
        guard m.doubledArea != 0 else { return nil }
        return Position(x: origin.x + m.mx / (3 * m.doubledArea), y: origin.y + m.my / (3 * m.doubledArea))
    }
}
