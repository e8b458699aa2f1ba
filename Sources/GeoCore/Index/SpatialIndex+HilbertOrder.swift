import Dispatch

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
        // Curve positions in parallel chunks above 65,536 points (independent per point; serial work at 1,000,000).
        let chunk = 65_536, chunks = (points.count + chunk - 1) / chunk
        let originX = minX, originY = minY
        keys.withUnsafeMutableBufferPointer { keys in
            let out = DisjointWrites(keys)
            let work: @Sendable (Int) -> Void = { c in
                for i in (c * chunk)..<Swift.min(points.count, (c + 1) * chunk) {
                    let p = points[i]
                    if p.isFinite {
                        let cx = Swift.min(UInt32((p.x - originX) * sx), 65535), cy = Swift.min(UInt32((p.y - originY) * sy), 65535)
                        out.buffer[i] = PackedRTree.hilbert(cx, cy)
                    } else {
                        out.buffer[i] = UInt32.max
                    }
                }
            }
            if chunks > 1 { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) } else if chunks == 1 { work(0) }
        }
        return RadixSort.order(byKeys: keys)
    }
}

