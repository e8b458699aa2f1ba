extension SpatialIndex.Query {
    /// Calls `body` once for every feature whose geometry is within `radius` of `p` (distance ≤ radius,
    /// boundary inclusive; a polygonal feature containing `p` counts). Features come in ascending index
    /// order when any feature has several primitives or polygons; otherwise in the tree's (deterministic)
    /// order. Nothing is materialised beyond a reusable hit buffer. ~O(log n + hits).
    public mutating func forEachFeature(within radius: Double, of p: Position, _ body: (Int) -> Void) {
        guard radius >= 0 else { return }
        let index = self.index
        var stack = self.stack
        self.stack = []
        defer { self.stack = stack }
        if index.singlePrimitiveFeatures {
            index.withView { v in
                index.forEachPrimitive(v, within: radius, of: p, stack: &stack) { body(v.feature($0)) }
            }
            return
        }
        var found = hits
        hits = []
        defer { hits = found }
        found.removeAll(keepingCapacity: true)
        let partFeature = index.partFeature
        index.forEachContainingPart(p, stack: &stack) { part in
            found.append(partFeature[part])
            return true
        }
        index.withView { v in
            index.forEachPrimitive(v, within: radius, of: p, stack: &stack) { found.append(v.features[$0]) }
        }
        found.sort()
        var last: Int32 = -1
        for f in found where f != last {
            body(Int(f))
            last = f
        }
    }

    /// The number of features within `radius` of `p` (distance ≤ radius; see `forEachFeature(within:of:_:)`).
    /// For single-primitive layers (points), subtrees entirely inside the circle are counted without
    /// visiting their items. ~O(log n + hits).
    public mutating func count(within radius: Double, of p: Position) -> Int {
        guard radius >= 0 else { return 0 }
        if !index.singlePrimitiveFeatures {
            var n = 0
            forEachFeature(within: radius, of: p) { _ in n += 1 }
            return n
        }
        let index = self.index  // one copy, not one per access from inside the closures
        var stack = self.stack
        self.stack = []
        defer { self.stack = stack }
        return index.withView { v in
            let t = v.tree
            var n = 0
            index.forEachInside(v, radius: radius, of: p, stack: &stack, primitive: { _ in n += 1 }, subtree: { n += t.itemCount(under: $0) })
            return n
        }
    }
}

extension SpatialIndex {
    /// The squared distance within which a box's farthest corner puts the whole box inside a circle of `radius`,
    /// even after rounding.
    static func innerBound(_ radius: Double) -> Double {
        let inner = Swift.max(0, radius * (1 - 1e-12) - 1e-6)
        return inner * inner
    }

    /// The traversal of the radius aggregates (`count`, `sum`, `sums` within a radius): `primitive(c)` for each
    /// leaf item at exact distance ≤ `radius`, `subtree(c)` for each node whose box lies wholly inside the circle
    /// (its items are not visited). Tree order, so totals added in these calls are deterministic.
    @inline(__always)
    func forEachInside(_ v: View, radius: Double, of p: Position, stack: inout [Int32], primitive: (Int) -> Void, subtree: (Int) -> Void) {
        guard let root = tree.root else { return }
        let t = v.tree
        let bound = SpatialIndex.pruneBound(radius)
        let innerBound = SpatialIndex.innerBound(radius)
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(root))
        while let node = stack.popLast() {
            let cs = t.childStart(Int(node)), ce = t.childEnd(Int(node))
            if cs < t.itemCount {
                for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound && v.primitiveDistance(c, p) <= radius {
                    primitive(c)
                }
                continue
            }
            for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound {
                if t.farthestCornerDistanceSquared(c, p.x, p.y) <= innerBound { subtree(c) } else { stack.append(Int32(c)) }
            }
        }
    }

    /// Calls `body` with every primitive (tree order) at exact distance ≤ `radius` from `p`.
    @inline(__always)
    func forEachPrimitive(_ v: View, within radius: Double, of p: Position, stack: inout [Int32], _ body: (Int) -> Void) {
        guard let root = tree.root else { return }
        let t = v.tree
        let bound = SpatialIndex.pruneBound(radius)
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(root))
        while let node = stack.popLast() {
            let cs = t.childStart(Int(node)), ce = t.childEnd(Int(node))
            if cs < t.itemCount {
                for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound && v.primitiveDistance(c, p) <= radius {
                    body(c)
                }
            } else {
                for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound { stack.append(Int32(c)) }
            }
        }
    }

    /// Calls `body` once per feature within `radius` of `p` (boundary inclusive; polygons containing `p`
    /// count). ~O(log n + hits). See `Query.forEachFeature(within:of:_:)` for repeated use.
    public func forEachFeature(within radius: Double, of p: Position, _ body: (Int) -> Void) {
        var q = Query(self)
        q.forEachFeature(within: radius, of: p, body)
    }

    /// The number of features within `radius` of `p` (boundary inclusive). ~O(log n + hits).
    public func count(within radius: Double, of p: Position) -> Int {
        var q = Query(self)
        return q.count(within: radius, of: p)
    }
}
