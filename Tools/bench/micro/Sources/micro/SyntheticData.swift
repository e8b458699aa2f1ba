import Foundation
import GeoCore

/// Problem sizes; the sizes by default, a tenth with `--quick` (smoke runs).
struct Sizes: Codable {
    var geojsonPoints = 1_000_000
    var transformPoints = 1_000_000
    var indexPoints = 100_000
    var segments = 20_000
    var polygons = 2_000
    var polygonVertices = 50
    var queries = 200_000
    var pipPoints = 1_000_000
    var sites = 1_000_000
    var criteria = 8

    static func scaled(quick: Bool) -> Sizes {
        var s = Sizes()
        guard quick else { return s }
        s.geojsonPoints /= 10; s.transformPoints /= 10; s.indexPoints /= 10; s.segments /= 10
        s.polygons /= 10; s.queries /= 10; s.pipPoints /= 10; s.sites /= 10
        return s
    }
}

/// The seeded synthetic inputs, generated once and also written (little-endian float64, x/y interleaved)
/// to the data folder so that the Python peer measures on exactly the same values.
///
/// Projected layers live in a 200 km × 200 km square of EPSG:25832 (E 400–600 km, N 5,300–5,500 km);
/// geographic positions in lon 6–12°, lat 48–54° (the zone's band over Germany).
struct SyntheticData {
    static let seed: UInt64 = 20_261_123
    static let east = 400_000.0...600_000.0
    static let north = 5_300_000.0...5_500_000.0

    let sizes: Sizes
    /// Positions in EPSG:4326 (lon, lat) to transform; the GeoJSON file holds the same positions.
    let lonLat: [Position]
    /// Index points (POIs) in EPSG:25832.
    let indexPoints: [Position]
    /// Segments as (a, b) pairs in EPSG:25832, 50–500 m long.
    let segments: [(Position, Position)]
    /// Star-shaped simple polygons (counter-clockwise, open: the closing vertex is not stored),
    /// mean radius 300 m – 2.5 km, each vertex at 60–140 % of the mean radius.
    let polygons: [[Position]]
    /// Query points for k-nearest and within-radius, uniform over the square.
    let queries: [Position]
    /// Points for point-in-polygon, uniform over the square.
    let pipPoints: [Position]
    /// Sites × criteria, row-major, values in [0, 1000).
    let matrix: [Double]
    let weights: [Double] = [0.20, 0.15, 0.15, 0.10, 0.10, 0.10, 0.10, 0.10]
    let benefit: [Bool] = [false, false, true, true, true, true, true, false]

    init(sizes: Sizes) {
        self.sizes = sizes
        var rng = SplitMix64(seed: Self.seed)
        func utm(_ rng: inout SplitMix64) -> Position {
            Position(x: rng.uniform(Self.east.lowerBound, Self.east.upperBound),
                     y: rng.uniform(Self.north.lowerBound, Self.north.upperBound))
        }
        lonLat = (0..<max(sizes.geojsonPoints, sizes.transformPoints)).map { _ in
            Position(x: rng.uniform(6, 12), y: rng.uniform(48, 54))
        }
        indexPoints = (0..<sizes.indexPoints).map { _ in utm(&rng) }
        segments = (0..<sizes.segments).map { _ in
            let a = utm(&rng)
            let length = rng.uniform(50, 500), angle = rng.uniform(0, 2 * .pi)
            return (a, Position(x: a.x + length * cos(angle), y: a.y + length * sin(angle)))
        }
        let vertices = sizes.polygonVertices
        polygons = (0..<sizes.polygons).map { _ in
            let c = utm(&rng), radius = rng.uniform(300, 2_500)
            return (0..<vertices).map { i in
                let angle = 2 * Double.pi * Double(i) / Double(vertices)
                let r = radius * rng.uniform(0.6, 1.4)
                return Position(x: c.x + r * cos(angle), y: c.y + r * sin(angle))
            }
        }
        queries = (0..<sizes.queries).map { _ in utm(&rng) }
        pipPoints = (0..<sizes.pipPoints).map { _ in utm(&rng) }
        matrix = (0..<(sizes.sites * sizes.criteria)).map { _ in rng.uniform(0, 1_000) }
    }

    var segmentGeometries: [Geometry] { segments.map { .lineString([$0.0, $0.1]) } }
    var polygonGeometries: [Geometry] { polygons.map { .polygon(Polygon(exterior: $0 + [$0[0]])) } }
    var pointGeometries: [Geometry] { indexPoints.map { .point($0) } }

    /// A FeatureCollection of the first `geojsonPoints` lon/lat positions with three properties each
    /// (int, string, float), encoded by `GeoJSONWriter` (7 decimals, one feature per line).
    func geoJSONBytes() throws -> [UInt8] {
        let kinds = ["parking", "school", "shop", "station", "park"]
        var rng = SplitMix64(seed: Self.seed ^ 0x6E0)
        let features = lonLat.prefix(sizes.geojsonPoints).enumerated().map { i, p in
            Feature(geometry: .point(p), properties: JSONObject(
                uncheckedKeys: ["id", "kind", "capacity"],
                values: [.number(Double(i)), .string(kinds[i % kinds.count]),
                         .number((rng.uniform(0, 500) * 100).rounded() / 100)]))
        }
        return try GeoJSONWriter(coordinateDecimals: 7).encode(FeatureCollection(features: features))
    }

    /// Writes every input to `folder` (`*.f64`, `points.geojson`, `sizes.json`) for the peer.
    func write(to folder: URL, geoJSON: [UInt8]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func save(_ name: String, _ values: [Double]) throws {
            try values.withUnsafeBytes { Data($0) }.write(to: folder.appendingPathComponent(name))
        }
        func flat(_ ps: [Position]) -> [Double] { ps.flatMap { [$0.x, $0.y] } }
        try save("lonlat.f64", flat(Array(lonLat.prefix(sizes.transformPoints))))
        try save("index_points.f64", flat(indexPoints))
        try save("segments.f64", segments.flatMap { [$0.0.x, $0.0.y, $0.1.x, $0.1.y] })
        try save("polygons.f64", flat(polygons.flatMap { $0 }))
        try save("queries.f64", flat(queries))
        try save("pip_points.f64", flat(pipPoints))
        try save("matrix.f64", matrix)
        try save("weights.f64", weights)
        try save("benefit.f64", benefit.map { $0 ? 1 : 0 })
        try Data(geoJSON).write(to: folder.appendingPathComponent("points.geojson"))
        try JSONEncoder().encode(sizes).write(to: folder.appendingPathComponent("sizes.json"))
    }
}
