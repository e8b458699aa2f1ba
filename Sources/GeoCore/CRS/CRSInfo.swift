/// What PROJ knows about a ``CRS``: its kind, axis unit and area of use.
public struct CRSInfo: Hashable, Sendable {
    /// The CRS's name, e.g. "ETRS89 / UTM zone 32N".
    public var name: String
    /// Whether coordinates are longitude/latitude angles (geographic 2D or 3D CRS).
    public var isGeographic: Bool
    /// Whether coordinates are planar eastings/northings (projected CRS).
    public var isProjected: Bool
    /// The unit of the first horizontal axis as PROJ names it, e.g. "metre" or "degree".
    public var unitName: String
    /// The kind of CRS in words ("projected CRS", "geographic 2D CRS", …), for messages.
    public var kind: String
    /// The area of use as a lon/lat box in degrees (west, south, east, north), or nil when PROJ has none.
    /// For an area crossing the antimeridian `minX > maxX`, as PROJ reports it.
    public var areaOfUse: BoundingBox?
    /// The geographic CRS the coordinates are based on as "AUTH:CODE" (EPSG:4258 for EPSG:25832),
    /// or nil when it has no identifier.
    public var geographicBase: CRS?

    public init(
        name: String, isGeographic: Bool, isProjected: Bool, unitName: String, kind: String,
        areaOfUse: BoundingBox?, geographicBase: CRS?
    ) {
        self.name = name
        self.isGeographic = isGeographic
        self.isProjected = isProjected
        self.unitName = unitName
        self.kind = kind
        self.areaOfUse = areaOfUse
        self.geographicBase = geographicBase
    }
}
