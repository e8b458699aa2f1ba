extension SpatialIndex.Query {
    /// The nearest feature to `p` and its exact distance (0 when a polygonal feature contains `p`); among
    /// equally near features the smallest index. Nil for an empty index.
    ///
    /// Layers without polygons: a depth-first search of the index's k-d tree (`PointKDTree`,
    /// `SegmentKDTree`), same answers. Other layers: branch and bound — a greedy descent to the leaf nearest `p` gives a first bound, then a
    /// best-first search (Hjaltason & Samet) visits only nodes whose box is within the bound, measuring
    /// primitives exactly and tightening the bound. ~O(log n) for well-distributed data.
    public mutating func nearest(to p: Position) -> (feature: Int, distance: Double)? {
        var bestD = Double.infinity, bestF = Int.max
        if p.isFinite, let points = index.pointTree {
            points.nearest(to: p, bestD: &bestD, bestF: &bestF)
            return bestF == Int.max ? nil : (bestF, bestD)
        }
        if p.isFinite, let segments = index.segmentTree {
            segments.nearest(to: p, bestD: &bestD, bestF: &bestF)
            return bestF == Int.max ? nil : (bestF, bestD)
        }
        if index.hasPolygons, let f = smallestContainingFeature(p) {
            bestD = 0
            bestF = f
        }
        let index = self.index
        guard let root = index.tree.root else { return bestF == Int.max ? nil : (bestF, bestD) }
        var heap = self.heap
        self.heap = MinHeap()
        defer { self.heap = heap }
        heap.removeAll()
        index.withView { v in
            let t = v.tree
            var bound = SpatialIndex.pruneBound(bestD)
            @inline(__always) func scanLeaf(_ node: Int) {
                for c in t.childStart(node)..<t.childEnd(node) {
                    // The primitive's own box rejects most candidates without the exact (dividing) test.
                    if t.boxDistanceSquared(c, p.x, p.y) > bound { continue }
                    let d = v.primitiveDistance(c, p)
                    if d <= bestD {
                        let f = v.feature(c)
                        if d < bestD || f < bestF {
                            bestD = d
                            bestF = f
                            bound = SpatialIndex.pruneBound(d)
                        }
                    }
                }
            }
            if bestD > 0 {
                // Greedy descent: follow the nearest child box down to a leaf for a first, usually tight, bound.
                var node = root
                while t.childStart(node) >= t.itemCount {
                    var best = Double.infinity, next = t.childStart(node)
                    for c in t.childStart(node)..<t.childEnd(node) {
                        let k = t.boxDistanceSquared(c, p.x, p.y)
                        if k < best { best = k; next = c }
                    }
                    node = next
                }
                scanLeaf(node)
            }
            heap.push(t.boxDistanceSquared(root, p.x, p.y), root)
            while let (key, node) = heap.pop() {
                if key > bound { break }
                if t.childStart(node) < t.itemCount {
                    scanLeaf(node)
                } else {
                    for c in t.childStart(node)..<t.childEnd(node) {
                        let k = t.boxDistanceSquared(c, p.x, p.y)
                        if k <= bound { heap.push(k, c) }
                    }
                }
            }
        }
        return bestF == Int.max ? nil : (bestF, bestD)
    }

    /// The `k` nearest distinct features to `p`, ascending by exact distance, ties by feature index
    /// (fewer when the layer has fewer features). A feature's distance is that of its nearest primitive,
    /// or 0 when one of its polygons contains `p`.
    ///
    /// Best-first search over nodes and primitives in one priority queue; the first time a feature's
    /// primitive is popped gives its distance. ~O((log n + k) log n) for well-distributed data; meant for
    /// small `k`.
    public mutating func nearest(to p: Position, k: Int) -> [(feature: Int, distance: Double)] {
        guard k > 0 else { return [] }
        var found = self.found
        self.found = []
        found.removeAll(keepingCapacity: true)
        if index.hasPolygons {
            for f in containing(p) { found.append((0, f)) }
        }
        let index = self.index
        var heap = self.heap
        self.heap = MinHeap()
        heap.removeAll()
        if let root = index.tree.root {
            index.withView { v in
                let t = v.tree
                var bound = found.count >= k ? SpatialIndex.pruneBound(0) : .infinity
                heap.push(t.boxDistanceSquared(root, p.x, p.y), root)
                while let (key, pos) = heap.pop() {
                    if key > bound { break }
                    if pos < t.itemCount {
                        let d = v.primitiveDistance(pos, p), f = v.feature(pos)
                        if let i = found.firstIndex(where: { $0.feature == f }) {
                            // Keys are squared distances; keep the exact minimum should rounding reorder two.
                            if d < found[i].distance { found[i].distance = d }
                        } else {
                            found.append((d, f))
                            if found.count == k {
                                bound = SpatialIndex.pruneBound(found.lazy.map(\.distance).max()!)
                            }
                        }
                        continue
                    }
                    for c in t.childStart(pos)..<t.childEnd(pos) {
                        var key = t.boxDistanceSquared(c, p.x, p.y)
                        if key > bound { continue }
                        if c < t.itemCount {
                            let d = v.primitiveDistance(c, p)
                            key = d * d
                        }
                        if key <= bound { heap.push(key, c) }
                    }
                }
            }
        }
        found.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.feature < $1.feature }
        let result = found.prefix(k).map { (feature: $0.feature, distance: $0.distance) }
        self.heap = heap
        self.found = found
        return result
    }
}

extension SpatialIndex {
    /// The nearest feature to `p` and its exact distance (0 inside a polygonal feature); ties by the
    /// smallest feature index. ~O(log n). See `Query.nearest(to:)`.
    public func nearest(to p: Position) -> (feature: Int, distance: Double)? {
        var q = Query(self)
        return q.nearest(to: p)
    }

    /// The `k` nearest distinct features, ascending by distance, ties by feature index.
    /// ~O((log n + k) log n). See `Query.nearest(to:k:)`.
    public func nearest(to p: Position, k: Int) -> [(feature: Int, distance: Double)] {
        var q = Query(self)
        return q.nearest(to: p, k: k)
    }
}
