import CPROJ
import Dispatch
import Foundation

extension CoordinateTransformer {
    /// How many failing indices an error lists; the count of all failures is reported separately.
    static let reportedFailureLimit = 5

    /// Transforms `positions` in place with one `proj_trans_generic` call over the whole buffer.
    /// - Throws: ``ProjectionError/transformFailed(from:to:indices:failedCount:total:message:)`` listing the
    ///   first positions that came back non-finite (PROJ's `HUGE_VAL`), with PROJ's message. The buffer then
    ///   holds the partial result (failed positions are infinite).
    public func transform(_ positions: inout [Position]) throws {
        try positions.withUnsafeMutableBufferPointer { buffer in
            try transform(buffer: buffer, indexOffset: 0)
        }
    }

    /// One position, transformed. For many positions use the array form: this one still costs a PROJ call.
    public func transform(_ position: Position) throws -> Position {
        var positions = [position]
        try transform(&positions)
        return positions[0]
    }

    /// The geometry with every position transformed, all rings and parts in one buffer
    /// (shapely's `transform` pattern) and put back in document order with `mapPositions`.
    public func transform(_ geometry: Geometry) throws -> Geometry {
        try transform([geometry])[0]
    }

    /// Every geometry transformed: the form layers use. Above ``parallelThreshold`` positions (estimated from
    /// the geometry count) the geometries are split into one run per core, each gathered into one buffer,
    /// transformed by its own clone of this transformer and rebuilt (the serial gather and rebuild were half of a
    /// million-site layer's transform, issue 15); PROJ transforms each position on its own, so the result is the
    /// same as one buffer's.
    /// - Throws: ``ProjectionError/geometryTransformFailed(from:to:geometryIndices:failedPositions:message:)``
    ///   naming the first geometries (indices into `geometries`) with a position that failed.
    public func transform(_ geometries: [Geometry]) throws -> [Geometry] {
        if isIdentity { return geometries }
        let runs = geometries.count > Self.parallelThreshold / 2 ? ProcessInfo.processInfo.activeProcessorCount : 1
        guard runs > 1 else { return try transformInOneBuffer(geometries[...], parallel: true) }
        var workers = [self]
        for _ in 1..<runs { workers.append(try clone()) }
        let bounds = (0...runs).map { $0 * geometries.count / runs }
        let slots = ConcurrentSlots<Result<[Geometry], ProjectionError>>(count: runs)
        let job = UncheckedTransformers(workers)
        let from = source.definition, to = target.definition
        DispatchQueue.concurrentPerform(iterations: runs) { r in
            slots.set(r, Result { () throws(ProjectionError) in
                do {
                    return try job.workers[r].transformInOneBuffer(geometries[bounds[r]..<bounds[r + 1]], parallel: false)
                } catch let error as ProjectionError {
                    throw error
                } catch {
                    throw ProjectionError.geometryTransformFailed(from: from, to: to, geometryIndices: [],
                                                                  failedPositions: 0, message: "\(error)")
                }
            })
        }
        var transformed: [Geometry] = []
        transformed.reserveCapacity(geometries.count)
        var failures: [ProjectionError] = []
        for result in slots.values {
            switch result {
            case .success(let part): transformed += part
            case .failure(let error): failures.append(error)
            }
        }
        guard let first = failures.first else { return transformed }
        // One error for all runs: the first failing geometries, the failed positions of all runs.
        var indices: [Int] = [], failedPositions = 0
        for case let .geometryTransformFailed(_, _, runIndices, runFailed, _) in failures {
            indices += runIndices
            failedPositions += runFailed
        }
        guard case let .geometryTransformFailed(from, to, _, _, message) = first else { throw first }
        throw ProjectionError.geometryTransformFailed(from: from, to: to, geometryIndices: Array(indices.prefix(Self.reportedFailureLimit)),
                                                      failedPositions: failedPositions, message: message)
    }

