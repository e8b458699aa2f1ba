import SiteScoring

/// A reusable, allocation-free full ranking of all sites for one sample: a stable LSD radix sort
/// (4 passes of 16 bits) on the scores, applied to the site indices already in tie-break order
/// (``SiteID`` ascending, then position). Stability keeps that order among equal scores, so the result
/// equals ``Ranking/order(scores:ids:)``: score descending, NaN last, ties by id.
struct RankSorter {
    private var keys: [UInt64]
    private var keysTemp: [UInt64]
    private(set) var order: [Int32]
    private var orderTemp: [Int32]
    private var counts: [Int]
    private let idOrder: [Int32]

    init(idOrder: [Int32]) {
        let n = idOrder.count
        self.idOrder = idOrder
        keys = [UInt64](repeating: 0, count: n)
        keysTemp = keys
        order = idOrder
        orderTemp = idOrder
        counts = [Int](repeating: 0, count: 4 << 16)
    }

    /// A key whose ascending order is the ranking order: larger scores first, −0 = +0, NaN last.
    @inline(__always)
    static func key(_ score: Double) -> UInt64 {
        if score.isNaN { return .max }
        let bits = (score + 0.0).bitPattern
        let ascending = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        // Only a NaN bit pattern maps to .max, so NaN (handled above) sorts strictly last.
        return ~ascending
    }

    /// Below this many sites a comparison sort beats clearing and scanning 4 × 65,536 radix counters.
    static let smallProblem = 4096

    /// Sorts (key, position in id order) pairs: unique keys, so the result does not depend on sort stability.
    private mutating func sortSmall(scores: UnsafeBufferPointer<Double>) {
        let n = idOrder.count
        for p in 0..<n { keys[p] = Self.key(scores[Int(idOrder[p])]) }
        for p in 0..<n { orderTemp[p] = Int32(p) }
        keys.withUnsafeBufferPointer { k in
            orderTemp.withUnsafeMutableBufferPointer { o in
                o.sort { k[Int($0)] != k[Int($1)] ? k[Int($0)] < k[Int($1)] : $0 < $1 }
            }
        }
        for p in 0..<n { order[p] = idOrder[Int(orderTemp[p])] }
    }

    /// Sorts the sites best first; afterwards `order[p]` is the index of the site at rank p + 1.
    mutating func sort(scores: UnsafeBufferPointer<Double>) {
        let n = idOrder.count
        guard n > 1 else {
            order = idOrder
            return
        }
        if n < Self.smallProblem {
            sortSmall(scores: scores)
            return
        }
        counts.withUnsafeMutableBufferPointer { c in
            c.update(repeating: 0)
            keys.withUnsafeMutableBufferPointer { k in
                order.withUnsafeMutableBufferPointer { o in
                    idOrder.withUnsafeBufferPointer { ids in
                        for p in 0..<n {
                            let index = Int(ids[p])
                            let key = Self.key(scores[index])
                            k[p] = key
                            o[p] = ids[p]
                            c[Int(key & 0xFFFF)] += 1
                            c[65536 + Int((key >> 16) & 0xFFFF)] += 1
                            c[131_072 + Int((key >> 32) & 0xFFFF)] += 1
                            c[196_608 + Int(key >> 48)] += 1
                        }
                    }
                }
            }
            for pass in 0..<4 {
                let base = pass << 16
                let shift = UInt64(pass * 16)
                // A pass where every key shares the digit would only copy.
                if c[base + Int((keys[0] >> shift) & 0xFFFF)] == n { continue }
                var total = 0
                for d in 0..<65536 {
                    let count = c[base + d]
                    c[base + d] = total
                    total += count
                }
                keys.withUnsafeBufferPointer { kIn in
                    keysTemp.withUnsafeMutableBufferPointer { kOut in
                        order.withUnsafeBufferPointer { oIn in
                            orderTemp.withUnsafeMutableBufferPointer { oOut in
                                for p in 0..<n {
                                    let key = kIn[p]
                                    let slot = base + Int((key >> shift) & 0xFFFF)
                                    let target = c[slot]
                                    c[slot] = target + 1
                                    kOut[target] = key
                                    oOut[target] = oIn[p]
                                }
                            }
                        }
                    }
                }
                swap(&keys, &keysTemp)
                swap(&order, &orderTemp)
            }
        }
    }
}
