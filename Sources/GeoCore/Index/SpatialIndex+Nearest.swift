extension SpatialIndex.Query {
    /// The nearest feature to `p` and its exact distance (0 when a polygonal feature contains `p`); among
    /// equally near features the smallest index. Nil for an empty index.
    ///
    /// Best-first branch and bound (Hjaltason & Samet): nodes are visited in order of their box distance and
    /// leaves' primitives are measured exactly; the search stops when the next box is farther than the best
    /// primitive. ~O(log n) for well-distributed data.
    public mutating func nearest(to p: Position) -> (feature: Int, distance: Double)? {
        var bestD = Double.infinity, bestF = Int.max
        if index.hasPolygons, let f = smallestContainingFeature(p) {
            bestD = 0
            bestF = f
        }
        let t = index.tree
        if let root = t.root {
            heap.removeAll()
            heap.push(t.boxDistanceSquared(root, p.x, p.y), root)
            var bound = SpatialIndex.pruneBound(bestD)
            while let (key, node) = heap.pop() {
                if key > bound { break }
                let j = node - t.itemCount
                let cs = Int(t.childStart[j]), ce = Int(t.childEnd[j])
                if cs < t.itemCount {
                    for c in cs..<ce {
                        let d = index.primitiveDistance(c, p)
                        if d <= bestD {
                            let f = Int(index.segFeature[c])
                            if d < bestD || f < bestF {
                                bestD = d
                                bestF = f
                                bound = SpatialIndex.pruneBound(bestD)
                            }
                        }
                    }
                } else {
                    for c in cs..<ce {
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
        found.removeAll(keepingCapacity: true)
        if index.hasPolygons {
            for f in containing(p) { found.append((0, f)) }
        }
        var bound = found.count >= k ? SpatialIndex.pruneBound(0) : .infinity
        let t = index.tree
        if let root = t.root {
            heap.removeAll()
            heap.push(t.boxDistanceSquared(root, p.x, p.y), root)
            while let (key, pos) = heap.pop() {
                if key > bound { break }
                if pos < t.itemCount {
                    let d = index.primitiveDistance(pos, p), f = Int(index.segFeature[pos])
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
                let j = pos - t.itemCount
                for c in Int(t.childStart[j])..<Int(t.childEnd[j]) {
                    let key = c < t.itemCount ? square(index.primitiveDistance(c, p)) : t.boxDistanceSquared(c, p.x, p.y)
                    if key <= bound { heap.push(key, c) }
                }
            }
        }
        found.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.feature < $1.feature }
        return found.prefix(k).map { (feature: $0.feature, distance: $0.distance) }
    }
}

@inline(__always)
private func square(_ x: Double) -> Double { x * x }

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
