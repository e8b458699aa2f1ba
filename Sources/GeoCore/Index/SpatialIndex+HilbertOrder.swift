extension SpatialIndex {
    /// A permutation of `points` along a Hilbert curve over their extent (ties and non-finite points keep
    /// input order, non-finite points last): querying an index in this order keeps consecutive queries
    /// in nearby tree nodes, so the nodes stay in cache (issue 15: at 1,000,000 sites the input order
    /// made every query start from cold memory). Answers do not depend on the order queries run in.
    public static func hilbertOrder(of points: [Position]) -> [Int32] {
        precondition(points.count < Int(Int32.max))
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for p in points where p.isFinite {
            minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
            minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
        }
        guard minX <= maxX else { return Array(0..<Int32(points.count)) }
        let sx = maxX > minX ? 65535 / (maxX - minX) : 0, sy = maxY > minY ? 65535 / (maxY - minY) : 0
        var keys = [UInt32](repeating: 0, count: points.count)
        for (i, p) in points.enumerated() {
            if p.isFinite {
                let cx = Swift.min(UInt32((p.x - minX) * sx), 65535), cy = Swift.min(UInt32((p.y - minY) * sy), 65535)
                keys[i] = PackedRTree.hilbert(cx, cy)
            } else {
                keys[i] = UInt32.max
            }
        }
        return RadixSort.order(byKeys: keys)
    }
}
