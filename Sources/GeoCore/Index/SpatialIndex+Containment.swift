extension SpatialIndex {
    /// Calls `body` with every polygon part (polygon-tree order) whose box contains `p` and that contains
    /// `p` (boundary inclusive); stops early when `body` returns false. `stack` is scratch space.
    func forEachContainingPart(_ p: Position, stack: inout [Int32], _ body: (Int) -> Bool) {
        guard let root = polygonTree.root else { return }
        polygonTree.withView { t in
            stack.removeAll(keepingCapacity: true)
            stack.append(Int32(root))
            while let node = stack.popLast() {
                for c in t.childStart(Int(node))..<t.childEnd(Int(node)) where t.boxContains(c, p.x, p.y) {
                    if c >= t.itemCount {
                        stack.append(Int32(c))
                    } else if partContains(c, p) {
                        if !body(c) { return }
                    }
                }
            }
        }
    }
}

extension SpatialIndex.Query {
    /// `SpatialIndex.forEachContainingPart` with this query's stack.
    mutating func forEachContainingPart(_ p: Position, _ body: (Int) -> Bool) {
        var s = stack
        stack = []
        index.forEachContainingPart(p, stack: &s, body)
        stack = s
    }

    /// Features whose polygonal parts contain `p` (boundary inclusive), ascending, without duplicates.
    /// ~O(log m + vertices of the polygons whose box contains `p`).
    public mutating func containing(_ p: Position) -> [Int] {
        var out: [Int] = []
        let partFeature = index.partFeature
        forEachContainingPart(p) { part in
            out.append(Int(partFeature[part]))
            return true
        }
        out.sort()
        return out.uniquedSorted()
    }

    /// Whether any polygonal feature contains `p` (boundary inclusive). Stops at the first hit.
    public mutating func anyContains(_ p: Position) -> Bool {
        var found = false
        forEachContainingPart(p) { _ in
            found = true
            return false
        }
        return found
    }

    /// The smallest feature index whose polygonal parts contain `p`, or nil.
    mutating func smallestContainingFeature(_ p: Position) -> Int? {
        var best: Int?
        let partFeature = index.partFeature
        forEachContainingPart(p) { part in
            let f = Int(partFeature[part])
            if best == nil || f < best! { best = f }
            return true
        }
        return best
    }
}

extension SpatialIndex {
    /// Features whose polygonal parts contain `p` (boundary inclusive), ascending.
    /// ~O(log m + vertices of candidate polygons); see `Query` for allocation-free repeated use.
    public func containing(_ p: Position) -> [Int] {
        var q = Query(self)
        return q.containing(p)
    }

    /// Whether any polygonal feature contains `p` (boundary inclusive).
    public func anyContains(_ p: Position) -> Bool {
        var q = Query(self)
        return q.anyContains(p)
    }
}

extension Array where Element: Equatable {
    /// The sorted array with adjacent duplicates removed.
    func uniquedSorted() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for e in self where out.last != e { out.append(e) }
        return out
    }
}
