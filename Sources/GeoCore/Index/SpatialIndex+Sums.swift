/// Aggregate sums over a point layer: every node of the packed R-tree stores the total of one numeric
/// value over its subtree, so `sum(within:of:_:)` adds a node whose box lies wholly inside the circle
/// without visiting its points (issue 15). The radius then costs time sub-linearly: only nodes crossing
/// the circle's edge are opened.
extension SpatialIndex {
    /// One value per feature, summed per tree node. Build with `exactPointSums(_:)`.
    public struct PointSums: Sendable {
        /// Subtree totals per tree position (items first, then inner nodes; see `PackedRTree`), `width`
        /// columns interleaved: column `m` of position `c` at `c * width + m`.
        let nodeSums: [Double]
        /// The number of value columns.
        public let width: Int

        init(nodeSums: [Double], width: Int = 1) {
            self.nodeSums = nodeSums
            self.width = width
        }
    }

    /// Whether every feature is one primitive (a point, or a single segment) and none is polygonal:
    /// then `count(within:of:)` and `sum(within:of:_:)` add whole subtrees without visiting features.
    public var hasSinglePrimitiveFeatures: Bool { singlePrimitiveFeatures }

    /// Whether every subset of `values` sums exactly in any order: all are integers and Σ|values| ≤ 2⁵³
    /// (see `exactPointSums(_:)`).
    static func sumsExactly(_ values: [Double]) -> Bool {
        var magnitude = 0.0
        for v in values {
            guard v.isFinite, v == v.rounded(.towardZero) else { return false }
            magnitude += Swift.abs(v)
        }
        return magnitude <= JSONNumberFormat.exactIntegerLimit
    }

    /// Node totals of `values` (one per feature, `values[k]` for feature `k`), or nil when the aggregate
    /// could change a result in the last bit: the layer is not single-primitive (points), or a value is
    /// not an integer, or Σ|values| exceeds 2⁵³.
    ///
    /// Why this is exact: with integral values and Σ|v| ≤ 2⁵³, every partial sum of any subset is an
    /// integer of magnitude ≤ 2⁵³, hence representable, hence every addition is exact whatever the
    /// order. A sum over whole subtrees is then bit-identical to adding the features one by one
    /// (`forEachFeature(within:of:_:)`), which is what callers did before.
    public func exactPointSums(_ values: [Double]) -> PointSums? {
        guard singlePrimitiveFeatures, values.count == featureCount, SpatialIndex.sumsExactly(values) else { return nil }
        let positions = tree.boxes.count / 4
        var sums = [Double](repeating: 0, count: positions)
        for i in 0..<tree.itemCount { sums[i] = values[Int(segFeature[i])] }
        tree.withView { t in
            // Inner nodes follow their children in position order, so one forward pass suffices.
            for node in tree.itemCount..<positions {
                var s = 0.0
                for c in t.childStart(node)..<t.childEnd(node) { s += sums[c] }
                sums[node] = s
            }
        }
        return PointSums(nodeSums: sums)
    }
}

extension SpatialIndex.Query {
    /// The sum of `sums`' values over the features within `radius` of `p` (distance ≤ radius, as
    /// `forEachFeature(within:of:_:)`). Subtrees wholly inside the circle add their stored totals.
    /// Bit-identical to adding the values feature by feature (see `SpatialIndex.exactPointSums(_:)`).
    /// ~O(log n + nodes crossing the circle).
    public mutating func sum(within radius: Double, of p: Position, _ sums: SpatialIndex.PointSums) -> Double {
        precondition(sums.width == 1, "sum(within:of:_:) takes one column; use sums(within:of:_:into:)")
        guard radius >= 0 else { return 0 }
        let index = self.index  // one copy, not one per access from inside the closures
        var stack = self.stack
        self.stack = []
        defer { self.stack = stack }
        return index.withView { v in
            sums.nodeSums.withUnsafeBufferPointer { w in
                var total = 0.0
                index.forEachInside(v, radius: radius, of: p, stack: &stack, primitive: { total += w[$0] }, subtree: { total += w[$0] })
                return total
            }
        }
    }
}

extension SpatialIndex {
    /// Node totals of several value columns at once (`columns[m][k]` for feature `k`), interleaved per
    /// node, for `sums(within:of:_:into:)`: one traversal answers several radius criteria of one layer and
    /// radius (a count is the column of ones). Nil under the same conditions as `exactPointSums(_:)`,
    /// checked per column.
    public func exactPointSums(columns: [[Double]]) -> PointSums? {
        guard !columns.isEmpty else { return nil }
        var parts: [PointSums] = []
        for column in columns {
            guard let p = exactPointSums(column) else { return nil }
            parts.append(p)
        }
        if parts.count == 1 { return parts[0] }
        let width = parts.count, positions = parts[0].nodeSums.count
        var interleaved = [Double](repeating: 0, count: width * positions)
        for (m, p) in parts.enumerated() {
            for c in 0..<positions { interleaved[c * width + m] = p.nodeSums[c] }
        }
        return PointSums(nodeSums: interleaved, width: width)
    }
}

extension SpatialIndex.Query {
    /// For each column `m` of `sums`, the sum of its values over the features within `radius` of `p`, into
    /// `totals[m]` (`totals.count == sums.width`); one traversal, bit-identical to `sum(within:of:_:)` per column.
    public mutating func sums(within radius: Double, of p: Position, _ sums: SpatialIndex.PointSums,
                              into totals: UnsafeMutableBufferPointer<Double>) {
        let width = sums.width
        precondition(totals.count == width, "one total per column")
        for m in 0..<width { totals[m] = 0 }
        guard radius >= 0 else { return }
        var stack = self.stack
        self.stack = []
        defer { self.stack = stack }
        // The traversal of `SpatialIndex.forEachInside`, written out: passing this column loop to it as closures
        // measured 0.7 % more instructions on the M benchmark (callgrind), the hottest radius query there.
        let index = self.index
        guard let root = index.tree.root else { return }
        let bound = SpatialIndex.pruneBound(radius)
        let innerBound = SpatialIndex.innerBound(radius)
        index.withView { v in
            sums.nodeSums.withUnsafeBufferPointer { w in
                let t = v.tree
                @inline(__always) func add(_ c: Int) {
                    for m in 0..<width { totals[m] += w[c * width + m] }
                }
                stack.removeAll(keepingCapacity: true)
                stack.append(Int32(root))
                while let node = stack.popLast() {
                    let cs = t.childStart(Int(node)), ce = t.childEnd(Int(node))
                    if cs < t.itemCount {
                        for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound && v.primitiveDistance(c, p) <= radius { add(c) }
                        continue
                    }
                    for c in cs..<ce where t.boxDistanceSquared(c, p.x, p.y) <= bound {
                        if t.farthestCornerDistanceSquared(c, p.x, p.y) <= innerBound { add(c) } else { stack.append(Int32(c)) }
                    }
                }
            }
        }
    }
}
