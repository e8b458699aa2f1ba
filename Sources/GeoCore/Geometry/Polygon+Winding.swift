/// Ring orientation and the RFC 7946 winding rule (exterior counter-clockwise, holes clockwise).
extension Polygon {
    /// Twice the signed area of a closed ring by the shoelace formula: positive when counter-clockwise
    /// (x east, y north). Coordinates are taken relative to the first vertex to keep precision with
    /// projected coordinates in the millions.
    public static func doubledSignedArea(ofRing ring: [Position]) -> Double {
        guard ring.count >= 3 else { return 0 }
        let origin = ring[0]
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[i + 1]
            sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return sum
    }

    /// Whether a closed ring runs counter-clockwise.
    public static func isCounterClockwise(_ ring: [Position]) -> Bool {
        doubledSignedArea(ofRing: ring) > 0
    }

    /// The polygon with its exterior counter-clockwise and its holes clockwise (RFC 7946 §3.1.6).
    public func rfc7946Oriented() -> Polygon {
        func oriented(_ ring: [Position], counterClockwise: Bool) -> [Position] {
            Polygon.isCounterClockwise(ring) == counterClockwise ? ring : ring.reversed()
        }
        return Polygon(
            exterior: oriented(exterior, counterClockwise: true),
            holes: holes.map { oriented($0, counterClockwise: false) }
        )
    }
}

extension Geometry {
    /// The geometry with every polygon oriented by the RFC 7946 winding rule.
    public func rfc7946Oriented() -> Geometry {
        switch self {
        case .polygon(let p): .polygon(p.rfc7946Oriented())
        case .multiPolygon(let ps): .multiPolygon(ps.map { $0.rfc7946Oriented() })
        case .geometryCollection(let gs): .geometryCollection(gs.map { $0.rfc7946Oriented() })
        default: self
        }
    }
}
