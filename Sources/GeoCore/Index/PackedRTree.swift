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
    static let defaultNodeSize = 16

    let itemCount: Int
    /// Boxes of all positions (items first, then inner nodes level by level; the root is last).
    private(set) var minX: [Double] = []
    private(set) var minY: [Double] = []
    private(set) var maxX: [Double] = []
    private(set) var maxY: [Double] = []
    /// For inner node `n` (position `itemCount + j`), entries at index `j`.
    private(set) var childStart: [Int32] = []
    private(set) var childEnd: [Int32] = []
    private(set) var itemStart: [Int32] = []
    private(set) var itemEnd: [Int32] = []
    /// `order[i]`: the caller's index of the item at tree position `i`.
    private(set) var order: [Int32] = []

    /// The root position, or nil for an empty tree.
    var root: Int? { minX.isEmpty ? nil : minX.count - 1 }

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
        var keys = [UInt64](repeating: 0, count: boxes.count)
        for (i, b) in boxes.enumerated() {
            let cx = UInt32(((b.minX + b.maxX) / 2 - extent.minX) * sx)
            let cy = UInt32(((b.minY + b.maxY) / 2 - extent.minY) * sy)
            keys[i] = UInt64(PackedRTree.hilbert(Swift.min(cx, 65535), Swift.min(cy, 65535))) << 32 | UInt64(i)
        }
        keys.sort()

        var total = boxes.count, levelSize = boxes.count
        while levelSize > 1 {
            levelSize = (levelSize + nodeSize - 1) / nodeSize
            total += levelSize
        }
        minX.reserveCapacity(total); minY.reserveCapacity(total)
        maxX.reserveCapacity(total); maxY.reserveCapacity(total)
        order.reserveCapacity(boxes.count)
        for k in keys {
            let i = Int(truncatingIfNeeded: k & 0xFFFF_FFFF)
            let b = boxes[i]
            order.append(Int32(i))
            minX.append(b.minX); minY.append(b.minY); maxX.append(b.maxX); maxY.append(b.maxY)
        }

        var levelStart = 0, levelEnd = boxes.count
        while levelEnd - levelStart > 1 {
            var c = levelStart
            while c < levelEnd {
                let e = Swift.min(c + nodeSize, levelEnd)
                var bx0 = Double.infinity, by0 = Double.infinity, bx1 = -Double.infinity, by1 = -Double.infinity
                for j in c..<e {
                    bx0 = Swift.min(bx0, minX[j]); by0 = Swift.min(by0, minY[j])
                    bx1 = Swift.max(bx1, maxX[j]); by1 = Swift.max(by1, maxY[j])
                }
                minX.append(bx0); minY.append(by0); maxX.append(bx1); maxY.append(by1)
                childStart.append(Int32(c)); childEnd.append(Int32(e))
                if c < itemCount {
                    itemStart.append(Int32(c)); itemEnd.append(Int32(e))
                } else {
                    itemStart.append(itemStart[c - itemCount]); itemEnd.append(itemEnd[e - 1 - itemCount])
                }
                c = e
            }
            levelStart = levelEnd
            levelEnd = minX.count
        }
        if itemCount == 1 {
            // A single item is its own root; give it a parent so the root is always an inner node.
            minX.append(minX[0]); minY.append(minY[0]); maxX.append(maxX[0]); maxY.append(maxY[0])
            childStart.append(0); childEnd.append(1); itemStart.append(0); itemEnd.append(1)
        }
    }

    /// Squared planar distance from (`px`, `py`) to the box at `position` (0 inside).
    @inline(__always)
    func boxDistanceSquared(_ position: Int, _ px: Double, _ py: Double) -> Double {
        let dx = Swift.max(minX[position] - px, 0, px - maxX[position])
        let dy = Swift.max(minY[position] - py, 0, py - maxY[position])
        return dx * dx + dy * dy
    }

    /// Squared distance from (`px`, `py`) to the farthest corner of the box at `position`.
    @inline(__always)
    func farthestCornerDistanceSquared(_ position: Int, _ px: Double, _ py: Double) -> Double {
        let dx = Swift.max(px - minX[position], maxX[position] - px)
        let dy = Swift.max(py - minY[position], maxY[position] - py)
        return dx * dx + dy * dy
    }

    @inline(__always)
    func boxContains(_ position: Int, _ px: Double, _ py: Double) -> Bool {
        px >= minX[position] && px <= maxX[position] && py >= minY[position] && py <= maxY[position]
    }

    /// Calls `body` with every item position whose box intersects `box` (depth first, deterministic).
    func search(intersecting box: BoundingBox, _ body: (Int) -> Void) {
        guard let root else { return }
        func visit(_ node: Int) {
            let j = node - itemCount
            for c in Int(childStart[j])..<Int(childEnd[j]) {
                if minX[c] > box.maxX || maxX[c] < box.minX || minY[c] > box.maxY || maxY[c] < box.minY { continue }
                if c < itemCount { body(c) } else { visit(c) }
            }
        }
        visit(root)
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