    /// `geometries` transformed with the positions of all of them in one buffer (one PROJ call, or with `parallel`
    /// one per core above ``parallelThreshold`` positions); failed geometries are reported by their index in the
    /// whole array.
    private func transformInOneBuffer(_ geometries: ArraySlice<Geometry>, parallel: Bool) throws -> [Geometry] {
        var buffer: [Position] = []
        var ends: [Int] = []
        ends.reserveCapacity(geometries.count)
        for geometry in geometries {
            geometry.forEachPosition { buffer.append($0) }
            ends.append(buffer.count)
        }
        do {
            if parallel { try transformInParallel(&buffer) } else { try transform(&buffer) }
        } catch ProjectionError.transformFailed(let from, let to, _, let failedCount, _, let message) {
            throw ProjectionError.geometryTransformFailed(
                from: from, to: to, geometryIndices: Self.failedGeometries(buffer, ends: ends).map { $0 + geometries.startIndex },
                failedPositions: failedCount, message: message)
        }
        var next = 0
        return geometries.map { geometry in
            geometry.mapPositions { _ in
                defer { next += 1 }
                return buffer[next]
            }
        }
    }

    /// Like ``transform(_:)-([Geometry])``, keeping `nil` (GeoJSON's `geometry: null`) where it is.
    public func transform(_ geometries: [Geometry?]) throws -> [Geometry?] {
        var transformed = try transform(geometries.compactMap { $0 }).makeIterator()
        return geometries.map { $0 == nil ? nil : transformed.next() }
    }

    /// The core: `proj_trans_generic` over x and y of a `Position` buffer in place
    /// (stride `MemoryLayout<Position>.stride`), then a scan for non-finite results.
    /// `indexOffset` is added to reported indices when the buffer is a chunk of a larger one.
    func transform(buffer: UnsafeMutableBufferPointer<Position>, indexOffset: Int) throws {
        guard let operation, let base = buffer.baseAddress, !buffer.isEmpty else { return }
        let stride = MemoryLayout<Position>.stride
        let raw = UnsafeMutableRawPointer(base)
        let x = (raw + MemoryLayout<Position>.offset(of: \.x)!).assumingMemoryBound(to: Double.self)
        let y = (raw + MemoryLayout<Position>.offset(of: \.y)!).assumingMemoryBound(to: Double.self)
        proj_errno_reset(operation)
        let done = proj_trans_generic(
            operation, PJ_FWD, x, stride, buffer.count, y, stride, buffer.count, nil, 0, 0, nil, 0, 0)
        let code = proj_errno(operation)

        var failed: [Int] = []
        var failedCount = 0
        for (index, position) in buffer.enumerated() where !position.isFinite {
            failedCount += 1
            if failed.count < Self.reportedFailureLimit { failed.append(index + indexOffset) }
        }
        if done != buffer.count && failedCount == 0 {
            // PROJ stopped early without marking points: report everything after the last done one.
            failedCount = buffer.count - done
            failed = Array((done..<buffer.count).prefix(Self.reportedFailureLimit)).map { $0 + indexOffset }
        }
        guard failedCount > 0 else { return }
        var message = "the position lies outside the domain of the transformation"
        if code != 0, let text = proj_context_errno_string(context, code) { message = String(cString: text) }
        throw ProjectionError.transformFailed(
            from: source.definition, to: target.definition, indices: failed, failedCount: failedCount,
            total: buffer.count, message: message)
    }

    /// The first geometries (by index) whose slice `ends[i-1]..<ends[i]` of `buffer` holds a non-finite position.
    private static func failedGeometries(_ buffer: [Position], ends: [Int]) -> [Int] {
        var result: [Int] = []
        var start = 0
        for (index, end) in ends.enumerated() {
            if buffer[start..<end].contains(where: { !$0.isFinite }) {
                result.append(index)
                if result.count == reportedFailureLimit { break }
            }
            start = end
        }
        return result
    }
}

/// Transformers handed to parallel runs, one per run. `@unchecked Sendable` is sound because run `r` alone uses
/// `workers[r]` (PROJ objects are not thread-safe) and `concurrentPerform` returns after every run finished.
private final class UncheckedTransformers: @unchecked Sendable {
    let workers: [CoordinateTransformer]
    init(_ workers: [CoordinateTransformer]) { self.workers = workers }
}
