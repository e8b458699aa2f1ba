/// Radius counts and sums on a `PointRadiusGrid`: the same answers as `SpatialIndex.Query.count(within:of:)`
/// and `sums(within:of:_:into:)`, bit for bit, at a fraction of the work (issue 15).
extension PointRadiusGrid {
    /// The number of points within `radius` of `p` (exact distance ≤ radius, the expression
    /// `Position.distance(from:toSegment:)` gives a point primitive, as the spatial index uses). A negative or
    /// NaN radius finds nothing, an infinite one every point; a non-finite `p` is answered by testing every point.
    public func count(within radius: Double, of p: Position) -> Int {
        guard radius >= 0 else { return 0 }
        var n = 0
        forEachHit(radius, p, point: { _, hit in n &+= hit ? 1 : 0 }, run: { n += $1 - $0 })
        return n
    }

    /// The number of points within `radius` of `p` (as `count(within:of:)`), and for each value column
    /// `m` the total of its values over those points into `totals[m]` (`totals.count == width`).
    /// Bit-identical to adding the values point by point when the columns sum exactly
    /// (`source(geometries:columns:)` checks that): every partial total is then an exact integer.
    public func aggregate(within radius: Double, of p: Position, into totals: UnsafeMutableBufferPointer<Double>) -> Int {
        precondition(totals.count == width, "one total per column")
        let width = self.width
        for m in 0..<width { totals[m] = 0 }
        guard radius >= 0 else { return 0 }
        var n = 0
        values.withUnsafeBufferPointer { v in
            prefix.withUnsafeBufferPointer { s in
                // A miss adds 0, which leaves a total's bits as they are (totals start at +0): no branch per point.
                forEachHit(radius, p, point: { i, hit in
                    n &+= hit ? 1 : 0
                    for m in 0..<width { totals[m] += hit ? v[i * width + m] : 0 }
                }, run: { a, b in
                    n += b - a
                    for m in 0..<width { totals[m] += s[b * width + m] - s[a * width + m] }
                })
            }
        }
        return n
    }

    /// Calls `point(i, hit)` for each point tested on its own near the circle's edge (`hit`: at exact distance
    /// ≤ `radius` of `p`), and `run(a, b)` for each run `a..<b` of points wholly inside the circle; every hit is
    /// counted exactly once. The edge tests were most of a query's time: they are made without a branch on their
    /// outcome (measured: the M heavy benchmark's criteria stage 177 → 169 ms, issue 15).
    ///
    /// Per row of cells: the points whose x could be within reach (the prune bound of the spatial index,
    /// `SpatialIndex.pruneBound`) are one x-sorted range; of those, the range whose bounding box has its
    /// farthest corner within `SpatialIndex.innerBound` — the test the R-tree applies to a node — is added
    /// whole, and only the rest is tested point by point. `radius ≥ 0`; when it or `p` is not finite (rare: the
    /// cells cannot be walked), every point is tested.
    @inline(__always)
    func forEachHit(_ radius: Double, _ p: Position, point: (Int, Bool) -> Void, run: (Int, Int) -> Void) {
        guard count > 0 else { return }
        guard radius.isFinite, p.x.isFinite, p.y.isFinite else {
            for i in 0..<count { point(i, p.distance(to: Position(x: xs[i], y: ys[i])) <= radius) }
            return
        }
        let bound = SpatialIndex.pruneBound(radius), innerBound = SpatialIndex.innerBound(radius)
        let reach = bound.squareRoot()
        let firstRow = PointRadiusGrid.cell(p.y - reach, originY, inverseCellSize, rows)
        let lastRow = PointRadiusGrid.cell(p.y + reach, originY, inverseCellSize, rows)
        let columns = self.columns, originX = self.originX, inverseCellSize = self.inverseCellSize
        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                cellStart.withUnsafeBufferPointer { cellStart in
                    rowMinY.withUnsafeBufferPointer { rowMinY in
                        rowMaxY.withUnsafeBufferPointer { rowMaxY in
                            /// The first point of the row at or after `x` (`inclusive`) or after `x`. The answer lies
                            /// in `x`'s own cell: cells are monotone in x, so earlier cells hold only smaller x.
                            @inline(__always) func first(_ rowBase: Int, _ x: Double, inclusive: Bool) -> Int {
                                let c = rowBase + PointRadiusGrid.cell(x, originX, inverseCellSize, columns)
                                var lo = Int(cellStart[c]), hi = Int(cellStart[c + 1])
                                if hi - lo <= 8 {
                                    while lo < hi && (inclusive ? xs[lo] < x : xs[lo] <= x) { lo += 1 }
                                    return lo
                                }
                                while lo < hi {
                                    let mid = (lo + hi) >> 1
                                    if inclusive ? xs[mid] < x : xs[mid] <= x { lo = mid + 1 } else { hi = mid }
                                }
                                return lo
                            }
                            // `p.distance(to: point) <= radius`: `Geometry.distance(to:)` of a point, which
                            // `Position.distance(from:toSegment:)` of a point primitive equals bit for bit (its
                            // zero-length branch is this expression). The square root decides only between the two
                            // bounds; outside them the squared distance decides alone (its rounding, ~1e-16
                            // relative, is far inside the bounds' margins of 1e-12).
                            @inline(__always) func hit(_ i: Int) -> Bool {
                                let dx = p.x - xs[i], dy = p.y - ys[i]
                                let squared = dx * dx + dy * dy
                                let inside = squared <= innerBound, near = squared <= bound
                                return inside || (near && squared.squareRoot() <= radius)
                            }
                            for row in firstRow...lastRow {
                                let base = row * columns
                                if cellStart[base] == cellStart[base + columns] { continue }
                                let y0 = rowMinY[row], y1 = rowMaxY[row]
                                let near = Swift.max(Swift.max(y0 - p.y, p.y - y1), 0)
                                let slack = bound - near * near
                                guard slack >= 0 else { continue }
                                let halfWidth = slack.squareRoot()
                                let lo = first(base, p.x - halfWidth, inclusive: true)
                                let hi = first(base, p.x + halfWidth, inclusive: false)
                                guard lo < hi else { continue }
                                var inLo = hi, inHi = hi
                                let far = Swift.max(p.y - y0, y1 - p.y)
                                let room = innerBound - far * far
                                if room > 0 && hi - lo > PointRadiusGrid.innerRunMinimum {
                                    let inner = room.squareRoot()
                                    let a = Swift.max(lo, first(base, p.x - inner, inclusive: true))
                                    let b = Swift.min(hi, first(base, p.x + inner, inclusive: false))
                                    // The R-tree's wholly-inside test on the run's actual bounding box.
                                    if a < b {
                                        let dx = Swift.max(p.x - xs[a], xs[b - 1] - p.x)
                                        if dx * dx + far * far <= innerBound { inLo = a; inHi = b }
                                    }
                                }
                                for i in lo..<inLo { point(i, hit(i)) }
                                if inLo < inHi { run(inLo, inHi) }
                                for i in inHi..<hi { point(i, hit(i)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
