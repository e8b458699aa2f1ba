/// A static k-d tree over segment primitives, for nearest-feature queries on line layers without polygons
/// (issue 15: nearest road was the largest nearest item once points had `PointKDTree`).
///
/// Layout: `KDTreeLayout` over the segments' midpoints; every node (leaves included) keeps the tight box of
/// its segments' end points, so the tree is a binary bounding-volume hierarchy whose siblings do not share
/// items. Segments are stored in tree order as `ax, ay, bx, by`.
///
/// Nearest search is depth first, the child with the nearer box first, the other kept on a small stack
/// while its box is within the pruning bound (`SpatialIndex.pruneBound`, the R-tree search's margin for
/// rounding between box and segment distances). Leaf segments are measured with
/// `Position.distance(from:toSegment:)` and ties go to the smallest feature index, so answers are those of
/// the R-tree search, bit for bit.
struct SegmentKDTree: Sendable {
    /// 8 segments per leaf, as `PointKDTree`.
    static let leafSize = 8

    /// Segment `i` (tree order): `ends[4i…4i+3]` = `ax, ay, bx, by`.
    let ends: [Double]
    /// The feature index of segment `i` (tree order).
    let features: [Int32]
    /// Box of node `k` (implicit numbering, leaves included): `boxes[4k…4k+3]` = min x, min y, max x, max y.
    let boxes: [Double]

    /// The number of segments.
    var count: Int { features.count }

    /// Builds the tree over segments `segments[2i]`–`segments[2i + 1]` (all finite) of features `features[i]`.
    init(segments: [Position], features segmentFeatures: [Int32]) {
        let n = segmentFeatures.count
        precondition(segments.count == 2 * n && n < Int(Int32.max))
        let layout = KDTreeLayout(xs: (0..<n).map { (segments[2 * $0].x + segments[2 * $0 + 1].x) / 2 },
                                  ys: (0..<n).map { (segments[2 * $0].y + segments[2 * $0 + 1].y) / 2 },
                                  leafSize: SegmentKDTree.leafSize)
        var ends: [Double] = []
        ends.reserveCapacity(4 * n)
        for o in layout.order {
            let a = segments[2 * Int(o)], b = segments[2 * Int(o) + 1]
            ends.append(a.x); ends.append(a.y); ends.append(b.x); ends.append(b.y)
        }
        var boxes = [Double](repeating: 0, count: 4 * ((1 << (layout.levels + 1)) - 1))
        ends.withUnsafeBufferPointer { e in
            boxes.withUnsafeMutableBufferPointer { box in
                func fill(_ node: Int, _ lo: Int, _ hi: Int) {
                    var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
                    if hi - lo > SegmentKDTree.leafSize {
                        let mid = (lo + hi) >> 1
                        fill(2 * node + 1, lo, mid)
                        fill(2 * node + 2, mid, hi)
                        for child in [2 * node + 1, 2 * node + 2] {
                            x0 = Swift.min(x0, box[4 * child]); y0 = Swift.min(y0, box[4 * child + 1])
                            x1 = Swift.max(x1, box[4 * child + 2]); y1 = Swift.max(y1, box[4 * child + 3])
                        }
                    } else {
                        for i in lo..<hi {
                            x0 = Swift.min(x0, Swift.min(e[4 * i], e[4 * i + 2])); y0 = Swift.min(y0, Swift.min(e[4 * i + 1], e[4 * i + 3]))
                            x1 = Swift.max(x1, Swift.max(e[4 * i], e[4 * i + 2])); y1 = Swift.max(y1, Swift.max(e[4 * i + 1], e[4 * i + 3]))
                        }
                    }
                    box[4 * node] = x0; box[4 * node + 1] = y0; box[4 * node + 2] = x1; box[4 * node + 3] = y1
                }
                if n > 0 { fill(0, 0, n) }
            }
        }
        self.ends = ends
        self.features = layout.order.map { segmentFeatures[Int($0)] }
        self.boxes = boxes
    }

