/// A static 2-d tree over point primitives, for nearest-feature queries on point layers (issue 15).
///
/// Layout: `KDTreeLayout` over the points (median splits, 8 points per leaf). Points are stored in tree
/// order as interleaved `x, y` pairs, so a leaf is two cache lines; nodes hold only a split value and an
/// axis, and no node boxes are needed.
///
/// Nearest search is depth first, nearer child first, with the far child's squared distance computed
/// from the two per-axis offsets of its cell (Arya & Mount's incremental distance, here simply
/// `ox² + oy²` since the tree is planar). Every offset is a rounded difference of the same operands
/// order as the exact point distance, and rounding is monotone, so the cell distance never exceeds the
/// computed distance of a point inside: pruning cannot drop a hit.
///
/// Build: O(n log n) (one selection per level). Memory: 20 bytes per point plus 9 bytes per inner node.
struct PointKDTree: Sendable {
    /// 8 points per leaf: two 64-byte lines of coordinates; the same as the R-tree's node size.
    static let leafSize = 8

    /// Point `i` (tree order) is at `coordinates[2i]`, `coordinates[2i + 1]`.
    let coordinates: [Double]
    /// The feature index of point `i` (tree order).
    let features: [Int32]
    /// Split coordinate of inner node `n` (implicit numbering; unused entries for leaves).
    let splits: [Double]
    /// Split axis of inner node `n`: 0 = x, 1 = y.
    let axes: [UInt8]

    /// The number of points.
    var count: Int { features.count }

    /// Builds the tree over `points` (all finite); point `i` belongs to feature `features[i]`.
    init(points: [Position], features pointFeatures: [Int32]) {
        precondition(points.count == pointFeatures.count && points.count < Int(Int32.max))
        let n = points.count
        let layout = KDTreeLayout(xs: points.map(\.x), ys: points.map(\.y), leafSize: PointKDTree.leafSize)
        let order = layout.order
        var coordinates: [Double] = []
        coordinates.reserveCapacity(2 * n)
        for o in order {
            coordinates.append(points[Int(o)].x)
            coordinates.append(points[Int(o)].y)
        }
        self.coordinates = coordinates
        self.features = order.map { pointFeatures[Int($0)] }
        self.splits = layout.splits
        self.axes = layout.axes
    }

    /// A far child waiting on the search stack: its node, range and per-axis offsets from the query.
    private struct Pending {
        var node: Int32, lo: Int32, hi: Int32
        var ox: Double, oy: Double
    }

    /// Lowers (`bestD`, `bestF`) to the nearest point's exact distance and feature if one is nearer, or
    /// equally near with a smaller feature index — the same order `SpatialIndex.Query.nearest(to:)` uses.
    /// Distances are `Position.distance(from:toSegment:)` of a point primitive, bit for bit.
    /// `p` must be finite.
    func nearest(to p: Position, bestD: inout Double, bestF: inout Int) {
        let n = count
        guard n > 0 else { return }
        var d0 = bestD, f0 = bestF
        coordinates.withUnsafeBufferPointer { xy in
            features.withUnsafeBufferPointer { feature in
                splits.withUnsafeBufferPointer { split in
                    axes.withUnsafeBufferPointer { axis in
                        withUnsafeTemporaryAllocation(of: Pending.self, capacity: 64) { stack in
                            var bound = SpatialIndex.pruneBound(d0)
                            var top = 0
                            var node = 0, lo = 0, hi = n, ox = 0.0, oy = 0.0
                            while true {
                                while hi - lo > PointKDTree.leafSize {
                                    let mid = (lo + hi) >> 1
                                    let s = split[node]
                                    let diff = axis[node] == 0 ? p.x - s : p.y - s
                                    let off = Swift.abs(diff)
                                    let (fx, fy) = axis[node] == 0 ? (off, oy) : (ox, off)
                                    let nearLeft = diff < 0
                                    if fx * fx + fy * fy <= bound {
                                        stack[top] = nearLeft
                                            ? Pending(node: Int32(2 * node + 2), lo: Int32(mid), hi: Int32(hi), ox: fx, oy: fy)
                                            : Pending(node: Int32(2 * node + 1), lo: Int32(lo), hi: Int32(mid), ox: fx, oy: fy)
                                        top += 1
                                    }
                                    if nearLeft {
                                        node = 2 * node + 1
                                        hi = mid
                                    } else {
                                        node = 2 * node + 2
                                        lo = mid
                                    }
                                }
                                for i in lo..<hi {
                                    // The expression of `Position.distance(from:toSegment:)` for a point.
                                    let px = p.x - xy[2 * i], py = p.y - xy[2 * i + 1]
                                    let d2 = px * px + py * py
                                    if d2 > bound { continue }
                                    let d = d2.squareRoot()
                                    if d <= d0 {
                                        let f = Int(feature[i])
                                        if d < d0 || f < f0 {
                                            d0 = d
                                            f0 = f
                                            bound = SpatialIndex.pruneBound(d)
                                        }
                                    }
                                }
                                var next: Pending?
                                while top > 0 {
                                    top -= 1
                                    let e = stack[top]
                                    if e.ox * e.ox + e.oy * e.oy <= bound {
                                        next = e
                                        break
                                    }
                                }
                                guard let e = next else { break }
                                node = Int(e.node); lo = Int(e.lo); hi = Int(e.hi); ox = e.ox; oy = e.oy
                            }
                        }
                    }
                }
            }
        }
        bestD = d0
        bestF = f0
    }
}
