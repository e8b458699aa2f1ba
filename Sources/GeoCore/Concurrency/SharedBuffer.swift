/// A fixed-size buffer of doubles that parallel chunks write at disjoint indices (no lock: each index has
/// exactly one writer, and `DispatchQueue.concurrentPerform` returns after all of them).
public final class SharedBuffer: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutableBufferPointer<Double>

    public init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0)
    }

    deinit { pointer.deallocate() }

    @inlinable public subscript(i: Int) -> Double {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    public var array: [Double] { Array(pointer) }
}
