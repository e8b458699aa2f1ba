import XCTest
@testable import GeoCore

/// The oracle of the nearest-query tests (`PointKDTreeTests`, `SegmentKDTreeTests`): a linear scan with
/// `Geometry.distance(to:)`, smallest (distance, feature).
enum NearestLinearScan {
    static func nearest(_ layer: [Geometry], _ p: Position) -> (feature: Int, distance: Double)? {
        var best: (feature: Int, distance: Double)?
        for (f, g) in layer.enumerated() {
            let d = g.distance(to: p)
            guard d.isFinite else { continue }
            if best == nil || d < best!.distance { best = (f, d) }
        }
        return best
    }

    /// Asserts that `SpatialIndex(layer)` built the tree `tree` names (`hasTree`) and answers every query with the
    /// scan's feature and the same distance bits.
    static func assertMatches(_ layer: [Geometry], _ queries: [Position], tree: String, hasTree: (SpatialIndex) -> Bool,
                              file: StaticString, line: UInt) {
        let index = SpatialIndex(layer)
        XCTAssertTrue(hasTree(index), "the layer gets a \(tree)", file: file, line: line)
        var q = index.makeQuery()
        for (i, p) in queries.enumerated() {
            let got = q.nearest(to: p), want = nearest(layer, p)
            XCTAssertEqual(got?.feature, want?.feature, "feature, query \(i) \(p)", file: file, line: line)
            XCTAssertEqual(got?.distance.bitPattern, want?.distance.bitPattern, "distance bits, query \(i) \(p)", file: file, line: line)
        }
    }
}
