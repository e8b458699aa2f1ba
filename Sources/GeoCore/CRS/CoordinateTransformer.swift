import CPROJ

/// Transforms positions from one ``CRS`` to another with PROJ, always in x = east / y = north order
/// (longitude, latitude for geographic CRS), whatever axis order the authority defines.
///
/// Wraps `proj_create_crs_to_crs` followed by `proj_normalize_for_visualization`. Each transformer owns
/// one `PJ_CONTEXT` and one `PJ` and frees them in `deinit` (the `PJ` first).
///
/// **Threads.** PROJ objects are not thread-safe, so this class is deliberately not `Sendable`:
/// use one transformer per task or thread, and call ``clone()`` to give each parallel task its own
/// (cloning is much cheaper than a new transformer: no operation search). Creating a transformer costs a
/// database search of candidate operations; build it once per CRS pair, never per point or per call.
/// ``transformInParallel(_:from:to:)`` does the cloning for large buffers.
///
/// **Grids.** PROJ silently drops candidate operations whose grid is not installed and falls back to a
/// less accurate one (for DHDN → ETRS89 from BETA2007, ~0.9 m, to a Helmert path, up to a few metres).
/// ``warnings`` says when that happened and which grid is missing.
public final class CoordinateTransformer {
    /// The CRS positions are transformed from.
    public let source: CRS
    /// The CRS positions are transformed to.
    public let target: CRS
    /// Accuracy warnings found when the transformer was built, e.g. a grid the best operation needs
    /// is not installed. Empty when PROJ could use its most accurate candidate.
    public private(set) var warnings: [String]

    /// The context and the normalised operation; both nil for an identity transformer.
    let context: OpaquePointer?
    let operation: OpaquePointer?
    /// The best operation that could be instantiated, for ``operationDescription`` before the first transform.
    let bestCandidateName: String?
    private let searchPaths: [String]?

    /// A transformer from `source` to `target`, using PROJ's default resource search paths.
    /// - Throws: ``ProjectionError/unknownCRS(definition:message:)`` when PROJ does not recognise a CRS,
    ///   ``ProjectionError/noTransformation(from:to:message:)`` when it finds no operation between them.
    public convenience init(from source: CRS, to target: CRS) throws {
        try self.init(from: source, to: target, resourceSearchPaths: nil)
    }

    /// A transformer that looks for `proj.db` and grid files only in `resourceSearchPaths`
    /// (`proj_context_set_search_paths`), or in PROJ's defaults when nil.
    /// Identical definitions give an identity transformer that never calls PROJ.
    public init(from source: CRS, to target: CRS, resourceSearchPaths: [String]?) throws {
        self.source = source
        self.target = target
        self.searchPaths = resourceSearchPaths
        if source == target {
            if resourceSearchPaths == nil { _ = try source.info() }
            context = nil
            operation = nil
            warnings = []
            bestCandidateName = "identity"
            return
        }
        let ctx = try PROJSupport.makeContext(searchPaths: resourceSearchPaths)
        guard let raw = proj_create_crs_to_crs(ctx, source.definition, target.definition, nil) else {
            let error = Self.creationError(ctx, source, target)
            proj_context_destroy(ctx)
            throw error
        }
        let normalized = proj_normalize_for_visualization(ctx, raw)
        proj_destroy(raw)
        guard let normalized else {
            let message = PROJSupport.errorMessage(ctx, fallback: "axis normalisation failed")
            proj_context_destroy(ctx)
            throw ProjectionError.noTransformation(from: source.definition, to: target.definition, message: message)
        }
        context = ctx
        operation = normalized
        let check = GridAvailability.check(ctx, source: source, target: target)
        warnings = check.warnings
        bestCandidateName = check.bestAvailableOperation
    }

    /// A copy for another thread, sharing nothing with the original (`proj_context_clone`, `proj_clone`).
    private init(cloning other: CoordinateTransformer) throws {
        source = other.source
        target = other.target
        warnings = other.warnings
        bestCandidateName = other.bestCandidateName
        searchPaths = other.searchPaths
        guard let otherContext = other.context, let otherOperation = other.operation else {
            context = nil
            operation = nil
            return
        }
        guard let ctx = proj_context_clone(otherContext) else { throw ProjectionError.contextUnavailable }
        proj_log_level(ctx, PJ_LOG_NONE)
        guard let pj = proj_clone(ctx, otherOperation) else {
            let message = PROJSupport.errorMessage(ctx, fallback: "proj_clone failed")
            proj_context_destroy(ctx)
            throw ProjectionError.noTransformation(from: source.definition, to: target.definition, message: message)
        }
        context = ctx
        operation = pj
    }

    deinit {
        if let operation { proj_destroy(operation) }
        if let context { proj_context_destroy(context) }
    }

    /// An independent transformer for the same CRS pair, for use on another thread or task.
    public func clone() throws -> CoordinateTransformer {
        try CoordinateTransformer(cloning: self)
    }

    /// Whether source and target are the same definition, so positions are returned unchanged.
    public var isIdentity: Bool { operation == nil }

    /// PROJ's description of the operation (`proj_pj_info(...).description`), for diagnostics.
    /// When PROJ chooses among several operations by area of use, this is the one used by the last
    /// transform, or the best instantiable candidate before any transform.
    public var operationDescription: String {
        guard let operation else { return "identity (no transformation)" }
        if let last = proj_trans_get_last_used_operation(operation) {
            defer { proj_destroy(last) }
            if let text = PROJSupport.string(proj_pj_info(last).description) { return text }
        }
        let text = PROJSupport.string(proj_pj_info(operation).description) ?? ""
        if text.isEmpty || text.hasPrefix("unavailable") {
            return (bestCandidateName ?? "unknown operation") + " (chosen per point by area of use)"
        }
        return text
    }

    /// The error for a failed `proj_create_crs_to_crs`: an unknown CRS if one of the two does not parse,
    /// otherwise no operation between them.
    private static func creationError(_ ctx: OpaquePointer, _ source: CRS, _ target: CRS) -> ProjectionError {
        let message = PROJSupport.errorMessage(ctx, fallback: "no operation found")
        for crs in [source, target] {
            if let pj = proj_create(ctx, crs.definition) {
                proj_destroy(pj)
            } else {
                return .unknownCRS(definition: crs.definition,
                                   message: PROJSupport.errorMessage(ctx, fallback: message))
            }
        }
        return .noTransformation(from: source.definition, to: target.definition, message: message)
    }
}
