extension CRS {
    /// The WGS 84 / UTM CRS whose zone contains the point: EPSG:326zz north of the equator,
    /// EPSG:327zz south of it.
    ///
    /// Zone = ⌊(lon + 180) / 6⌋ + 1 with longitude wrapped to [-180, 180), plus the exceptions of the
    /// UTM grid: south-west Norway (56–64° N, 3–12° E) is zone 32; Svalbard (72–84° N) uses zones
    /// 31, 33, 35, 37 only.
    public static func utmZone(lon: Double, lat: Double) -> CRS {
        CRS("EPSG:\((lat >= 0 ? 32600 : 32700) + utmZoneNumber(lon: lon, lat: lat))")
    }

    /// The UTM zone number (1…60) of a lon/lat position, with the Norway and Svalbard exceptions.
    public static func utmZoneNumber(lon: Double, lat: Double) -> Int {
        var wrapped = (lon + 180).truncatingRemainder(dividingBy: 360)
        if wrapped < 0 { wrapped += 360 }
        let lonW = wrapped - 180
        if lat >= 56, lat < 64, lonW >= 3, lonW < 12 { return 32 }
        if lat >= 72, lat < 84, lonW >= 0, lonW < 42 {
            switch lonW {
            case ..<9: return 31
            case ..<21: return 33
            case ..<33: return 35
            default: return 37
            }
        }
        return min(Int(wrapped / 6) + 1, 60)
    }
}
