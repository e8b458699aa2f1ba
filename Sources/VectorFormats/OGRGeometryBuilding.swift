import CGDAL
import GeoCore

/// One OGR geometry built from a GeoCore ``Geometry``: owns its `OGRGeometryH` until it is handed to a
/// feature with ``giveAway()`` (`OGR_F_SetGeometryDirectly` takes ownership), else destroys it in `deinit`.
final class OGRGeometryBuilding {
    private var handle: OGRGeometryH?

    /// Builds the 2D OGR geometry of `geometry`: points with `OGR_G_SetPoint_2D`, line strings and rings with one
    /// `OGR_G_SetPoints` call over the position buffer, parts added with `OGR_G_AddGeometryDirectly`.
    init(_ geometry: Geometry) {
        handle = Self.build(geometry)
    }

    deinit { if let handle { gdal.OGR_G_DestroyGeometry(handle) } }

    /// The handle, whose ownership passes to the caller.
    func giveAway() -> OGRGeometryH? {
        defer { handle = nil }
        return handle
    }

    /// The OGR type of a GeoCore geometry kind (2D).
    static func ogrType(of geometry: Geometry) -> OGRwkbGeometryType {
        switch geometry {
        case .point: wkbPoint
        case .multiPoint: wkbMultiPoint
        case .lineString: wkbLineString
        case .multiLineString: wkbMultiLineString
        case .polygon: wkbPolygon
        case .multiPolygon: wkbMultiPolygon
        case .geometryCollection: wkbGeometryCollection
        }
    }

    private static func build(_ geometry: Geometry) -> OGRGeometryH? {
        switch geometry {
        case .point(let p):
            let point = gdal.OGR_G_CreateGeometry(wkbPoint)
            gdal.OGR_G_SetPoint_2D(point, 0, p.x, p.y)
            return point
        case .multiPoint(let ps):
            return collection(wkbMultiPoint, ps.map { build(.point($0)) })
        case .lineString(let ps):
            return curve(wkbLineString, ps)
        case .multiLineString(let lines):
            return collection(wkbMultiLineString, lines.map { curve(wkbLineString, $0) })
        case .polygon(let polygon):
            return self.polygon(polygon)
        case .multiPolygon(let polygons):
            return collection(wkbMultiPolygon, polygons.map(self.polygon))
        case .geometryCollection(let members):
            return collection(wkbGeometryCollection, members.map(build))
        }
    }

    private static func polygon(_ polygon: Polygon) -> OGRGeometryH? {
        collection(wkbPolygon, polygon.rings.filter { !$0.isEmpty }.map { curve(wkbLinearRing, $0) })
    }

    private static func collection(_ type: OGRwkbGeometryType, _ parts: [OGRGeometryH?]) -> OGRGeometryH? {
        let container = gdal.OGR_G_CreateGeometry(type)
        for case let part? in parts { _ = gdal.OGR_G_AddGeometryDirectly(container, part) }
        return container
    }

    private static func curve(_ type: OGRwkbGeometryType, _ positions: [Position]) -> OGRGeometryH? {
        let line = gdal.OGR_G_CreateGeometry(type)
        positions.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeMutableRawPointer(mutating: base)
            let stride = Int32(MemoryLayout<Position>.stride)
            gdal.OGR_G_SetPoints(line, Int32(buffer.count), raw + MemoryLayout<Position>.offset(of: \Position.x)!, stride,
                            raw + MemoryLayout<Position>.offset(of: \Position.y)!, stride, nil, 0)
        }
        return line
    }
}
