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

    /// Every geometry transformed: the form layers use. Above ``geometryRunThreshold`` geometries they are split
    /// into one run per core, each gathered into one buffer, transformed by its own clone of this transformer and
    /// rebuilt straight into its part of the result (the serial gather, rebuild and concatenation were half of a
    /// million-site layer's transform, issue 15); PROJ transforms each position on its own, so the result is the
    /// same as one buffer's.
    /// - Throws: ``ProjectionError/geometryTransformFailed(from:to:geometryIndices:failedPositions:message:)``
    ///   naming the first geometries (indices into `geometries`) with a position that failed.
    public func transform(_ geometries: [Geometry]) throws -> [Geometry] {
        if isIdentity { return geometries }
        return try transformRuns(geometries, geometry: { $0[$1] }, result: { $0! })
    }

    /// Like ``transform(_:)-([Geometry])``, keeping `nil` (GeoJSON's `geometry: null`) where it is; failing
    /// geometries are named by their index in `geometries`, nulls included.
    public func transform(_ geometries: [Geometry?]) throws -> [Geometry?] {
        if isIdentity { return geometries }
        return try transformRuns(geometries, geometry: { $0[$1] }, result: { $0 })
    }

    /// The features' geometries transformed (nil where a feature has none), without first copying them out
    /// into an array of their own; failing geometries are named by their feature index.
    public func transformGeometries(of features: [Feature]) throws -> [Geometry?] {
        if isIdentity { return features.map(\.geometry) }
        return try transformRuns(features, geometry: { $0[$1].geometry }, result: { $0 })
    }

    /// Fewer geometries than this are transformed in one run on the calling thread: a run costs a transformer
    /// clone (≈ 0.4 ms), a few thousand point transforms about as much.
    public static let geometryRunThreshold = 8_192

    /// The core of the geometry transforms: `items[i]`'s geometry (`geometry(items, i)`, nil for none) transformed,
    /// made into the result's element by `result(transformed)` (nil exactly when the item has none), in one run
    /// per core above ``geometryRunThreshold`` items. `geometry` reads the item in place: an item passed by value
    /// (a feature) was copied, which retained its property lists, shared by the features of one schema, from both
    /// runs at once, and the two cores contended for their reference counts (issue 15).
    private func transformRuns<Item, Output>(_ items: [Item], geometry: (UnsafeBufferPointer<Item>, Int) -> Geometry?,
                                             result: (Geometry?) -> Output) throws -> [Output] {
        let runs = items.count >= Self.geometryRunThreshold ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        var workers = [self]
        for _ in 1..<runs { workers.append(try clone()) }
        let bounds = (0...runs).map { $0 * items.count / runs }
        var errors = [ProjectionError?](repeating: nil, count: runs)
        let output = [Output](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            withoutActuallyEscaping(geometry) { geometry in
                withoutActuallyEscaping(result) { result in
                    let job = GeometryTransformJob(workers: workers, items: items, output: buffer, bounds: bounds,
                                                   geometry: geometry, result: result)
                    errors.withUnsafeMutableBufferPointer { errorSlots in
                        let slots = DisjointWrites(errorSlots)
                        if runs == 1 {
                            slots.buffer[0] = job.run(0)
                        } else {
                            DispatchQueue.concurrentPerform(iterations: runs) { slots.buffer[$0] = job.run($0) }
                        }
                    }
                    // Every run initialised its whole range, failed or not (failed items are copies of the input's
                    // element), so the array is complete; the first failure is thrown below.
                    initialized = items.count
                }
            }
        }
        let failures = errors.compactMap { $0 }
        guard let first = failures.first else { return output }
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
    static func failedGeometries(_ buffer: [Position], ends: [Int]) -> [Int] {
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

/// One geometry transform in runs: run `r` uses `workers[r]` alone (PROJ objects are not thread-safe), reads
/// `items[bounds[r]..<bounds[r + 1]]` and initialises the same range of `output`. `@unchecked Sendable` is sound
/// because the runs touch disjoint memory and PROJ objects, and `concurrentPerform` returns after every run finished.
private final class GeometryTransformJob<Item, Output>: @unchecked Sendable {
    let workers: [CoordinateTransformer]
    let items: [Item]
    let output: UnsafeMutableBufferPointer<Output>
    let bounds: [Int]
    let geometry: (UnsafeBufferPointer<Item>, Int) -> Geometry?
    let result: (Geometry?) -> Output

    init(workers: [CoordinateTransformer], items: [Item], output: UnsafeMutableBufferPointer<Output>, bounds: [Int],
         geometry: @escaping (UnsafeBufferPointer<Item>, Int) -> Geometry?, result: @escaping (Geometry?) -> Output) {
        self.workers = workers
        self.items = items
        self.output = output
        self.bounds = bounds
        self.geometry = geometry
        self.result = result
    }

    /// Gathers the run's positions into one buffer, transforms it with one PROJ call and initialises the run's
    /// range of `output`; returns the run's failure (its items then hold their untransformed geometries).
    func run(_ r: Int) -> ProjectionError? {
        let range = bounds[r]..<bounds[r + 1]
        let worker = workers[r]
        var buffer: [Position] = []
        var ends: [Int] = []
        ends.reserveCapacity(range.count)
        items.withUnsafeBufferPointer { items in
            for i in range {
                geometry(items, i)?.forEachPosition { buffer.append($0) }
                ends.append(buffer.count)
            }
        }
        do {
            // A single run (few geometries) may still hold many positions (large polygons): split those by position.
            if bounds.count == 2 { try worker.transformInParallel(&buffer) } else { try worker.transform(&buffer) }
        } catch {
            let failure: ProjectionError
            if case let .transformFailed(from, to, _, failedCount, _, message) = error as? ProjectionError {
                let failed = CoordinateTransformer.failedGeometries(buffer, ends: ends).map { $0 + range.lowerBound }
                failure = .geometryTransformFailed(from: from, to: to, geometryIndices: failed, failedPositions: failedCount, message: message)
            } else {
                failure = .geometryTransformFailed(from: worker.source.definition, to: worker.target.definition, geometryIndices: [],
                                                   failedPositions: 0, message: "\(error)")
            }
            items.withUnsafeBufferPointer { items in
                for i in range { (output.baseAddress! + i).initialize(to: result(geometry(items, i))) }
            }
            return failure
        }
        var next = 0
        buffer.withUnsafeBufferPointer { transformed in
            items.withUnsafeBufferPointer { items in
                for i in range {
                    let rebuilt = geometry(items, i)?.mapPositions { _ in
                        defer { next += 1 }
                        return transformed[next]
                    }
                    (output.baseAddress! + i).initialize(to: result(rebuilt))
                }
            }
        }
        return nil
    }
}
