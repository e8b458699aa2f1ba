/// A static spatial index over one layer of geometries (in a planar, projected CRS), answering exact
/// nearest, k-nearest, within-radius and containment queries.
///
/// Built once, immutable and `Sendable`, so one index can serve many threads. Internally:
/// - a Hilbert-packed R-tree (node size 8 — measured ~20 % fewer instructions per query than 16 — flat arrays) over **primitives**: every point and
///   every individual segment of every line and polygon ring, each tagged with its feature index;
/// - a second packed R-tree over the bounding boxes of polygon parts, whose rings are kept in one packed
///   vertex array for point-in-polygon tests.
///
/// Answers are exactly those of a linear scan with `Geometry.distance(to:)` and `Geometry.contains(_:)`:
/// the index calls the same primitive distance and ring-location functions on the same coordinates, and
/// prunes with a small safety margin so that rounding in box distances can never drop a hit.
/// Positions with non-finite coordinates are skipped (validate layers when loading them).
///
/// Complexity (n primitives, m polygon parts, k results): build O(n log n + m log m) time and O(n + m)
/// memory; queries ~O(log n + k) for well-distributed data (plus the vertex count of polygons whose box
/// contains the query point).
///
/// Each query method here allocates a little scratch memory; for millions of queries, give every thread
/// its own `SpatialIndex.Query`, which reuses its buffers.
public struct SpatialIndex: Sendable {
    /// The number of features (geometries) the index was built over; feature indices are `0..<featureCount`.
    public let featureCount: Int

    /// R-tree over primitives; primitive arrays below are in the tree's item order.
    let tree: PackedRTree
    /// End points of primitive `i` at `2i` and `2i + 1` (equal for a point primitive).
    let segments: [Position]
    let segFeature: [Int32]

    /// R-tree over polygon parts; part arrays below are in that tree's item order.
    let polygonTree: PackedRTree
    let partFeature: [Int32]
    /// Rings of part `i` are `partRings[i]..<partRings[i + 1]` in `ringStarts`.
    let partRings: [Int32]
    /// Vertices of ring `r` are `ringStarts[r]..<ringStarts[r + 1]` in `vertices`.
    let ringStarts: [Int32]
    let vertices: [Position]

    /// True when no feature has more than one primitive and none is polygonal: hits need no de-duplication.
    let singlePrimitiveFeatures: Bool

    /// A k-d tree over the primitives when every one is a point (a point layer) and trees were asked for:
    /// `Query.nearest(to:)` uses it.
    let pointTree: PointKDTree?
    /// A k-d tree over the segments of a layer of lines (and points) without polygons, when trees were
    /// asked for: `Query.nearest(to:)` uses it.
    let segmentTree: SegmentKDTree?

    /// Whether the layer has polygonal features (so `containing(_:)` can return anything).
    public var hasPolygons: Bool { !partFeature.isEmpty }

    /// Builds the index over `geometries`; feature `i` is `geometries[i]`. O(n log n).
    /// - Parameter treesForNearest: on a layer without polygons, also build the k-d tree that answers
    ///   `nearest(to:)` (`PointKDTree` or `SegmentKDTree`: fewer instructions per query, same answers).
    ///   Pass false for layers that are only counted, summed or tested for containment.
    public init(_ geometries: [Geometry], treesForNearest: Bool = true) {
        var builder = Builder()
        for (i, g) in geometries.enumerated() { builder.add(g, feature: Int32(i)) }

        featureCount = geometries.count
        tree = PackedRTree(boxes: builder.segBoxes)
        var segments: [Position] = []
        segments.reserveCapacity(2 * tree.order.count)
        for o in tree.order {
            segments.append(builder.segA[Int(o)])
            segments.append(builder.segB[Int(o)])
        }
        self.segments = segments
        segFeature = tree.order.map { builder.segFeature[Int($0)] }

        polygonTree = PackedRTree(boxes: builder.partBoxes)
        var partFeature: [Int32] = [], partRings: [Int32] = [0], ringStarts: [Int32] = [0], vertices: [Position] = []
        partFeature.reserveCapacity(builder.parts.count)
        vertices.reserveCapacity(builder.vertexCount)
        for o in polygonTree.order {
            let (feature, poly) = builder.parts[Int(o)]
            partFeature.append(feature)
            for ring in poly.rings {
                vertices.append(contentsOf: ring)
                ringStarts.append(Int32(vertices.count))
            }
            partRings.append(Int32(ringStarts.count - 1))
        }
        self.partFeature = partFeature
        self.partRings = partRings
        self.ringStarts = ringStarts
        self.vertices = vertices
        singlePrimitiveFeatures = builder.parts.isEmpty && !builder.repeatedFeature
        let pointPrimitives = stride(from: 0, to: segments.count, by: 2).allSatisfy {
            segments[$0].x == segments[$0 + 1].x && segments[$0].y == segments[$0 + 1].y
        }
        let treeable = treesForNearest && builder.parts.isEmpty && !segFeature.isEmpty
        // A segment of length zero has the point's distance expression (`Position.distance(from:toSegment:)`).
        pointTree = treeable && pointPrimitives
            ? PointKDTree(points: stride(from: 0, to: segments.count, by: 2).map { segments[$0] }, features: segFeature) : nil
        segmentTree = treeable && !pointPrimitives ? SegmentKDTree(segments: segments, features: segFeature) : nil
    }

