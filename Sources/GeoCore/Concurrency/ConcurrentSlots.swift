import Foundation

/// One write-once slot per index for results of parallel work (`DispatchQueue.concurrentPerform`):
/// each worker writes its own index, and the values are read back in index order, so the merge is
/// deterministic whatever the thread count.
public final class ConcurrentSlots<T>: @unchecked Sendable {
    private var items: [T?]
    private let lock = NSLock()

    public init(count: Int) { items = Array(repeating: nil, count: count) }

    /// Stores the value of slot `i`.
    public func set(_ i: Int, _ value: T) {
        lock.lock()
        defer { lock.unlock() }
        items[i] = value
    }

    /// All values in index order; every slot must have been set.
    public var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items.map { $0! }
    }
}
