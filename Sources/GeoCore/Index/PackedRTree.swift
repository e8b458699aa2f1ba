/// A static, Hilbert-packed R-tree over axis-aligned boxes in flat arrays (the Flatbush layout):
/// no per-node objects, boxes as structure-of-arrays.
///
/// Items are sorted along a Hilbert curve of their box centres, then every `nodeSize` consecutive entries
/// of a level get one parent, level by level up to a single root. Node positions `0..<itemCount` are the
/// items themselves (in Hilbert order; `order[i]` is the caller's index of item `i`), higher positions are
/// inner nodes whose children occupy the contiguous range `childStart[n]..<childEnd[n]`, and whose subtree
/// covers the contiguous item range `itemStart[n]..<itemEnd[n]`.
///
/// Build: O(n log n) (one sort of 64-bit keys). Memory: about `(1 + 1/(nodeSize−1)) · n` boxes.
struct PackedRTree: Sendable {
    /// 8 beat 16 by ~20 % in instructions per nearest/count query on 100,000 points (callgrind).
    static let defaultNodeSize = 8

    let itemCount: Int
    /// Boxes of all positions (items first, then inner nodes level by level; the root is last),
    /// interleaved `minX, minY, maxX, maxY` so one box is one 32-byte load.
    private(set) var boxes: [Double] = []
    /// For inner node `n` (position `itemCount + j`): `links[4j…4j+3]` = child start, child end,
    /// item start, item end.
    private(set) var links: [Int32] = []
    /// `order[i]`: the caller's index of the item at tree position `i`.
    private(set) var order: [Int32] = []

    /// The root position, or nil for an empty tree.
    var root: Int? { boxes.isEmpty ? nil : boxes.count / 4 - 1 }

    /// Builds the tree over `boxes` (the caller's item order is kept in `order`).
    init(boxes: [BoundingBox], nodeSize: Int = PackedRTree.defaultNodeSize) {
        precondition(nodeSize >= 2)
        precondition(boxes.count < Int(Int32.max))
        itemCount = boxes.count
        guard !boxes.isEmpty else { return }

        // Hilbert keys of the box centres on a 2¹⁶ × 2¹⁶ grid over the extent; ties broken by input index.
        var extent = boxes[0]
        for b in boxes { extent.expand(toInclude: b) }
        let w = extent.maxX - extent.minX, h = extent.maxY - extent.minY
        let sx = w > 0 ? 65535 / w : 0, sy = h > 0 ? 65535 / h : 0
        var keys = [UInt32](repeating: 0, count: boxes.count)
        for (i, b) in boxes.enumerated() {
            let cx = UInt32(((b.minX + b.maxX) / 2 - extent.minX) * sx)
            let cy = UInt32(((b.minY + b.maxY) / 2 - extent.minY) * sy)
            keys[i] = PackedRTree.hilbert(Swift.min(cx, 65535), Swift.min(cy, 65535))
        }
        let sorted = RadixSort.order(byKeys: keys)

        var total = boxes.count, levelSize = boxes.count
        while levelSize > 1 {
            levelSize = (levelSize + nodeSize - 1) / nodeSize
            total += levelSize
        }
        var flat: [Double] = [], links: [Int32] = []
        flat.reserveCapacity(4 * (total + 1))
        links.reserveCapacity(4 * (total - boxes.count + 1))
        order.reserveCapacity(boxes.count)
        for s in sorted {
            let i = Int(s)
            let b = boxes[i]
            order.append(Int32(i))
            flat.append(b.minX); flat.append(b.minY); flat.append(b.maxX); flat.append(b.maxY)
        }

        var levelStart = 0, levelEnd = boxes.count
        while levelEnd - levelStart > 1 {
            var c = levelStart
            while c < levelEnd {
                let e = Swift.min(c + nodeSize, levelEnd)
                var bx0 = Double.infinity, by0 = Double.infinity, bx1 = -Double.infinity, by1 = -Double.infinity
                for j in c..<e {
                    bx0 = Swift.min(bx0, flat[4 * j]); by0 = Swift.min(by0, flat[4 * j + 1])
                    bx1 = Swift.max(bx1, flat[4 * j + 2]); by1 = Swift.max(by1, flat[4 * j + 3])
                }
                flat.append(bx0); flat.append(by0); flat.append(bx1); flat.append(by1)
                links.append(Int32(c)); links.append(Int32(e))
                if c < itemCount {
                    links.append(Int32(c)); links.append(Int32(e))
                } else {
                    links.append(links[4 * (c - itemCount) + 2]); links.append(links[4 * (e - 1 - itemCount) + 3])
                }
                c = e
            }
            levelStart = levelEnd
            levelEnd = flat.count / 4
        }
        if itemCount == 1 {
            // A single item is its own root; give it a parent so the root is always an inner node.
            flat.append(contentsOf: flat[0..<4])
            links.append(contentsOf: [0, 1, 0, 1])
        }
        self.boxes = flat
        self.links = links
    }

