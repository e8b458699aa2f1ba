import Foundation

/// Runs `body` over `0..<count` split into contiguous chunks, on all cores when `threads` allows, and
/// returns the chunks' results in chunk order, so that merges are the same for any thread count. Chunks hold at
/// least `minChunk` items; with one worker or one chunk, `body` runs on the calling thread.
public func parallelChunks<T>(count: Int, threads: Int?, minChunk: Int = 256, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    guard count > 0 else { return [] }
    let workers = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let chunkSize = max(minChunk, (count + workers * 4 - 1) / (workers * 4))
    let chunks = (count + chunkSize - 1) / chunkSize
    if workers == 1 || chunks == 1 {
        return (0..<chunks).map { c in body((c * chunkSize)..<min(count, (c + 1) * chunkSize)) }
    }
    let slots = ConcurrentSlots<T>(count: chunks)
    withoutActuallyEscaping(body) { body in
        let box = UnsafeSendableBox(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            slots.set(c, box.value((c * chunkSize)..<min(count, (c + 1) * chunkSize)))
        }
    }
    return slots.values
}

/// Carries a non-escaping `@Sendable` closure into `concurrentPerform`, which returns only after all
/// iterations have finished.
private struct UnsafeSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
