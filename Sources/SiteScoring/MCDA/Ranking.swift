/// Ranking of scored sites: by score descending, ties by ``SiteID`` ascending (numbers numerically and
/// before strings, strings by code point), then by position so the order is total even with repeated ids.
/// A NaN score ranks after every number.
public enum Ranking {
    /// Whether site `a` comes before site `b`.
    @inline(__always)
    static func precedes(_ a: Int, _ b: Int, scores: UnsafeBufferPointer<Double>, ids: UnsafeBufferPointer<SiteID>) -> Bool {
        let (sa, sb) = (scores[a], scores[b])
        if sa != sb {
            if sa.isNaN { return false }
            if sb.isNaN { return true }
            return sa > sb
        }
        if ids[a] != ids[b] { return ids[a] < ids[b] }
        return a < b
    }

    /// The permutation that sorts the sites best first: `order[0]` is the index of the rank-1 site.
    public static func order(scores: [Double], ids: [SiteID]) -> [Int] {
        precondition(scores.count == ids.count, "Ranking: one id per score")
        if scores.count >= radixThreshold, let order = radixOrder(scores: scores, ids: ids) { return order }
        return scores.withUnsafeBufferPointer { s in
            ids.withUnsafeBufferPointer { id in
                Array(0..<s.count).sorted { precedes($0, $1, scores: s, ids: id) }
            }
        }
    }

    /// The rank (1…n, all distinct) of each site, in input order.
    public static func rank(scores: [Double], ids: [SiteID]) -> [Int] {
        var ranks = [Int](repeating: 0, count: scores.count)
        for (position, index) in order(scores: scores, ids: ids).enumerated() {
            ranks[index] = position + 1
        }
        return ranks
    }

    /// Below this many sites the comparison sort is as fast and allocates less.
    static let radixThreshold = 4096

    /// `order(scores:ids:)` by a stable LSD radix sort on the scores' bits (issue 15): the sites are
    /// first put in (id, position) order — a no-op when the ids ascend, as they usually do — then
    /// stably sorted by a 64-bit key that orders scores descending with −0 = +0. The result is the
    /// same permutation as the comparison sort (the order is total). Nil when a score is NaN (NaNs are
    /// equal to each other only by position, which the key cannot express; rare, sorted the old way).
    static func radixOrder(scores: [Double], ids: [SiteID]) -> [Int]? {
        let n = scores.count
        guard n < Int(Int32.max) else { return nil }
        var idsAscend = true
        ids.withUnsafeBufferPointer { id in
            for i in 1..<n where !(id[i - 1] < id[i]) {
                idsAscend = false
                break
            }
        }
        var source: [Int32]
        if idsAscend {
            source = Array(0..<Int32(n))
        } else {
            source = ids.withUnsafeBufferPointer { id in
                Array(0..<Int32(n)).sorted { a, b in id[Int(a)] != id[Int(b)] ? id[Int(a)] < id[Int(b)] : a < b }
            }
        }
        var keys = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 8 * 256)
        let finite = scores.withUnsafeBufferPointer { s in
            keys.withUnsafeMutableBufferPointer { k in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        let x = s[Int(source[i])]
                        if x.isNaN { return false }
                        let bits = (x == 0 ? 0.0 : x).bitPattern
                        // Ascending order of doubles as unsigned integers, then inverted for descending scores.
                        let ascending = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
                        let key = ~ascending
                        k[i] = key
                        for d in 0..<8 { c[d * 256 + Int((key >> UInt64(8 * d)) & 0xFF)] += 1 }
                    }
                    return true
                }
            }
        }
        guard finite else { return nil }
        var keys2 = [UInt64](repeating: 0, count: n)
        var target = [Int32](repeating: 0, count: n)
        for d in 0..<8 where !counts[(d * 256)..<(d * 256 + 256)].contains(n) {  // skip digits all keys share
            var offset = 0
            var starts = [Int](repeating: 0, count: 256)
            for b in 0..<256 {
                starts[b] = offset
                offset += counts[d * 256 + b]
            }
            keys.withUnsafeBufferPointer { kIn in
                keys2.withUnsafeMutableBufferPointer { kOut in
                    source.withUnsafeBufferPointer { iIn in
                        target.withUnsafeMutableBufferPointer { iOut in
                            starts.withUnsafeMutableBufferPointer { starts in
                            let shift = UInt64(8 * d)
                            for i in 0..<n {
                                let b = Int((kIn[i] >> shift) & 0xFF)
                                let o = starts[b]
                                starts[b] = o + 1
                                kOut[o] = kIn[i]
                                iOut[o] = iIn[i]
                            }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keys2)
            swap(&source, &target)
        }
        return source.map { Int($0) }
    }
}
