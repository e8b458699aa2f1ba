extension CRS {
    /// Germany with a margin (lon 5.0…16.0, lat 46.5…55.5): the documented extended use of the German
    /// projected CRSs. Federal agencies publish all of Germany in EPSG:25832 (UTM zone 32 stretched to the
    /// Oder) and Gauß-Krüger data sets such as BKG's VG5000 use one zone for the whole country.
    public static let germanyExtent = BoundingBox(minX: 5.0, minY: 46.5, maxX: 16.0, maxY: 55.5)

    /// The EPSG codes whose extended use is Germany: ETRS89/UTM 32N and 33N (25832, 25833), with zone prefix
    /// (4647, 5650), DHDN/Gauß-Krüger zones 2–5 (31466–31469) and their 3-degree zone variants (5676–5679).
    static let germanCodes: Set<Int> = [25832, 25833, 4647, 5650, 31466, 31467, 31468, 31469, 5676, 5677, 5678, 5679]

    /// The area beyond the official area of use in which positions are accepted without a warning, or nil.
    /// The scale error there is documented in docs/scenario.md (UTM 32 at Germany's eastern border, 15.04° E:
    /// +0.18 % at 51° N, +0.21 % at 47.6° N; UTM 33 at the western border, 5.87° E: +0.46 %).
    public var extendedUse: BoundingBox? {
        guard let code = epsgCode, Self.germanCodes.contains(code) else { return nil }
        return Self.germanyExtent
    }

    /// The EPSG code of an `EPSG:n` or `urn:ogc:def:crs:EPSG::n` definition, if it is one.
    public var epsgCode: Int? {
        let d = definition.uppercased()
        for prefix in ["EPSG:", "URN:OGC:DEF:CRS:EPSG::", "URN:OGC:DEF:CRS:EPSG:"] where d.hasPrefix(prefix) {
            let rest = d.dropFirst(prefix.count).split(separator: ":").last.map(String.init) ?? ""
            return Int(rest)
        }
        return nil
    }

    /// What CRS coordinates of this magnitude are most likely in, for an error about a wrong `crs:` — German
    /// conventions: Gauß-Krüger (7-digit easting whose first digit is the zone 2–5), UTM with a zone prefix
    /// (8-digit easting starting 32/33), plain ETRS89/UTM (6-digit easting, 7-digit northing), swapped lon/lat.
    public static func likelySource(x: Double, y: Double) -> String? {
        let ax = abs(x), ay = abs(y)
        if ax <= 90, ay <= 180, (46...56).contains(ax), (5...16).contains(ay) {
            return "the values look like lat, lon in that order: swap the x/y columns (x is the longitude)"
        }
        if (1_000_000..<10_000_000).contains(ax), (5_000_000..<6_200_000).contains(ay) {
            let zone = Int(ax / 1_000_000)
            if (2...5).contains(zone) {
                return "a 7-digit easting starting with \(zone) and a northing of \(Int(ay / 1000)) km look like Gauß-Krüger zone \(zone): crs: EPSG:\(31464 + zone)"
            }
        }
        if (32_000_000..<34_000_000).contains(ax), (5_000_000..<6_200_000).contains(ay) {
            let zone = Int(ax / 1_000_000)
            return "an 8-digit easting starting with \(zone) is UTM zone \(zone) with the zone prefix: crs: EPSG:\(zone == 32 ? 4647 : 5650) (or remove the prefix and use EPSG:258\(zone))"
        }
        if (100_000..<1_000_000).contains(ax), (5_000_000..<6_200_000).contains(ay) {
            return "a 6-digit easting and a 7-digit northing look like ETRS89/UTM: crs: EPSG:25832 (west of 12° E) or EPSG:25833 (east of 12° E)"
        }
        return nil
    }
}
