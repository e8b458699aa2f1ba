extension Ranking {
    /// The indices of the best `n` sites, best first, in the same order as ``order(scores:ids:)``.
    /// O(count · log n) with a bounded heap, for sensitivity analyses that only track the top of the ranking.
    public static func topIndices(scores: [Double], ids: [SiteID], n: Int) -> [Int] {
        precondition(scores.count == ids.count, "Ranking: one id per score")
        return scores.withUnsafeBufferPointer { s in
            ids.withUnsafeBufferPointer { id in
                topIndices(scores: s, ids: id, n: n)
            }
        }
    }

    /// Buffer variant of ``topIndices(scores:ids:n:)`` for hot loops.
    public static func topIndices(scores: UnsafeBufferPointer<Double>, ids: UnsafeBufferPointer<SiteID>, n: Int) -> [Int] {
        precondition(scores.count == ids.count, "Ranking: one id per score")
        let capacity = min(max(n, 0), scores.count)
        guard capacity > 0 else { return [] }
        // A heap whose root is the worst of the kept sites: a candidate enters only if it precedes the root.
        var heap: [Int] = []
        heap.reserveCapacity(capacity)
        let worse = { (a: Int, b: Int) in precedes(b, a, scores: scores, ids: ids) }
        for index in 0..<scores.count {
            if heap.count < capacity {
                heap.append(index)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard worse(heap[child], heap[parent]) else { break }
                    heap.swapAt(child, parent)
                    child = parent
                }
            } else if precedes(index, heap[0], scores: scores, ids: ids) {
                heap[0] = index
                var parent = 0
                while true {
                    let (left, right) = (2 * parent + 1, 2 * parent + 2)
                    var worst = parent
                    if left < capacity, worse(heap[left], heap[worst]) { worst = left }
                    if right < capacity, worse(heap[right], heap[worst]) { worst = right }
                    if worst == parent { break }
                    heap.swapAt(parent, worst)
                    parent = worst
                }
            }
        }
        return heap.sorted { precedes($0, $1, scores: scores, ids: ids) }
    }
}
