/// The points of a point layer bucketed into a uniform grid, for radius counts and sums (issue 15).
///
/// Layout: square cells of side `1 / inverseCellSize`; points are stored row by row (a row is a horizontal strip of
/// cells), sorted by x within a row, so the cells of a row are consecutive ranges of one x-sorted run.
/// `cellStart` gives each cell's first point; prefix totals of each value column over this order turn the
/// total of any run of points into one subtraction. A radius query (`PointRadiusGrid+Query.swift`) walks the
/// rows the circle touches; in each row it adds the run of points wholly inside the circle by its prefix
/// difference and tests only the points near the circle's edge.
///
/// Cell lookup uses `⌊(v − origin) · inverseCellSize⌋` in floating point, which is monotone in `v`: the cells of
/// a row are in x order even when a point lies a rounding error from a cell edge, which is all the query
/// relies on. Wholesale additions are decided on the points' actual coordinates, never on cell edges.
///
/// Build: O(n + cells) plus a sort of each cell by x; cells ≈ n / `pointsPerCell`. Memory: ~16 bytes per
/// point, 4 per cell and 8 per point and value column (values and prefix totals).
public struct PointRadiusGrid: Sendable {
    /// Target mean points per cell. A query costs per row of cells it touches (four cell lookups) plus per
    /// point tested near the circle's edge; their balance does not depend on the radius. Measured on the
    /// M heavy benchmark (callgrind, its three radius criteria only, grid builds included): 1, 2, 3, 4 points
    /// per cell took 737, 694, 688, 703 M instructions; the R-tree aggregates took 1,606 M.
    static let pointsPerCell = 3.0
    /// Rows whose candidate range holds at most this many points test them all rather than look up the
    /// wholly-inside run (two more cell lookups): 8 measured 1 % fewer instructions than 0.
    static let innerRunMinimum = 8

    let originX: Double, originY: Double
    let inverseCellSize: Double
    let rows: Int, columns: Int
    /// Point `i` (row-major, x-sorted within a row) is at (`xs[i]`, `ys[i]`).
    let xs: [Double], ys: [Double]
    /// Points of cell `row * columns + column` are `cellStart[that]..<cellStart[that + 1]`.
    let cellStart: [Int32]
    /// The least and greatest y of the points in each row (NaN for an empty row).
    let rowMinY: [Double], rowMaxY: [Double]
    /// Value `m` of point `i` at `values[i * width + m]`.
    let values: [Double]
    /// `prefix[i * width + m]`: total of column `m` over points `0..<i` (`count + 1` rows).
    let prefix: [Double]
    /// The number of value columns summed by `aggregate(within:of:into:)`.
    public let width: Int

    /// The number of points.
    public var count: Int { xs.count }

    /// What a grid is built from: a point layer's points and their values. Gathered before the build (one cheap
    /// pass), so that a caller knows whether a layer gets a grid before it plans the rest of its work.
    public struct Source: Sendable {
        let points: [Position]
        /// Point `i` has values `values[i * width ..< (i + 1) * width]`.
        let values: [Double]
        let width: Int

        /// The number of points.
        public var count: Int { points.count }
    }

    /// The source of a grid over `geometries` (feature `k` is `geometries[k]`, nil for none) with value columns
    /// `columns[m][k]`, or nil when the grid's answers could differ in any bit from those of a `SpatialIndex` over
    /// the same geometries: a feature is not a single point, or a column does not sum exactly (a non-integer value,
    /// or Σ|v| > 2⁵³; see `SpatialIndex.exactPointSums(_:)`). Features without a geometry or with a non-finite
    /// position are left out, as the index leaves them out.
    public static func source(geometries: [Geometry?], columns: [[Double]] = []) -> Source? {
        for column in columns {
            guard column.count == geometries.count, SpatialIndex.sumsExactly(column) else { return nil }
        }
        let width = columns.count
        var points: [Position] = [], values: [Double] = []
        points.reserveCapacity(geometries.count)
        values.reserveCapacity(geometries.count * width)
        for (k, g) in geometries.enumerated() {
            let p: Position
            switch g {
            case nil: continue
            case .point(let q)?: p = q
            case .multiPoint(let qs)? where qs.count <= 1:
                guard let q = qs.first else { continue }
                p = q
            default: return nil
            }
            guard p.isFinite else { continue }
            points.append(p)
            for m in 0..<width { values.append(columns[m][k]) }
        }
        return Source(points: points, values: values, width: width)
    }

    /// Builds the grid from `source`: O(n) plus small per-cell sorts. Build one per layer and value set, not per query.
    public init(_ source: Source) {
        self.init(points: source.points, values: source.values, width: source.width)
    }

