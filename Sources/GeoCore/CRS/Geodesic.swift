import CPROJ

/// Geodesic (shortest path) measures on the WGS 84 ellipsoid, for lon/lat data where planar distances
/// would be wrong. Wraps PROJ's `geod_init` / `geod_inverse` (Karney 2013, "Algorithms for geodesics",
/// J. Geodesy 87: 43–55), accurate to about 15 nm.
public enum Geodesic {
    /// WGS 84: a = 6 378 137 m, f = 1 / 298.257223563.
    private static let wgs84: geod_geodesic = {
        var g = geod_geodesic()
        geod_init(&g, 6_378_137, 1 / 298.257_223_563)
        return g
    }()

    /// The result of the inverse geodesic problem between two points.
    public struct Inverse: Hashable, Sendable {
        /// Distance along the ellipsoid in metres.
        public var distance: Double
        /// Forward azimuth at the start, degrees clockwise from north.
        public var initialAzimuth: Double
        /// Forward azimuth at the end, degrees clockwise from north.
        public var finalAzimuth: Double
    }

    /// The geodesic distance in metres between two lon/lat positions in degrees (x = lon, y = lat).
    public static func distance(from a: Position, to b: Position) -> Double {
        inverse(from: a, to: b).distance
    }

    /// Distance and azimuths between two lon/lat positions in degrees (`geod_inverse`).
    public static func inverse(from a: Position, to b: Position) -> Inverse {
        var g = wgs84
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, &azi1, &azi2)
        return Inverse(distance: s12, initialAzimuth: azi1, finalAzimuth: azi2)
    }
}
