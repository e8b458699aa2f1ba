import GeoCore

/// Demand points bucketed in a uniform grid (about `perCell` points per cell), each cell with the
/// bounding box of its points: lets the implicit all-pairs p-median skip whole cells that lie farther
/// from a candidate than any of their points' current second-nearest facility.
///
/// The box distance is computed with the same IEEE operations as point distances on coordinates that
/// bound them, so it never exceeds the computed distance of any point in the cell (subtraction, squaring,
/// addition and square root are all monotone): pruning on it is exact.
struct DemandCells: Sendable {
    /// Demand indices cell by cell, ascending within a cell.
    let order: [Int32]
    /// Cell `c` is `order[start[c]..<start[c + 1]]`.
    let start: [Int]
    let minX: [Double], minY: [Double], maxX: [Double], maxY: [Double]
    /// The cell of each demand point.
    let cellOf: [Int32]

    var count: Int { minX.count }

    init(_ points: [Position], perCell: Int = 64) {
        var lo = Position(x: .infinity, y: .infinity), hi = Position(x: -.infinity, y: -.infinity)
        for p in points {
            lo.x = min(lo.x, p.x); lo.y = min(lo.y, p.y); hi.x = max(hi.x, p.x); hi.y = max(hi.y, p.y)
        }
        let side = max(1, Int((Double(points.count) / Double(perCell)).squareRoot().rounded(.up)))
        let w = max(hi.x - lo.x, 1e-9), h = max(hi.y - lo.y, 1e-9)
        var cellOf = [Int32](repeating: 0, count: points.count)
        var counts = [Int](repeating: 0, count: side * side + 1)
        for (i, p) in points.enumerated() {
            let cx = min(side - 1, Int((p.x - lo.x) / w * Double(side)))
            let cy = min(side - 1, Int((p.y - lo.y) / h * Double(side)))
            cellOf[i] = Int32(cy * side + cx)
            counts[Int(cellOf[i]) + 1] += 1
        }
        for c in 0..<(side * side) { counts[c + 1] += counts[c] }
        var fill = counts
        var order = [Int32](repeating: 0, count: points.count)
        for i in points.indices {
            let c = Int(cellOf[i])
            order[fill[c]] = Int32(i)
            fill[c] += 1
        }
        var minX = [Double](repeating: .infinity, count: side * side), minY = minX
        var maxX = [Double](repeating: -.infinity, count: side * side), maxY = maxX
        for (i, p) in points.enumerated() {
            let c = Int(cellOf[i])
            minX[c] = min(minX[c], p.x); minY[c] = min(minY[c], p.y)
            maxX[c] = max(maxX[c], p.x); maxY[c] = max(maxY[c], p.y)
        }
        self.order = order
        start = counts
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
        self.cellOf = cellOf
    }

    /// A lower bound on the distance from `p` to every point of cell `c` (infinite for an empty cell).
    @inline(__always)
    func minDistance(_ c: Int, _ p: Position) -> Double {
        if start[c] == start[c + 1] { return .infinity }
        let dx = p.x < minX[c] ? minX[c] - p.x : (p.x > maxX[c] ? p.x - maxX[c] : 0)
        let dy = p.y < minY[c] ? minY[c] - p.y : (p.y > maxY[c] ? p.y - maxY[c] : 0)
        return (dx * dx + dy * dy).squareRoot()
    }
}