    /// Collects primitives and polygon parts in feature order.
    private struct Builder {
        var segA: [Position] = [], segB: [Position] = [], segFeature: [Int32] = [], segBoxes: [BoundingBox] = []
        var parts: [(Int32, Polygon)] = [], partBoxes: [BoundingBox] = [], vertexCount = 0
        var repeatedFeature = false

        mutating func addSegment(_ a: Position, _ b: Position, feature: Int32) {
            guard a.isFinite, b.isFinite else { return }
            if segFeature.last == feature { repeatedFeature = true }
            segA.append(a); segB.append(b); segFeature.append(feature)
            segBoxes.append(BoundingBox(minX: Swift.min(a.x, b.x), minY: Swift.min(a.y, b.y),
                                        maxX: Swift.max(a.x, b.x), maxY: Swift.max(a.y, b.y)))
        }

        mutating func addLine(_ line: [Position], feature: Int32) {
            if line.count == 1 { addSegment(line[0], line[0], feature: feature) }
            guard line.count >= 2 else { return }
            for i in 1..<line.count { addSegment(line[i - 1], line[i], feature: feature) }
        }

        mutating func addPolygon(_ poly: Polygon, feature: Int32) {
            for ring in poly.rings { addLine(ring, feature: feature) }
            guard let box = BoundingBox(enclosing: poly.exterior),
                  poly.rings.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return }
            parts.append((feature, poly))
            partBoxes.append(box)
            vertexCount += poly.rings.reduce(0) { $0 + $1.count }
        }

        mutating func add(_ g: Geometry, feature: Int32) {
            switch g {
            case .point(let p): addSegment(p, p, feature: feature)
            case .multiPoint(let ps): ps.forEach { addSegment($0, $0, feature: feature) }
            case .lineString(let line): addLine(line, feature: feature)
            case .multiLineString(let lines): lines.forEach { addLine($0, feature: feature) }
            case .polygon(let poly): addPolygon(poly, feature: feature)
            case .multiPolygon(let polys): polys.forEach { addPolygon($0, feature: feature) }
            case .geometryCollection(let members): members.forEach { add($0, feature: feature) }
            }
        }
    }

    /// Squared pruning bound for an exact distance `d`: boxes farther than this cannot hold a primitive
    /// whose computed distance is ≤ `d`. The margin (1 µm + 1e-12·d) covers rounding in box and segment
    /// distances with coordinates in the millions; it only costs a few extra exact tests.
    @inline(__always)
    static func pruneBound(_ d: Double) -> Double {
        if d == .infinity { return .infinity }
        let b = d * (1 + 1e-12) + 1e-6
        return b * b
    }

    /// Unchecked pointer access to the primitive tree and primitives, for query loops.
    struct View {
        let tree: PackedRTree.View
        let segments: UnsafeBufferPointer<Position>
        let features: UnsafeBufferPointer<Int32>

        /// Exact distance from `p` to primitive `i` (tree order): the function `Geometry.distance(to:)` uses.
        @inline(__always)
        func primitiveDistance(_ i: Int, _ p: Position) -> Double {
            Position.distance(from: p, toSegment: segments[2 * i], segments[2 * i + 1])
        }

        @inline(__always)
        func feature(_ i: Int) -> Int { Int(features[i]) }
    }

    @inline(__always)
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try tree.withView { t in
            try segments.withUnsafeBufferPointer { s in
                try segFeature.withUnsafeBufferPointer { f in try body(View(tree: t, segments: s, features: f)) }
            }
        }
    }

    /// Whether polygon part `i` (tree order) contains `p`, boundary inclusive; same rule as `Polygon.contains`.
    func partContains(_ i: Int, _ p: Position) -> Bool {
        let r0 = Int(partRings[i]), r1 = Int(partRings[i + 1])
        return vertices.withUnsafeBufferPointer { v in
            func ring(_ r: Int) -> UnsafeBufferPointer<Position> {
                UnsafeBufferPointer(rebasing: v[Int(ringStarts[r])..<Int(ringStarts[r + 1])])
            }
            switch Polygon.locate(p, inRing: ring(r0)) {
            case .outside: return false
            case .boundary: return true
            case .inside: break
            }
            if r0 + 1 < r1 {
                for r in (r0 + 1)..<r1 {
                    switch Polygon.locate(p, inRing: ring(r)) {
                    case .inside: return false
                    case .boundary: return true
                    case .outside: continue
                    }
                }
            }
            return true
        }
    }
}
