import CPROJMicro
import GeoCore

/// The bare PROJ call `CoordinateTransformer` wraps (`proj_create_crs_to_crs`, `proj_normalize_for_visualization`,
/// one `proj_trans_generic` over the interleaved buffer), without error scanning: the baseline for its overhead.
final class RawPROJ {
    private let context: OpaquePointer
    private let operation: OpaquePointer

    struct Failure: Error {}

    init(from source: String, to target: String) throws {
        guard let ctx = proj_context_create() else { throw Failure() }
        guard let op = proj_create_crs_to_crs(ctx, source, target, nil),
              let normalized = proj_normalize_for_visualization(ctx, op) else {
            proj_context_destroy(ctx)
            throw Failure()
        }
        proj_destroy(op)
        context = ctx
        operation = normalized
    }

    deinit {
        proj_destroy(operation)
        proj_context_destroy(context)
    }

    func transform(_ positions: inout [Position]) {
        let stride = MemoryLayout<Position>.stride, count = positions.count
        positions.withUnsafeMutableBytes { raw in
            let x = raw.baseAddress!.assumingMemoryBound(to: Double.self)
            let y = (raw.baseAddress! + MemoryLayout<Double>.stride).assumingMemoryBound(to: Double.self)
            _ = proj_trans_generic(operation, PJ_FWD, x, stride, count, y, stride, count,
                                   nil, 0, 0, nil, 0, 0)
        }
    }

    /// The linked PROJ's version, e.g. `9.1.1`.
    static var version: String {
        "\(PROJ_VERSION_MAJOR).\(PROJ_VERSION_MINOR).\(PROJ_VERSION_PATCH)"
    }
}
