/// An element of a binary heap kept in a plain array: `precedes` is the heap's order (the top is the element that
/// precedes all others), including the tie-break that makes the order, and so every plan, deterministic.
protocol HeapOrdered {
    func precedes(_ other: Self) -> Bool
}

/// Push and pop on an array used as a binary heap (the top at index 0). One implementation for the greedy
/// selection's lazy gains and the transportation solver's transfer queues.
enum ArrayHeap {
    static func push<E: HeapOrdered>(_ h: inout [E], _ e: E) {
        h.append(e)
        var i = h.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard h[i].precedes(h[p]) else { break }
            h.swapAt(i, p)
            i = p
        }
    }

    /// Removes and returns the top, nil when empty.
    @discardableResult
    static func pop<E: HeapOrdered>(_ h: inout [E]) -> E? {
        guard let top = h.first else { return nil }
        let last = h.removeLast()
        if h.isEmpty { return top }
        h[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < h.count && h[l].precedes(h[m]) { m = l }
            if r < h.count && h[r].precedes(h[m]) { m = r }
            if m == i { break }
            h.swapAt(i, m)
            i = m
        }
        return top
    }
}
