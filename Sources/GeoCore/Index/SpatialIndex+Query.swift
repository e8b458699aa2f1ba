extension SpatialIndex {
    /// Reusable scratch space for queries against one `SpatialIndex`.
    ///
    /// The index is immutable and shared; a `Query` holds the heap, traversal stack and hit buffers a query
    /// needs, so repeated queries allocate nothing once the buffers have grown. Give each thread (or task)
    /// its own `Query` — it is a value; copies do not share buffers. Results do not depend on which
    /// `Query` or thread answers.
    public struct Query: Sendable {
        /// The index this query runs against.
        public let index: SpatialIndex
        var heap = MinHeap()
        var stack: [Int32] = []
        var hits: [Int32] = []
        var found: [(distance: Double, feature: Int)] = []

        /// Scratch space for queries against `index`.
        public init(_ index: SpatialIndex) {
            self.index = index
        }
    }

    /// A new `Query` with its own scratch buffers, for one thread.
    public func makeQuery() -> Query { Query(self) }
}
