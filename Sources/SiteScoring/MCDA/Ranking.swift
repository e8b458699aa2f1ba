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
}
