extension Polygon {
    /// A position where the polygon's rings intersect themselves or each other, or nil when every ring is
    /// simple and no two rings meet. Any contact counts: a crossing, a ring touching itself or another ring
    /// at a point, overlapping collinear edges, or a spike doubling back along its edge. Consecutive edges
    /// of a ring meeting at their shared vertex are not an intersection; repeated consecutive vertices are
    /// ignored. Rings are assumed closed (see `validateRings()`).
    ///
    /// Edges go into a packed R-tree and each edge is tested only against edges whose boxes overlap it:
    /// O(n log n + candidate pairs) rather than O(n²). Deterministic: the first pair found in edge order.
    public func selfIntersection() -> Position? {
        // Clean rings (no repeated consecutive vertices) and collect edges with their ring and position.
        var a: [Position] = [], b: [Position] = [], ringOf: [Int] = [], slot: [Int] = [], ringEdgeCount: [Int] = []
        var boxes: [BoundingBox] = []
        for (r, ring) in rings.enumerated() {
            var clean: [Position] = []
            clean.reserveCapacity(ring.count)
            for p in ring where clean.last != p { clean.append(p) }
            let edges = Swift.max(clean.count - 1, 0)
            ringEdgeCount.append(edges)
            for i in 0..<edges {
                a.append(clean[i]); b.append(clean[i + 1]); ringOf.append(r); slot.append(i)
                boxes.append(BoundingBox(minX: Swift.min(clean[i].x, clean[i + 1].x), minY: Swift.min(clean[i].y, clean[i + 1].y),
                                         maxX: Swift.max(clean[i].x, clean[i + 1].x), maxY: Swift.max(clean[i].y, clean[i + 1].y)))
            }
        }
        guard !a.isEmpty else { return nil }
        let tree = PackedRTree(boxes: boxes)
        for s in 0..<a.count {
            var hit: (edge: Int, point: Position)?
            tree.search(intersecting: boxes[s]) { pos in
                let t = Int(tree.order[pos])
                guard t > s else { return }
                let point: Position?
                if ringOf[s] == ringOf[t], Polygon.areAdjacent(slot[s], slot[t], edges: ringEdgeCount[ringOf[s]]) {
                    point = Polygon.adjacentOverlap(a[s], b[s], a[t], b[t])
                } else {
                    point = Polygon.segmentIntersection(a[s], b[s], a[t], b[t])
                }
                if let point, hit == nil || t < hit!.edge { hit = (t, point) }
            }
            if let hit { return hit.point }
        }
        return nil
    }

    /// Whether edges `i` < `j` of a closed ring with `edges` edges share a vertex (including the closing one).
    private static func areAdjacent(_ i: Int, _ j: Int, edges: Int) -> Bool {
        j == i + 1 || (i == 0 && j == edges - 1 && edges > 2)
    }

    /// Twice the signed area of triangle (o, p, q): > 0 when q is left of o→p.
    private static func orient(_ o: Position, _ p: Position, _ q: Position) -> Double {
        (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x)
    }

    /// For collinear `q`, whether it lies within the box of segment a–b.
    private static func onSegment(_ a: Position, _ b: Position, _ q: Position) -> Bool {
        q.x >= Swift.min(a.x, b.x) && q.x <= Swift.max(a.x, b.x) && q.y >= Swift.min(a.y, b.y) && q.y <= Swift.max(a.y, b.y)
    }

    /// A common point of segments p1–p2 and q1–q2, or nil (orientation tests; proper crossings are
    /// interpolated, touches return the touching end point).
    static func segmentIntersection(_ p1: Position, _ p2: Position, _ q1: Position, _ q2: Position) -> Position? {
        let d1 = orient(q1, q2, p1), d2 = orient(q1, q2, p2)
        let d3 = orient(p1, p2, q1), d4 = orient(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            let t = d1 / (d1 - d2)
            return Position(x: p1.x + t * (p2.x - p1.x), y: p1.y + t * (p2.y - p1.y))
        }
        if d1 == 0 && onSegment(q1, q2, p1) { return p1 }
        if d2 == 0 && onSegment(q1, q2, p2) { return p2 }
        if d3 == 0 && onSegment(p1, p2, q1) { return q1 }
        if d4 == 0 && onSegment(p1, p2, q2) { return q2 }
        return nil
    }

    /// For two edges sharing a vertex, a point where they overlap beyond it (a spike), or nil.
    private static func adjacentOverlap(_ a1: Position, _ b1: Position, _ a2: Position, _ b2: Position) -> Position? {
        // Identify the shared vertex v and the two far ends u (of edge 1) and w (of edge 2).
        let (u, v, w): (Position, Position, Position)
        if b1 == a2 { (u, v, w) = (a1, b1, b2) } else if a1 == b2 { (u, v, w) = (b1, a1, a2) } else { return segmentIntersection(a1, b1, a2, b2) }
        guard orient(u, v, w) == 0 else { return nil }
        // Collinear: they overlap when both far ends lie on the same side of v.
        let dot = (u.x - v.x) * (w.x - v.x) + (u.y - v.y) * (w.y - v.y)
        guard dot > 0 else { return nil }
        return u.distance(to: v) <= w.distance(to: v) ? u : w
    }
}
