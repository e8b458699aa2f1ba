/// Why a polygon ring is not a valid linear ring.
public enum RingValidityError: Error, Hashable, Sendable {
    /// Ring `ring` (0 = exterior, 1… = holes) has `count` positions; a closed ring needs at least 4.
    case tooFewPositions(ring: Int, count: Int)
    /// Ring `ring`'s first and last positions differ.
    case notClosed(ring: Int)
}

extension Polygon {
    /// Checks the linear-ring rules of RFC 7946 §3.1.6 for one ring: at least 4 positions, first == last.
    public static func validateRing(_ ring: [Position], index: Int = 0) throws(RingValidityError) {
        guard ring.count >= 4 else { throw .tooFewPositions(ring: index, count: ring.count) }
        guard ring.first == ring.last else { throw .notClosed(ring: index) }
    }

    /// Checks every ring (exterior first) with `validateRing(_:index:)`; throws for the first bad ring.
    /// Does not look for self-intersections (see `selfIntersection()`).
    public func validateRings() throws(RingValidityError) {
        try Polygon.validateRing(exterior, index: 0)
        for (i, hole) in holes.enumerated() { try Polygon.validateRing(hole, index: i + 1) }
    }
}
