/// A coordinate reference system, identified by the definition string the user gave.
///
/// Any string `proj_create` understands is accepted: authority codes (`EPSG:25832`),
/// OGC URNs (`urn:ogc:def:crs:EPSG::25833`), `OGC:CRS84`, PROJ strings and WKT.
/// The definition is validated lazily, by ``info()`` or by building a ``CoordinateTransformer``,
/// so that a `CRS` stays a cheap value that can be stored and compared.
/// Equality is equality of the definition strings, not geodetic equivalence.
public struct CRS: Hashable, Sendable, CustomStringConvertible {
    /// The definition string as given.
    public let definition: String

    /// A CRS from a definition string (`EPSG:4326`, a PROJ string, WKT, …).
    public init(_ definition: String) {
        self.definition = definition
    }

    /// WGS 84 longitude/latitude in degrees: the only CRS RFC 7946 GeoJSON allows.
    public static let crs84 = CRS("OGC:CRS84")

    /// WGS 84 geographic (EPSG:4326). Positions still use lon/lat order after normalisation.
    public static let wgs84 = CRS("EPSG:4326")

    public var description: String { definition }
}