    /// Unchecked, pointer-based read access for query loops (valid only inside `withView`).
    struct View {
        let itemCount: Int
        let boxes: UnsafeBufferPointer<Double>
        let links: UnsafeBufferPointer<Int32>

        @inline(__always) func childStart(_ node: Int) -> Int { Int(links[4 * (node - itemCount)]) }
        @inline(__always) func childEnd(_ node: Int) -> Int { Int(links[4 * (node - itemCount) + 1]) }
        @inline(__always) func itemCount(under node: Int) -> Int {
            Int(links[4 * (node - itemCount) + 3] - links[4 * (node - itemCount) + 2])
        }

        /// Squared planar distance from (`px`, `py`) to the box at `position` (0 inside).
        @inline(__always)
        func boxDistanceSquared(_ position: Int, _ px: Double, _ py: Double) -> Double {
            let b = 4 * position
            // Two-argument max only: the three-argument overload is variadic and not free.
            let dx = Swift.max(Swift.max(boxes[b] - px, px - boxes[b + 2]), 0)
            let dy = Swift.max(Swift.max(boxes[b + 1] - py, py - boxes[b + 3]), 0)
            return dx * dx + dy * dy
        }

        /// Squared distance from (`px`, `py`) to the farthest corner of the box at `position`.
        @inline(__always)
        func farthestCornerDistanceSquared(_ position: Int, _ px: Double, _ py: Double) -> Double {
            let b = 4 * position
            let dx = Swift.max(px - boxes[b], boxes[b + 2] - px)
            let dy = Swift.max(py - boxes[b + 1], boxes[b + 3] - py)
            return dx * dx + dy * dy
        }

        @inline(__always)
        func boxContains(_ position: Int, _ px: Double, _ py: Double) -> Bool {
            let b = 4 * position
            return px >= boxes[b] && px <= boxes[b + 2] && py >= boxes[b + 1] && py <= boxes[b + 3]
        }
    }

    /// Calls `body` with a pointer view of the tree.
    @inline(__always)
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try boxes.withUnsafeBufferPointer { b in
            try links.withUnsafeBufferPointer { l in try body(View(itemCount: itemCount, boxes: b, links: l)) }
        }
    }

    /// Calls `body` with every item position whose box intersects `box` (depth first, deterministic).
    func search(intersecting box: BoundingBox, _ body: (Int) -> Void) {
        guard let root else { return }
        withView { v in
            func visit(_ node: Int) {
                for c in v.childStart(node)..<v.childEnd(node) {
                    let b = 4 * c
                    if v.boxes[b] > box.maxX || v.boxes[b + 2] < box.minX || v.boxes[b + 1] > box.maxY || v.boxes[b + 3] < box.minY { continue }
                    if c < itemCount { body(c) } else { visit(c) }
                }
            }
            visit(root)
        }
    }

    /// The Hilbert-curve index of cell (`x`, `y`) on a 2¹⁶ × 2¹⁶ grid (the classic iterative `xy2d`).
    static func hilbert(_ x: UInt32, _ y: UInt32) -> UInt32 {
        let n: UInt32 = 1 << 16
        var x = x, y = y, d: UInt32 = 0
        var s = n / 2
        while s > 0 {
            let rx: UInt32 = (x & s) > 0 ? 1 : 0
            let ry: UInt32 = (y & s) > 0 ? 1 : 0
            d &+= s &* s &* ((3 &* rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    x = n - 1 - x
                    y = n - 1 - y
                }
                swap(&x, &y)
            }
            s /= 2
        }
        return d
    }
}
