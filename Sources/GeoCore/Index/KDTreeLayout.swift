/// The shape shared by the k-d trees of the index (`PointKDTree`, `SegmentKDTree`): an implicit, nearly
/// complete binary tree over index ranges. The root covers `0..<n`; inner node `k` over `lo..<hi` splits at
/// `mid = (lo + hi) / 2` across the longer side of its cell (the extent of the keys cut by its ancestors'
/// splits; no scan of its items), children `2k + 1` (`lo..<mid`, keys ≤ the split) and `2k + 2` (`mid..<hi`,
/// keys ≥ the split). Ranges of at most `leafSize` items are leaves. O(n log n), deterministic.
struct KDTreeLayout {
    /// `order[i]`: the caller's index of the item at tree position `i`.
    let order: [Int32]
    /// Split key and axis (0 = x, 1 = y) of inner node `k`.
    let splits: [Double]
    let axes: [UInt8]
    /// The depth of the deepest leaf: node numbers are below `2^(levels + 1) − 1`.
    let levels: Int

    /// The layout of items with keys (`xs[i]`, `ys[i]`), all finite.
    init(xs: [Double], ys: [Double], leafSize: Int) {
        let n = xs.count
        var levels = 0, widest = n
        while widest > leafSize {
            widest = (widest + 1) / 2
            levels += 1
        }
        var order = [Int32](0..<Int32(n))
        var splits = [Double](repeating: 0, count: (1 << levels) - 1)
        var axes = [UInt8](repeating: 0, count: (1 << levels) - 1)
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 0, minY = ys.min() ?? 0, maxY = ys.max() ?? 0
        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                order.withUnsafeMutableBufferPointer { ord in
                    func build(_ node: Int, _ lo: Int, _ hi: Int, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
                        guard hi - lo > leafSize else { return }
                        let alongX = x1 - x0 >= y1 - y0
                        let mid = (lo + hi) >> 1
                        let s = KDTreeLayout.select(mid, in: ord, lo, hi, keys: alongX ? xs : ys)
                        splits[node] = s
                        axes[node] = alongX ? 0 : 1
                        if alongX {
                            build(2 * node + 1, lo, mid, x0, y0, s, y1)
                            build(2 * node + 2, mid, hi, s, y0, x1, y1)
                        } else {
                            build(2 * node + 1, lo, mid, x0, y0, x1, s)
                            build(2 * node + 2, mid, hi, x0, s, x1, y1)
                        }
                    }
                    build(0, 0, n, minX, minY, maxX, maxY)
                }
            }
        }
        self.order = order
        self.splits = splits
        self.axes = axes
        self.levels = levels
    }

    /// Reorders `order[lo..<hi]` so that position `k` holds the element of rank `k - lo` by `keys`,
    /// everything before it has a key ≤ and everything after a key ≥ (Wirth's selection: Hoare partitions
    /// around the middle element; deterministic). Returns the key at `k`.
    private static func select(_ k: Int, in order: UnsafeMutableBufferPointer<Int32>, _ lo: Int, _ hi: Int,
                               keys: UnsafeBufferPointer<Double>) -> Double {
        var l = lo, r = hi - 1
        while l < r {
            let pivot = keys[Int(order[k])]
            var i = l, j = r
            repeat {
                while keys[Int(order[i])] < pivot { i += 1 }
                while pivot < keys[Int(order[j])] { j -= 1 }
                if i <= j {
                    order.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            } while i <= j
            if j < k { l = i }
            if k < i { r = j }
        }
        return keys[Int(order[k])]
    }
}
