import Dispatch
import Foundation
import GeoCore
import SiteScoring

/// Runs `samples` draws split into fixed chunks of ``chunkSize`` by sample index; chunk c draws from
/// `StreamRandom(seed:stream: c)`. Worker w processes chunks w, w + T, w + 2T, … (T threads) so the set of
/// chunks each worker sees is fixed; callers merge integer counts (order-free) and floating partial sums
/// per chunk in chunk order, so results do not depend on the thread count.
enum ChunkedSampling {
    static let chunkSize = 64

    /// The number of worker threads for a requested count (nil = all active processors).
    static func threadCount(_ requested: Int?, chunks: Int) -> Int {
        let wanted = requested ?? ProcessInfo.processInfo.activeProcessorCount
        return max(1, min(wanted, max(chunks, 1)))
    }

    /// Runs the chunks and returns one state per worker, in worker order.
    static func run<State>(
        samples: Int, seed: UInt64, threads: Int?,
        progress: (@Sendable (Double) -> Void)?,
        makeState: @Sendable () -> State,
        chunk: @Sendable (inout State, _ chunkIndex: Int, _ sampleRange: Range<Int>, inout StreamRandom) -> Void
    ) -> [State] {
        let chunks = (samples + chunkSize - 1) / chunkSize
        let workers = threadCount(threads, chunks: chunks)
        let slots = ConcurrentSlots<State>(count: workers)
        let counter = ProgressCounter(total: chunks, report: progress)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var state = makeState()
            var c = worker
            while c < chunks {
                var random = StreamRandom(seed: seed, stream: UInt64(c))
                let range = (c * chunkSize)..<min(samples, (c + 1) * chunkSize)
                chunk(&state, c, range, &random)
                counter.advance()
                c += workers
            }
            slots.set(worker, state)
        }
        return slots.values
    }
}


