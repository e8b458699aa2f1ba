/// Where a position lies relative to a closed ring.
public enum RingLocation: Hashable, Sendable {
    case outside
    case boundary
    case inside
}

extension Polygon {
    /// Locates `p` relative to a closed ring by the crossing-number (even–odd) rule, detecting the boundary
    /// exactly: `p` is on an edge when the cross product `(b−a)×(p−a)` is 0 and `p` lies in the edge's box.
    /// The ray test reuses the same cross product's sign, so the boundary and inside decisions can't disagree.
    /// O(n) in the ring's vertex count.
    public static func locate(_ p: Position, inRing ring: [Position]) -> RingLocation {
        ring.withUnsafeBufferPointer { locate(p, inRing: $0) }
    }

    /// `locate(_:inRing:)` over a buffer (used by `SpatialIndex` on its packed vertex array).
    @inlinable
    public static func locate(_ p: Position, inRing ring: UnsafeBufferPointer<Position>) -> RingLocation {
        guard ring.count >= 2 else {
            return ring.count == 1 && ring[0] == p ? .boundary : .outside
        }
        var inside = false
        var a = ring[0]
        for i in 1..<ring.count {
            let b = ring[i]
            let cross = (b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y)
            if cross == 0,
               p.x >= Swift.min(a.x, b.x), p.x <= Swift.max(a.x, b.x),
               p.y >= Swift.min(a.y, b.y), p.y <= Swift.max(a.y, b.y) {
                return .boundary
            }
            if (a.y > p.y) != (b.y > p.y) {
                // Upward edge: the ray to +x crosses it iff p is left of it (cross > 0); downward: iff right.
                if (b.y > a.y) == (cross > 0) { inside.toggle() }
            }
            a = b
        }
        return inside ? .inside : .outside
    }

    /// Whether `p` lies inside the polygon or on its boundary (exterior or hole rings); points strictly
    /// inside a hole are outside. O(total vertex count).
    public func contains(_ p: Position) -> Bool {
        switch Polygon.locate(p, inRing: exterior) {
        case .outside: return false
        case .boundary: return true
        case .inside: break
        }
        for hole in holes {
            switch Polygon.locate(p, inRing: hole) {
            case .inside: return false
            case .boundary: return true
            case .outside: continue
            }
        }
        return true
    }
}
