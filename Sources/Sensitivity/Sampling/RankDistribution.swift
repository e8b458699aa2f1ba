/// Per-site distribution of the ranks over many samples, in bounded memory.
///
/// Ranks 1…`band` are counted exactly (a per-site histogram allocated the first time the site enters the
/// band); ranks beyond the band go into at most ``coarseBins`` bins per site whose widths grow geometrically
/// (width 1 while there are few ranks, so small problems are exact). The mean rank is exact (integer sums).
/// Percentiles use the nearest-rank method; inside a coarse bin they are interpolated linearly by count,
/// so their error is below that bin's width (``SiteRankStatistics/percentilesExact`` says when it is 0).
struct RankDistribution: Sendable {
    static let coarseBins = 64

    let siteCount: Int
    let band: Int
    /// For rank r > band: the coarse bin index of r, at `binOfRank[r - band - 1]`.
    let binOfRank: [UInt8]
    /// First rank of each coarse bin, plus one past the last rank.
    let binStart: [Int]
    private(set) var rankSum: [UInt64]
    /// Per site: the offset of its exact band histogram in `bandCounts`, or −1.
    private(set) var bandSlot: [Int32]
    private(set) var bandCounts: [UInt32] = []
    private(set) var coarse: [UInt32]

    init(siteCount n: Int, band requested: Int) {
        let band = min(requested, n)
        siteCount = n
        self.band = band
        let beyond = n - band
        var starts: [Int] = []
        if beyond > 0 {
            // Geometric offsets 1, …, beyond + 1, rounded and deduplicated.
            var offsets: [Int] = []
            for b in 0...Self.coarseBins {
                let o = Int((pow(Double(beyond), Double(b) / Double(Self.coarseBins))).rounded())
                offsets.append(b == 0 ? 1 : (b == Self.coarseBins ? beyond + 1 : max(o, 1)))
            }
            var unique: [Int] = []
            for o in offsets where unique.last.map({ o > $0 }) ?? true { unique.append(o) }
            if unique.last != beyond + 1 { unique.append(beyond + 1) }
            starts = unique.map { band + $0 }
        }
        binStart = starts
        var map = [UInt8](repeating: 0, count: beyond)
        if beyond > 0 {
            for b in 0..<(starts.count - 1) {
                for r in starts[b]..<starts[b + 1] { map[r - band - 1] = UInt8(b) }
            }
        }
        binOfRank = map
        rankSum = [UInt64](repeating: 0, count: n)
        bandSlot = [Int32](repeating: -1, count: n)
        coarse = beyond > 0 ? [UInt32](repeating: 0, count: n * Self.coarseBins) : []
    }

    /// Counts one sample's full ranking: `order[p]` is the site at rank p + 1.
    mutating func add(order: [Int32]) {
        let band = band
        order.withUnsafeBufferPointer { o in
            rankSum.withUnsafeMutableBufferPointer { sums in
                for p in 0..<o.count { sums[Int(o[p])] &+= UInt64(p + 1) }
            }
            for p in 0..<min(band, o.count) {
                let site = Int(o[p])
                var slot = bandSlot[site]
                if slot < 0 {
                    slot = Int32(bandCounts.count)
                    bandSlot[site] = slot
                    bandCounts.append(contentsOf: repeatElement(0, count: band))
                }
                bandCounts[Int(slot) + p] &+= 1
            }
            guard o.count > band else { return }
            let bins = Self.coarseBins
            binOfRank.withUnsafeBufferPointer { map in
                coarse.withUnsafeMutableBufferPointer { c in
                    for p in band..<o.count {
                        c[Int(o[p]) * bins + Int(map[p - band])] &+= 1
                    }
                }
            }
        }
    }

    /// Adds another distribution's counts (integer sums: the order of merging does not matter).
    mutating func merge(_ other: RankDistribution) {
        for i in 0..<siteCount {
            rankSum[i] &+= other.rankSum[i]
            let slot = other.bandSlot[i]
            if slot >= 0 {
                if bandSlot[i] < 0 {
                    bandSlot[i] = Int32(bandCounts.count)
                    bandCounts.append(contentsOf: repeatElement(0, count: band))
                }
                let mine = Int(bandSlot[i])
                for r in 0..<band { bandCounts[mine + r] &+= other.bandCounts[Int(slot) + r] }
            }
        }
        for i in 0..<coarse.count { coarse[i] &+= other.coarse[i] }
    }

    /// How often `site` had rank r (1-based, r ≤ band).
    func bandCount(site: Int, rank r: Int) -> UInt32 {
        let slot = bandSlot[site]
        return slot < 0 ? 0 : bandCounts[Int(slot) + r - 1]
    }

    /// Mean rank of `site` over `samples` draws.
    func mean(site: Int, samples: Int) -> Double { Double(rankSum[site]) / Double(samples) }

    /// Nearest-rank percentiles of `site` for each `p` in (0, 1]: the smallest rank r with
    /// #{samples with rank ≤ r} ≥ ⌈p·S⌉. Returns the ranks and whether they are exact.
    func percentiles(site: Int, samples: Int, _ ps: [Double]) -> (ranks: [Double], exact: Bool) {
        let targets = ps.map { max(1, Int((Double(samples) * $0).rounded(.up))) }
        var result = [Double](repeating: .nan, count: ps.count)
        var exact = true
        var cumulative = 0
        var next = 0
        if bandSlot[site] >= 0 {
            for r in 1...band where next < targets.count {
                cumulative += Int(bandCount(site: site, rank: r))
                while next < targets.count, cumulative >= targets[next] {
                    result[next] = Double(r)
                    next += 1
                }
            }
        }
        if next < targets.count, !binStart.isEmpty {
            for b in 0..<(binStart.count - 1) where next < targets.count {
                let count = Int(coarse[site * Self.coarseBins + b])
                guard count > 0 else { continue }
                let (lo, hi) = (binStart[b], binStart[b + 1] - 1)
                while next < targets.count, cumulative + count >= targets[next] {
                    if hi > lo {
                        exact = false
                        let fraction = Double(targets[next] - cumulative) / Double(count)
                        result[next] = (Double(lo) + fraction * Double(hi - lo)).rounded()
                    } else {
                        result[next] = Double(lo)
                    }
                    next += 1
                }
                cumulative += count
            }
        }
        return (result, exact)
    }
}

import Foundation
