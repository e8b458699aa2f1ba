extension SpatialIndex.Query {
    /// Calls `body` once for every feature whose geometry is within `radius` of `p` (distance ≤ radius,
    /// boundary inclusive; a polygonal feature containing `p` counts). Features come in ascending index
    /// order when any feature has several primitives or polygons; otherwise in the tree's (deterministic)
    /// order. Nothing is materialised beyond a reusable hit buffer. ~O(log n + hits).
    public mutating func forEachFeature(within radius: Double, of p: Position, _ body: (Int) -> Void) {
        guard radius >= 0 else { return }
        let segFeature = index.segFeature, partFeature = index.partFeature
        if index.singlePrimitiveFeatures {
            forEachPrimitive(within: radius, of: p) { body(Int(segFeature[$0])) }
            return
        }
        var found = hits
        hits = []
        found.removeAll(keepingCapacity: true)
        if index.hasPolygons {
            forEachContainingPart(p) { part in
                found.append(partFeature[part])
                return true
            }
        }
        forEachPrimitive(within: radius, of: p) { found.append(segFeature[$0]) }
        found.sort()
        var last: Int32 = -1
        for f in found where f != last {
            body(Int(f))
            last = f
        }
        hits = found
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
        let t = index.tree
        guard let root = t.root else { return 0 }
        let bound = SpatialIndex.pruneBound(radius)
        // A box whose farthest corner is this close lies wholly inside the circle even after rounding.
        let inner = Swift.max(0, radius * (1 - 1e-12) - 1e-6)
        let innerBound = inner * inner
        var n = 0
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(root))
        while let node = stack.popLast() {
            let j = Int(node) - t.itemCount
            let cs = Int(t.childStart[j]), ce = Int(t.childEnd[j])
            if cs < t.itemCount {
                for c in cs..<ce where index.primitiveDistance(c, p) <= radius { n += 1 }
                continue
            }
            for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound {
                if t.farthestCornerDistanceSquared(c, p.x, p.y) <= innerBound {
                    let k = c - t.itemCount
                    n += Int(t.itemEnd[k] - t.itemStart[k])
                } else {
                    stack.append(Int32(c))
                }
            }
        }
        return n
    }

    /// `SpatialIndex.forEachPrimitive` with this query's stack.
    mutating func forEachPrimitive(within radius: Double, of p: Position, _ body: (Int) -> Void) {
        var s = stack
        stack = []
        index.forEachPrimitive(within: radius, of: p, stack: &s, body)
        stack = s
    }
}

extension SpatialIndex {
    /// Calls `body` with every primitive (tree order) at exact distance ≤ `radius` from `p`.
    func forEachPrimitive(within radius: Double, of p: Position, stack: inout [Int32], _ body: (Int) -> Void) {
        let t = tree
        guard let root = t.root else { return }
        let bound = SpatialIndex.pruneBound(radius)
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(root))
        while let node = stack.popLast() {
            let j = Int(node) - t.itemCount
            let cs = Int(t.childStart[j]), ce = Int(t.childEnd[j])
            if cs < t.itemCount {
                for c in cs..<ce where primitiveDistance(c, p) <= radius { body(c) }
            } else {
                for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound { stack.append(Int32(c)) }
            }
        }
    }
}

extension SpatialIndex {
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
