import CPROJ
import Foundation

extension CRS {
    /// What PROJ knows about this CRS (wraps `proj_create`, `proj_get_type`, `proj_cs_get_axis_info`,
    /// `proj_get_area_of_use`). Results, including failures, are cached per definition string.
    /// - Throws: ``ProjectionError/unknownCRS(definition:message:)`` or ``ProjectionError/notACRS(definition:)``.
    public func info() throws -> CRSInfo {
        try CRSInfoCache.shared.info(for: definition)
    }

    /// The info of this CRS if it is projected (planar coordinates).
    /// - Throws: ``ProjectionError/notProjected(definition:type:)`` for geographic and other CRS.
    @discardableResult
    public func requireProjected() throws -> CRSInfo {
        let info = try info()
        guard info.isProjected else { throw ProjectionError.notProjected(definition: definition, type: info.kind) }
        return info
    }
}

/// A process-wide cache of ``CRSInfo`` per definition: the scoring engine asks often, PROJ lookups cost
/// a database query each. A lock guards the dictionary; PROJ work happens outside it.
final class CRSInfoCache: @unchecked Sendable {
    static let shared = CRSInfoCache()

    private let lock = NSLock()
    private var entries: [String: Result<CRSInfo, ProjectionError>] = [:]

    func info(for definition: String) throws -> CRSInfo {
        lock.lock()
        let cached = entries[definition]
        lock.unlock()
        if let cached { return try cached.get() }
        let result = Result { () throws(ProjectionError) -> CRSInfo in try Self.lookUp(definition) }
        lock.lock()
        entries[definition] = result
        lock.unlock()
        return try result.get()
    }

    private static func lookUp(_ definition: String) throws(ProjectionError) -> CRSInfo {
        let ctx: OpaquePointer
        do { ctx = try PROJSupport.makeContext() } catch { throw .contextUnavailable }
        defer { proj_context_destroy(ctx) }
        guard let pj = proj_create(ctx, definition) else {
            throw .unknownCRS(definition: definition, message: PROJSupport.errorMessage(ctx, fallback: "not recognised"))
        }
        defer { proj_destroy(pj) }
        guard proj_is_crs(pj) != 0 else { throw .notACRS(definition: definition) }

        let name = PROJSupport.string(proj_get_name(pj)) ?? definition
        let horizontal = horizontalCRS(ctx, pj)
        defer { if horizontal != pj { proj_destroy(horizontal) } }
        let type = proj_get_type(horizontal)
        let isGeographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
        let isProjected = type == PJ_TYPE_PROJECTED_CRS

        var unitName = "unknown"
        if let cs = proj_crs_get_coordinate_system(ctx, horizontal) {
            var unit: UnsafePointer<CChar>?
            if proj_cs_get_axis_info(ctx, cs, 0, nil, nil, nil, nil, &unit, nil, nil) != 0,
               let unit {
                unitName = String(cString: unit)
            }
            proj_destroy(cs)
        }

        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        var area: BoundingBox?
        if proj_get_area_of_use(ctx, pj, &west, &south, &east, &north, nil) != 0, west > -1000 {
            area = BoundingBox(minX: west, minY: south, maxX: east, maxY: north)
        }

        var base: CRS?
        if let geodetic = proj_crs_get_geodetic_crs(ctx, horizontal) {
            if let auth = PROJSupport.string(proj_get_id_auth_name(geodetic, 0)),
               let code = PROJSupport.string(proj_get_id_code(geodetic, 0)) {
                base = CRS("\(auth):\(code)")
            }
            proj_destroy(geodetic)
        }

        return CRSInfo(
            name: name, isGeographic: isGeographic, isProjected: isProjected, unitName: unitName,
            kind: kindName(type), areaOfUse: area, geographicBase: base)
    }

    /// The CRS that carries the horizontal axes: the first component of a compound CRS,
    /// the source of a bound CRS (`+towgs84` PROJ strings), otherwise the CRS itself.
    private static func horizontalCRS(_ ctx: OpaquePointer, _ pj: OpaquePointer) -> OpaquePointer {
        switch proj_get_type(pj) {
        case PJ_TYPE_COMPOUND_CRS:
            guard let sub = proj_crs_get_sub_crs(ctx, pj, 0) else { return pj }
            let inner = horizontalCRS(ctx, sub)
            if inner != sub { proj_destroy(sub) }
            return inner
        case PJ_TYPE_BOUND_CRS:
            return proj_get_source_crs(ctx, pj) ?? pj
        default:
            return pj
        }
    }

    private static func kindName(_ type: PJ_TYPE) -> String {
        switch type {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS: "geographic 2D CRS"
        case PJ_TYPE_GEOGRAPHIC_3D_CRS: "geographic 3D CRS"
        case PJ_TYPE_GEOCENTRIC_CRS: "geocentric CRS"
        case PJ_TYPE_PROJECTED_CRS: "projected CRS"
        case PJ_TYPE_VERTICAL_CRS: "vertical CRS"
        case PJ_TYPE_ENGINEERING_CRS: "engineering CRS"
        default: "CRS"
        }
    }
}
