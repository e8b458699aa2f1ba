import CGDAL

/// One OGR spatial reference: owns its `OGRSpatialReferenceH` and releases it (`OSRRelease`) in `deinit`.
/// Not `Sendable`, like every GDAL object.
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    private init(handle: OGRSpatialReferenceH) {
        self.handle = handle
    }

    deinit { gdal.OSRRelease(handle) }

    /// A copy of `borrowed` (a layer's SRS, which the layer owns), via `OSRClone`.
    convenience init?(cloning borrowed: OGRSpatialReferenceH) {
        guard let copy = gdal.OSRClone(borrowed) else { return nil }
        self.init(handle: copy)
    }

    /// A spatial reference from any definition GDAL accepts (`EPSG:25832`, `OGC:CRS84`, WKT, PROJ strings),
    /// via `OSRSetFromUserInput`, with x = easting/longitude (`OSRSetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER)`),
    /// the order GeoCore's positions use. Nil when GDAL does not understand the definition.
    convenience init?(definition: String) {
        guard let handle = gdal.OSRNewSpatialReference(nil) else { return nil }
        self.init(handle: handle)
        guard gdal.OSRSetFromUserInput(handle, definition) == OGRERR_NONE else { return nil }
        gdal.OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    /// The CRS as a string PROJ understands: `AUTHORITY:CODE` (e.g. `EPSG:25832`) when the SRS carries an
    /// authority code or `OSRAutoIdentifyEPSG` recognises it (an ESRI `.prj` without codes), else WKT2
    /// (`OSRExportToWktEx` with `FORMAT=WKT2_2019`). Nil when the SRS cannot be exported at all.
    var definitionForPROJ: String? {
        if let code = authorityCode { return code }
        if let identified = SpatialReference(cloning: handle), gdal.OSRAutoIdentifyEPSG(identified.handle) == OGRERR_NONE,
           let code = identified.authorityCode {
            return code
        }
        return wkt2
    }

    /// `AUTHORITY:CODE` of the root node (`OSRGetAuthorityName`/`OSRGetAuthorityCode`), if any.
    var authorityCode: String? {
        guard let name = gdal.OSRGetAuthorityName(handle, nil), let code = gdal.OSRGetAuthorityCode(handle, nil) else { return nil }
        let authority = String(cString: name), value = String(cString: code)
        guard !authority.isEmpty, !value.isEmpty else { return nil }
        return "\(authority.uppercased()):\(value)"
    }

    /// The WKT2:2019 text (`OSRExportToWktEx` with `FORMAT=WKT2_2019`, `MULTILINE=NO`).
    var wkt2: String? {
        let options = CPLStringList(["FORMAT=WKT2_2019", "MULTILINE=NO"])
        var text: UnsafeMutablePointer<CChar>?
        defer { gdal.VSIFree(text) }
        guard gdal.OSRExportToWktEx(handle, &text, options.constList) == OGRERR_NONE, let text else { return nil }
        return String(cString: text)
    }
}
