extension Geometry {
    /// Planar length in CRS units of the linear parts: `Σ |pᵢ₊₁ − pᵢ|` over every line; a polygon counts
    /// its perimeter (all rings), points count 0 — the same convention as shapely's `length`.
    public var length: Double {
        switch self {
        case .point, .multiPoint: 0
        case .lineString(let line): Geometry.length(of: line)
        case .multiLineString(let lines): lines.reduce(0) { $0 + Geometry.length(of: $1) }
        case .polygon(let poly): poly.rings.reduce(0) { $0 + Geometry.length(of: $1) }
        case .multiPolygon(let polys): polys.reduce(0) { sum, poly in poly.rings.reduce(sum) { $0 + Geometry.length(of: $1) } }
        case .geometryCollection(let members): members.reduce(0) { $0 + $1.length }
        }
    }

    /// The length of a polyline: the sum of its segment lengths.
    public static func length(of line: [Position]) -> Double {
        guard line.count >= 2 else { return 0 }
        var sum = 0.0
        for i in 1..<line.count { sum += line[i - 1].distance(to: line[i]) }
        return sum
    }
}
