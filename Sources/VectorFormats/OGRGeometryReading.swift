import CGDAL
import GeoCore

/// Converts OGR geometries (borrowed `OGRGeometryH`s) into GeoCore ``Geometry`` values.
///
/// - Only x and y are kept (Z and M are dropped), as GeoCore's GeoJSON reader does.
/// - Curves (CircularString, CompoundCurve, CurvePolygon, MultiCurve, MultiSurface) are linearised with
///   `OGR_G_GetLinearGeometry` (GDAL's default step of 4°).
/// - Triangles, TINs and polyhedral surfaces become (multi)polygons via `OGR_G_ForceTo`.
/// - Empty geometries become nil (no geometry), as GeoJSON `null` does.
/// Coordinates are taken as OGR hands them out: in the layer's data axis order, which for file formats is
/// x = easting/longitude.
enum OGRGeometryReading {
    /// Why a geometry could not be converted: the OGR kind's name.
    struct Unsupported: Error { var kind: String }

    static func geometry(from handle: OGRGeometryH) throws(Unsupported) -> Geometry? {
        if gdal.OGR_G_IsEmpty(handle) != 0 { return nil }
        let type = gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(handle))
        switch type {
        case wkbPoint:
            return .point(Position(x: gdal.OGR_G_GetX(handle, 0), y: gdal.OGR_G_GetY(handle, 0)))
        case wkbLineString, wkbLinearRing:
            return .lineString(positions(of: handle))
        case wkbPolygon:
            return .polygon(polygon(of: handle))
        case wkbMultiPoint:
            return .multiPoint(parts(of: handle).compactMap { gdal.OGR_G_IsEmpty($0) != 0 ? nil : Position(x: gdal.OGR_G_GetX($0, 0), y: gdal.OGR_G_GetY($0, 0)) })
        case wkbMultiLineString:
            return .multiLineString(parts(of: handle).map(positions(of:)))
        case wkbMultiPolygon:
            return .multiPolygon(parts(of: handle).filter { gdal.OGR_G_IsEmpty($0) == 0 }.map(polygon(of:)))
        case wkbGeometryCollection:
            var members: [Geometry] = []
            for part in parts(of: handle) {
                if let member = try geometry(from: part) { members.append(member) }
            }
            return .geometryCollection(members)
        case wkbCircularString, wkbCompoundCurve, wkbCurvePolygon, wkbMultiCurve, wkbMultiSurface:
            guard let linear = gdal.OGR_G_GetLinearGeometry(handle, 0, nil) else { throw Unsupported(kind: name(of: handle)) }
            defer { gdal.OGR_G_DestroyGeometry(linear) }
            return try geometry(from: linear)
        case wkbTriangle, wkbTIN, wkbPolyhedralSurface:
            guard let clone = gdal.OGR_G_Clone(handle) else { throw Unsupported(kind: name(of: handle)) }
            // OGR_G_ForceTo takes ownership of its argument and returns the converted geometry.
            guard let converted = gdal.OGR_G_ForceTo(clone, type == wkbTriangle ? wkbPolygon : wkbMultiPolygon, nil) else {
                throw Unsupported(kind: name(of: handle))
            }
            defer { gdal.OGR_G_DestroyGeometry(converted) }
            let convertedType = gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(converted))
            guard convertedType == wkbPolygon || convertedType == wkbMultiPolygon else { throw Unsupported(kind: name(of: handle)) }
            return try geometry(from: converted)
        default:
            throw Unsupported(kind: name(of: handle))
        }
    }

    /// The OGR name of the geometry's type (`OGR_G_GetGeometryName`), e.g. `TIN`.
    static func name(of handle: OGRGeometryH) -> String {
        gdal.OGR_G_GetGeometryName(handle).map { String(cString: $0) } ?? "unknown"
    }

    /// The sub-geometries (parts of a multi-geometry, rings of a polygon), borrowed from `handle`.
    private static func parts(of handle: OGRGeometryH) -> [OGRGeometryH] {
        (0..<gdal.OGR_G_GetGeometryCount(handle)).compactMap { gdal.OGR_G_GetGeometryRef(handle, $0) }
    }

    /// A polygon's rings, exterior first; rings are closed if the source left them open.
    private static func polygon(of handle: OGRGeometryH) -> Polygon {
        var rings = parts(of: handle).map(positions(of:)).filter { !$0.isEmpty }
        for i in rings.indices where rings[i].first != rings[i].last { rings[i].append(rings[i][0]) }
        guard let exterior = rings.first else { return Polygon(exterior: []) }
        return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }

    /// The positions of a line string or ring, read in one `OGR_G_GetPoints` call into an interleaved buffer.
    private static func positions(of handle: OGRGeometryH) -> [Position] {
        let count = Int(gdal.OGR_G_GetPointCount(handle))
        guard count > 0 else { return [] }
        return [Position](unsafeUninitializedCapacity: count) { buffer, initialized in
            let stride = Int32(MemoryLayout<Position>.stride)
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            _ = gdal.OGR_G_GetPoints(handle, base + MemoryLayout<Position>.offset(of: \Position.x)!, stride,
                                base + MemoryLayout<Position>.offset(of: \Position.y)!, stride, nil, 0)
            initialized = count
        }
    }
}
