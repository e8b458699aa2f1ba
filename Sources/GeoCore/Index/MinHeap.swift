/// A binary min-heap of (key, value) pairs in two flat arrays, reused across queries.
struct MinHeap: Sendable {
    private(set) var keys: [Double] = []
    private(set) var values: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ value: Int) {
        keys.append(key)
        values.append(Int32(truncatingIfNeeded: value))
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            guard keys[parent] > key else { break }
            keys[i] = keys[parent]; values[i] = values[parent]
            i = parent
        }
        keys[i] = key; values[i] = Int32(truncatingIfNeeded: value)
    }

    /// Removes and returns the pair with the smallest key (ties in no particular order).
    mutating func pop() -> (key: Double, value: Int)? {
        guard let top = keys.first else { return nil }
        let topValue = Int(values[0])
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        let n = keys.count
        if n > 0 {
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n, keys[child + 1] < keys[child] { child += 1 }
                guard keys[child] < lastKey else { break }
                keys[i] = keys[child]; values[i] = values[child]
                i = child
            }
            keys[i] = lastKey; values[i] = lastValue
        }
        return (top, topValue)
    }
}