    /// A child waiting on the search stack: its node, range and squared box distance.
    private struct Pending {
        var node: Int32, lo: Int32, hi: Int32
        var distance2: Double
    }

    /// Squared distance from (`px`, `py`) to the box `minX, minY, maxX, maxY` at `b` (0 inside); the
    /// expression of `PackedRTree.View.boxDistanceSquared`.
    @inline(__always)
    private static func boxDistanceSquared(_ box: UnsafeBufferPointer<Double>, _ b: Int, _ px: Double, _ py: Double) -> Double {
        let dx = Swift.max(Swift.max(box[b] - px, px - box[b + 2]), 0)
        let dy = Swift.max(Swift.max(box[b + 1] - py, py - box[b + 3]), 0)
        return dx * dx + dy * dy
    }

    /// Lowers (`bestD`, `bestF`) to the nearest segment's exact distance and feature if one is nearer, or
    /// equally near with a smaller feature index — the order `SpatialIndex.Query.nearest(to:)` uses.
    /// `p` must be finite.
    func nearest(to p: Position, bestD: inout Double, bestF: inout Int) {
        let n = count
        guard n > 0 else { return }
        var d0 = bestD, f0 = bestF
        ends.withUnsafeBufferPointer { e in
            features.withUnsafeBufferPointer { feature in
                boxes.withUnsafeBufferPointer { box in
                    withUnsafeTemporaryAllocation(of: Pending.self, capacity: 64) { stack in
                        var bound = SpatialIndex.pruneBound(d0)
                        var top = 0
                        var node = 0, lo = 0, hi = n
                        var nodeDistance2 = SegmentKDTree.boxDistanceSquared(box, 0, p.x, p.y)
                        while true {
                            if nodeDistance2 <= bound {
                                descend: while hi - lo > SegmentKDTree.leafSize {
                                    let mid = (lo + hi) >> 1
                                    let left = 2 * node + 1, right = 2 * node + 2
                                    let dl = SegmentKDTree.boxDistanceSquared(box, 4 * left, p.x, p.y)
                                    let dr = SegmentKDTree.boxDistanceSquared(box, 4 * right, p.x, p.y)
                                    let leftFirst = dl <= dr
                                    let (nearD, farD) = leftFirst ? (dl, dr) : (dr, dl)
                                    if farD <= bound {
                                        stack[top] = leftFirst
                                            ? Pending(node: Int32(right), lo: Int32(mid), hi: Int32(hi), distance2: dr)
                                            : Pending(node: Int32(left), lo: Int32(lo), hi: Int32(mid), distance2: dl)
                                        top += 1
                                    }
                                    if nearD > bound {
                                        hi = lo  // nothing left on this path
                                        break descend
                                    }
                                    if leftFirst {
                                        node = left
                                        hi = mid
                                    } else {
                                        node = right
                                        lo = mid
                                    }
                                }
                                for i in lo..<hi {
                                    let a = Position(x: e[4 * i], y: e[4 * i + 1]), b = Position(x: e[4 * i + 2], y: e[4 * i + 3])
                                    let dx = Swift.max(Swift.max(Swift.min(a.x, b.x) - p.x, p.x - Swift.max(a.x, b.x)), 0)
                                    let dy = Swift.max(Swift.max(Swift.min(a.y, b.y) - p.y, p.y - Swift.max(a.y, b.y)), 0)
                                    if dx * dx + dy * dy > bound { continue }
                                    let d = Position.distance(from: p, toSegment: a, b)
                                    if d <= d0 {
                                        let f = Int(feature[i])
                                        if d < d0 || f < f0 {
                                            d0 = d
                                            f0 = f
                                            bound = SpatialIndex.pruneBound(d)
                                        }
                                    }
                                }
                            }
                            guard top > 0 else { break }
                            top -= 1
                            let pending = stack[top]
                            node = Int(pending.node); lo = Int(pending.lo); hi = Int(pending.hi)
                            nodeDistance2 = pending.distance2
                        }
                    }
                }
            }
        }
        bestD = d0
        bestF = f0
    }
}
