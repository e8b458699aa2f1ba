/// Errors of the CRS and transform layer. Messages are written for planners:
/// what failed, for which CRS or points, and what to do about it.
public enum ProjectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// PROJ could not build a CRS from the definition (`proj_create` returned NULL).
    case unknownCRS(definition: String, message: String)
    /// The definition is valid PROJ input but not a coordinate reference system (e.g. a bare conversion).
    case notACRS(definition: String)
    /// The CRS is geographic or otherwise not projected, where planar metres are required.
    case notProjected(definition: String, type: String)
    /// PROJ found no transformation between the two CRS (`proj_create_crs_to_crs` returned NULL).
    case noTransformation(from: String, to: String, message: String)
    /// Some positions could not be transformed (PROJ returned non-finite values).
    /// `indices` holds the first few failing positions (0-based), `failedCount` all of them.
    case transformFailed(from: String, to: String, indices: [Int], failedCount: Int, total: Int, message: String)
    /// Like `transformFailed`, but for a batch of geometries: `geometryIndices` are the first few
    /// geometries (e.g. features) with at least one failing position.
    case geometryTransformFailed(from: String, to: String, geometryIndices: [Int], failedPositions: Int, message: String)
    /// PROJ could not create a threading context (out of memory or a broken installation).
    case contextUnavailable

    public var description: String {
        switch self {
        case let .unknownCRS(definition, message):
            return "unknown coordinate reference system '\(definition)': \(message). "
                + "Use an authority code such as EPSG:25832, an OGC URN, a PROJ string or WKT."
        case let .notACRS(definition):
            return "'\(definition)' is not a coordinate reference system "
                + "(a PROJ string needs '+type=crs'; an operation cannot be used as a CRS)."
        case let .notProjected(definition, type):
            return "'\(definition)' is a \(type), not a projected CRS; distances and areas need planar metres "
                + "(e.g. EPSG:25832 or the UTM zone of the study area)."
        case let .noTransformation(from, to, message):
            return "no transformation from '\(from)' to '\(to)': \(message)"
        case let .transformFailed(from, to, indices, failedCount, total, message):
            let list = indices.map(String.init).joined(separator: ", ")
            let more = failedCount > indices.count ? ", …" : ""
            return "transforming from '\(from)' to '\(to)' failed for \(failedCount) of \(total) positions "
                + "(indices \(list)\(more)): \(message). Check the axis order (x = east/longitude) and that the "
                + "points lie inside the CRS's area of use."
        case let .geometryTransformFailed(from, to, geometryIndices, failedPositions, message):
            let list = geometryIndices.map(String.init).joined(separator: ", ")
            return "transforming from '\(from)' to '\(to)' failed for \(failedPositions) positions in geometries "
                + "\(list): \(message). Check the axis order (x = east/longitude) and the declared CRS."
        case .contextUnavailable:
            return "PROJ could not create a context; check the PROJ installation (apt-get install libproj-dev proj-data)."
        }
    }
}
