/// An axis-aligned bounding box in the coordinates of its geometry's CRS.
public struct BoundingBox: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The box around one position.
    public init(_ position: Position) {
        self.init(minX: position.x, minY: position.y, maxX: position.x, maxY: position.y)
    }

    /// The box around `positions`, or nil when there are none. (The array form: callers in other modules get
    /// the generic one unspecialised, a witness call and a retain per position — 1.8 % of an L run for the
    /// candidates' lon/lat box.)
    public init?(enclosing positions: [Position]) {
        guard let first = positions.first else { return nil }
        var box = BoundingBox(first)
        positions.withUnsafeBufferPointer { ps in
            for p in ps { box.expand(toInclude: p) }
        }
        self = box
    }

    /// The box around `positions`, or nil when there are none.
    public init?<S: Sequence>(enclosing positions: S) where S.Element == Position {
        var iterator = positions.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = BoundingBox(first)
        while let p = iterator.next() { box.expand(toInclude: p) }
        self = box
    }

    public mutating func expand(toInclude p: Position) {
        if p.x < minX { minX = p.x }
        if p.x > maxX { maxX = p.x }
        if p.y < minY { minY = p.y }
        if p.y > maxY { maxY = p.y }
    }

    public mutating func expand(toInclude other: BoundingBox) {
        minX = Swift.min(minX, other.minX)
        minY = Swift.min(minY, other.minY)
        maxX = Swift.max(maxX, other.maxX)
        maxY = Swift.max(maxY, other.maxY)
    }

    public var center: Position { Position(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    public func contains(_ p: Position) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public func intersects(_ other: BoundingBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// Planar distance from `p` to the box (0 inside or on its edge).
    public func distance(to p: Position) -> Double {
        // Two-argument max: the variadic form goes through generic code in hot loops.
        let dx = Swift.max(Swift.max(minX - p.x, 0), p.x - maxX)
        let dy = Swift.max(Swift.max(minY - p.y, 0), p.y - maxY)
        return (dx * dx + dy * dy).squareRoot()
    }
}
