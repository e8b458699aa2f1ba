/// The radius grid of a point layer's index (issue 15): `PointRadiusGrid` answers `count(within:of:)` and
/// exact `sums(within:of:_:into:)` with the same results as the index, for less work per query.
extension SpatialIndex {
    /// A `PointRadiusGrid` over the index's points with value columns `columns[m][k]` for feature `k`, or
    /// nil when its answers could differ from the index's in any bit: the layer is not made of single points,
    /// or a column does not sum exactly (a non-integer value, or Σ|v| > 2⁵³; see `exactPointSums(_:)`).
    /// O(n) plus small per-cell sorts; build one per layer and value set, not per query.
    public func pointRadiusGrid(columns: [[Double]] = []) -> PointRadiusGrid? {
        guard singlePrimitiveFeatures else { return nil }
        let n = tree.itemCount
        var points: [Position] = []
        points.reserveCapacity(n)
        for i in 0..<n {
            let a = segments[2 * i], b = segments[2 * i + 1]
            guard a.x == b.x && a.y == b.y else { return nil }
            points.append(a)
        }
        for column in columns {
            guard column.count == featureCount, SpatialIndex.sumsExactly(column) else { return nil }
        }
        let width = columns.count
        var values = [Double](repeating: 0, count: n * width)
        for i in 0..<n {
            let f = Int(segFeature[i])
            for m in 0..<width { values[i * width + m] = columns[m][f] }
        }
        return PointRadiusGrid(points: points, values: values, width: width)
    }
}
