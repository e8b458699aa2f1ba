extension GeoJSONReader {
    /// The CRS string PROJ understands for a legacy GeoJSON 2008 `crs` member, as GDAL and QGIS
    /// still write it: `{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}`.
    ///
    /// `urn:ogc:def:crs:EPSG:[version]:CODE`, `EPSG:CODE` and
    /// `http://www.opengis.net/def/crs/EPSG/0/CODE` become `EPSG:CODE`; the OGC CRS84 forms
    /// (`urn:ogc:def:crs:OGC:1.3:CRS84`, `urn:ogc:def:crs:OGC::CRS84`, `OGC:CRS84`) become `OGC:CRS84`;
    /// any other name is passed to PROJ unchanged. `null` (or no member) means RFC 7946's `OGC:CRS84`.
    /// Linked CRSs (`"type": "link"`) are not supported.
    public static func crsString(fromLegacyMember member: JSONValue?) throws(GeoJSONError) -> String {
        guard let member, !member.isNull else { return "OGC:CRS84" }
        guard case .object(let object) = member else { throw GeoJSONError(.unsupportedCRS("expected an object"), source: "", path: "crs") }
        guard object["type"]?.string == "name" else {
            throw GeoJSONError(.unsupportedCRS("only \"type\": \"name\" is supported, found \(object["type"]?.string.map { "\"\($0)\"" } ?? "none")"), source: "", path: "crs")
        }
        guard case .object(let properties)? = object["properties"], let name = properties["name"]?.string, !name.isEmpty else {
            throw GeoJSONError(.unsupportedCRS("\"properties\": {\"name\": ...} is missing"), source: "", path: "crs")
        }
        return normalizedCRSName(name)
    }

    /// `urn:ogc:def:crs:EPSG::25832` → `EPSG:25832`, `urn:ogc:def:crs:OGC:1.3:CRS84` → `OGC:CRS84`.
    static func normalizedCRSName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("urn:ogc:def:crs:") {
            // urn:ogc:def:crs:AUTHORITY:[VERSION]:CODE
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count >= 7, let code = parts.last, !code.isEmpty {
                return "\(parts[4].uppercased()):\(code)"
            }
            return trimmed
        }
        for prefix in ["http://www.opengis.net/def/crs/", "https://www.opengis.net/def/crs/"] where lower.hasPrefix(prefix) {
            // .../AUTHORITY/VERSION/CODE
            let parts = trimmed.dropFirst(prefix.count).split(separator: "/")
            if parts.count == 3 { return "\(parts[0].uppercased()):\(parts[2])" }
        }
        if lower.hasPrefix("epsg:") { return "EPSG:" + trimmed.dropFirst(5) }
        if lower == "ogc:crs84" || lower == "crs84" { return "OGC:CRS84" }
        return trimmed
    }
}
