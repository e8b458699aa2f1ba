/// A buffer pointer handed to the tasks of a `DispatchQueue.concurrentPerform` that each write their own indices
/// (a column, a range): `@unchecked Sendable` is sound because no two tasks touch the same element and
/// `concurrentPerform` returns only after all of them finished; the buffer must outlive that call.
public final class DisjointWrites<Element>: @unchecked Sendable {
    public let buffer: UnsafeMutableBufferPointer<Element>

    public init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }
}
