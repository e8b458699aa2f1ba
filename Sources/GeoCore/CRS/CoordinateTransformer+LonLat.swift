extension CoordinateTransformer {
    /// A transformer from `crs` to lon/lat WGS 84 (``CRS/crs84``), e.g. for writing RFC 7946 GeoJSON.
    public static func toLonLat(from crs: CRS) throws -> CoordinateTransformer {
        try CoordinateTransformer(from: crs, to: .crs84)
    }

    /// A transformer from lon/lat WGS 84 (``CRS/crs84``) to `crs`, e.g. for GeoJSON input to a projected CRS.
    public static func fromLonLat(to crs: CRS) throws -> CoordinateTransformer {
        try CoordinateTransformer(from: .crs84, to: crs)
    }
}
