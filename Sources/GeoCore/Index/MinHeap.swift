/// A binary min-heap of (key, value) pairs in two flat arrays, reused across queries (cleared, never shrunk).
struct MinHeap: Sendable {
    private var keys: [Double] = []
    private var values: [Int32] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func removeAll() { count = 0 }

    mutating func push(_ key: Double, _ value: Int) {
        if count == keys.count {
            let grow = Swift.max(64, count)
            keys.append(contentsOf: repeatElement(0, count: grow))
            values.append(contentsOf: repeatElement(0, count: grow))
        }
        let n = count
        count += 1
        keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                var i = n
                while i > 0 {
                    let parent = (i - 1) >> 1
                    guard k[parent] > key else { break }
                    k[i] = k[parent]; v[i] = v[parent]
                    i = parent
                }
                k[i] = key; v[i] = Int32(truncatingIfNeeded: value)
            }
        }
    }

    /// Removes and returns the pair with the smallest key (ties in no particular order).
    mutating func pop() -> (key: Double, value: Int)? {
        guard count > 0 else { return nil }
        count -= 1
        let n = count
        return keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                let top = (k[0], Int(v[0]))
                let lastKey = k[n], lastValue = v[n]
                var i = 0
                while true {
                    var child = 2 * i + 1
                    if child >= n { break }
                    if child + 1 < n, k[child + 1] < k[child] { child += 1 }
                    guard k[child] < lastKey else { break }
                    k[i] = k[child]; v[i] = v[child]
                    i = child
                }
                k[i] = lastKey; v[i] = lastValue
                return top
            }
        }
    }
}