    /// Builds the grid over `points` (all finite), with `width` value columns: point `i` has values
    /// `values[i * width ..< (i + 1) * width]`. Prefix totals are plain running sums: they are exact only
    /// for value sets that sum exactly (see `SpatialIndex.exactPointSums(_:)`), which `source` checks.
    init(points: [Position], values pointValues: [Double], width: Int) {
        precondition(pointValues.count == points.count * width && points.count < Int(Int32.max))
        let n = points.count
        self.width = width
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for p in points {
            minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
            minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
        }
        let w = n > 0 ? maxX - minX : 0, h = n > 0 ? maxY - minY : 0
        // Cells of equal area holding `pointsPerCell` points on average; no fewer along a thin extent.
        let k = PointRadiusGrid.pointsPerCell, count = Double(Swift.max(n, 1))
        var size = Swift.max((w * h * k / count).squareRoot(), Swift.max(w, h) * k / count)
        if !(size > 0 && size.isFinite) { size = 1 }
        originX = n > 0 ? minX : 0
        originY = n > 0 ? minY : 0
        inverseCellSize = 1 / size
        columns = Swift.min(Int(w * inverseCellSize) + 1, n + 1)
        rows = Swift.min(Int(h * inverseCellSize) + 1, n + 1)

        // Counting sort by cell, then each cell by x (cells are small; ties keep input order).
        let rows = self.rows, columns = self.columns, cells = rows * columns
        let originX = self.originX, originY = self.originY, inverseCellSize = self.inverseCellSize
        var start = [Int32](repeating: 0, count: cells + 1)
        var order = [Int32](repeating: 0, count: n)
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        var cellOf = [Int32](repeating: 0, count: n), next = [Int32](repeating: 0, count: cells)
        // Unchecked buffers throughout: checked array stores in these loops cost more than the sorting.
        PointRadiusGrid.withUnsafeBuffers(points, &start, &order, &xs, &ys, &cellOf, &next) { pts, start, order, xs, ys, cellOf, next in
            for i in 0..<n {
                let c = PointRadiusGrid.cell(pts[i].y, originY, inverseCellSize, rows) &* columns
                    &+ PointRadiusGrid.cell(pts[i].x, originX, inverseCellSize, columns)
                cellOf[i] = Int32(truncatingIfNeeded: c)
                start[c &+ 1] &+= 1
            }
            for c in 0..<cells {
                start[c &+ 1] &+= start[c]
                next[c] = start[c]
            }
            for i in 0..<n {
                let c = Int(cellOf[i]), at = Int(next[c])
                order[at] = Int32(truncatingIfNeeded: i)
                xs[at] = pts[i].x
                next[c] &+= 1
            }
            for c in 0..<cells where start[c &+ 1] &- start[c] > 1 {
                let a = Int(start[c]), b = Int(start[c &+ 1])
                if b &- a <= 32 {
                    for i in (a &+ 1)..<b {
                        let o = order[i], x = xs[i]
                        var j = i
                        while j > a && xs[j &- 1] > x {
                            order[j] = order[j &- 1]; xs[j] = xs[j &- 1]
                            j &-= 1
                        }
                        order[j] = o; xs[j] = x
                    }
                } else {
                    // A dense cluster: a comparison sort (ties by input order).
                    var cluster = UnsafeMutableBufferPointer(rebasing: order[a..<b])
                    cluster.sort { (pts[Int($0)].x, $0) < (pts[Int($1)].x, $1) }
                    for i in a..<b { xs[i] = pts[Int(order[i])].x }
                }
            }
            for i in 0..<n { ys[i] = pts[Int(order[i])].y }
        }
        cellStart = start
        self.xs = xs
        self.ys = ys

        var rowMinY = [Double](repeating: .nan, count: rows), rowMaxY = [Double](repeating: .nan, count: rows)
        for r in 0..<rows {
            let a = Int(start[r * columns]), b = Int(start[(r + 1) * columns])
            guard a < b else { continue }
            var lo = Double.infinity, hi = -Double.infinity
            for i in a..<b {
                lo = Swift.min(lo, ys[i]); hi = Swift.max(hi, ys[i])
            }
            rowMinY[r] = lo
            rowMaxY[r] = hi
        }
        self.rowMinY = rowMinY
        self.rowMaxY = rowMaxY

        var values = [Double](repeating: 0, count: n * width)
        var prefix = [Double](repeating: 0, count: (n + 1) * width)
        if width > 0 {
            pointValues.withUnsafeBufferPointer { from in
                values.withUnsafeMutableBufferPointer { values in
                    prefix.withUnsafeMutableBufferPointer { prefix in
                        for i in 0..<n {
                            let o = Int(order[i])
                            for m in 0..<width {
                                values[i * width + m] = from[o * width + m]
                                prefix[(i + 1) * width + m] = prefix[i * width + m] + values[i * width + m]
                            }
                        }
                    }
                }
            }
        }
        self.values = values
        self.prefix = prefix
    }

    /// `body` with unchecked buffers over the build's arrays.
    private static func withUnsafeBuffers(
        _ points: [Position], _ start: inout [Int32], _ order: inout [Int32], _ xs: inout [Double], _ ys: inout [Double],
        _ cellOf: inout [Int32], _ next: inout [Int32],
        _ body: (UnsafeBufferPointer<Position>, UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>,
                 UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>,
                 UnsafeMutableBufferPointer<Int32>) -> Void
    ) {
        points.withUnsafeBufferPointer { p in
            start.withUnsafeMutableBufferPointer { s in
                order.withUnsafeMutableBufferPointer { o in
                    xs.withUnsafeMutableBufferPointer { x in
                        ys.withUnsafeMutableBufferPointer { y in
                            cellOf.withUnsafeMutableBufferPointer { c in
                                next.withUnsafeMutableBufferPointer { n in body(p, s, o, x, y, c, n) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The cell (row or column) of coordinate `v`, clamped to `0..<cells`. Monotone in `v`: rounding in
    /// the subtraction and product never reorders two coordinates.
    @inline(__always)
    static func cell(_ v: Double, _ origin: Double, _ inverseSize: Double, _ cells: Int) -> Int {
        // Truncation after clamping at 0 is the floor, without a call into libm.
        Int(Swift.min(Swift.max((v - origin) * inverseSize, 0), Double(cells &- 1)))
    }
}
