import Dispatch
import Foundation

extension CoordinateTransformer {
    /// Buffers up to this many positions are transformed on the calling thread.
    public static let parallelThreshold = 100_000

    /// Transforms a large buffer in place on all cores: the buffer is split into one contiguous chunk per
    /// core (`DispatchQueue.concurrentPerform`), each transformed by its own clone. Every position is
    /// transformed by the same operation as serially, so the result does not depend on the split.
    /// Buffers of at most ``parallelThreshold`` positions are transformed serially.
    /// - Throws: as ``transform(_:)-([Position])``, with indices into the whole buffer.
    public static func transformInParallel(_ positions: inout [Position], from source: CRS, to target: CRS) throws {
        let transformer = try CoordinateTransformer(from: source, to: target)
        try transformer.transformInParallel(&positions)
    }

    /// Like ``transformInParallel(_:from:to:)``, using clones of this transformer.
    public func transformInParallel(_ positions: inout [Position], chunkCount: Int? = nil) throws {
        let chunks = chunkCount ?? (positions.count > Self.parallelThreshold
            ? ProcessInfo.processInfo.activeProcessorCount : 1)
        guard chunks > 1, positions.count >= chunks, !isIdentity else {
            try transform(&positions)
            return
        }
        var workers = [self]
        for _ in 1..<chunks { workers.append(try clone()) }
        let count = positions.count
        let bounds = (0...chunks).map { $0 * count / chunks }
        var errors = [ProjectionError?](repeating: nil, count: chunks)
        positions.withUnsafeMutableBufferPointer { buffer in
            errors.withUnsafeMutableBufferPointer { errorSlots in
                let job = ParallelTransformJob(workers: workers, buffer: buffer, errors: errorSlots, bounds: bounds)
                DispatchQueue.concurrentPerform(iterations: chunks) { job.run(chunk: $0) }
            }
        }
        try Self.merge(errors.compactMap { $0 }, total: count)
    }

    /// One error for the whole buffer from the chunks' errors (first indices, summed counts).
    private static func merge(_ errors: [ProjectionError], total: Int) throws {
        guard let first = errors.first else { return }
        var indices: [Int] = []
        var failedCount = 0
        for case let .transformFailed(_, _, chunkIndices, chunkCount, _, _) in errors {
            indices += chunkIndices
            failedCount += chunkCount
        }
        guard case let .transformFailed(from, to, _, _, _, message) = first else { throw first }
        throw ProjectionError.transformFailed(
            from: from, to: to, indices: Array(indices.prefix(reportedFailureLimit)),
            failedCount: failedCount, total: total, message: message)
    }
}

/// One parallel transform: chunk `i` owns `buffer[bounds[i]..<bounds[i+1]]`, `errors[i]` and `workers[i]`.
/// `@unchecked Sendable` is sound because no two iterations touch the same memory or PROJ object,
/// and `concurrentPerform` returns only after all iterations have finished.
private final class ParallelTransformJob: @unchecked Sendable {
    let workers: [CoordinateTransformer]
    let buffer: UnsafeMutableBufferPointer<Position>
    let errors: UnsafeMutableBufferPointer<ProjectionError?>
    let bounds: [Int]

    init(workers: [CoordinateTransformer], buffer: UnsafeMutableBufferPointer<Position>,
         errors: UnsafeMutableBufferPointer<ProjectionError?>, bounds: [Int]) {
        self.workers = workers
        self.buffer = buffer
        self.errors = errors
        self.bounds = bounds
    }

    func run(chunk: Int) {
        let slice = UnsafeMutableBufferPointer(rebasing: buffer[bounds[chunk]..<bounds[chunk + 1]])
        let worker = workers[chunk]
        do {
            try worker.transform(buffer: slice, indexOffset: bounds[chunk])
        } catch let error as ProjectionError {
            errors[chunk] = error
        } catch {
            errors[chunk] = .transformFailed(
                from: worker.source.definition, to: worker.target.definition, indices: [], failedCount: 0,
                total: slice.count, message: "\(error)")
        }
    }
}
