import GeoCore

/// The sparse service structure every uncapacitated model is solved on, in one "merit" form: demand point
/// `i` is worth `weight[i] × max(base[i], max over open sites j serving i of merit(j, i))`, and a plan
/// maximises the sum.
///
/// - mclp: merit = attractiveness of the covering site (1, or its score), base = 1 when an existing
///   facility covers the point, else 0;
/// - setcover: as mclp with attractiveness 1;
/// - pmedian: merit = −distance, base = −(distance to the nearest existing facility), or −M without
///   existing facilities (M exceeds every distance in the instance, so any site beats it).
///
/// Only pairs with merit > base are kept: a site that cannot improve on the existing network for a
/// demand point never matters for it (an exact reduction). Lists are candidate-major with demand indices
/// ascending; they are built through a spatial index (candidates within the radius, or within the
/// distance of the nearest existing facility) in parallel chunks of demand and merged in order.
///
/// A p-median without existing facilities has every candidate–demand pair; above `densePairLimit` pairs
/// they are not stored but computed when visited (`forEachPair`), which costs the same arithmetic and no
/// memory (5,000 × 100,000 pairs would need 6 GB).
struct ServiceGraph: Sendable {
    static let densePairLimit = 4_000_000
    let candidateCount: Int
    let demandCount: Int
    let weight: [Double]
    let base: [Double]
    /// Pairs of candidate `j` are `start[j]..<start[j + 1]`.
    let start: [Int]
    let demand: [Int32]
    let merit: [Double]
    /// Positions for the implicit all-pairs form (nil: pairs are stored).
    let dense: (candidates: [Position], demand: [Position])?
    /// The demand grid of the implicit form.
    let cells: DemandCells?

    /// Number of candidate–demand pairs.
    var pairCount: Int { dense == nil ? demand.count : candidateCount * demandCount }

    /// Calls `body(demand index, merit)` for every pair of candidate `j`, demand ascending.
    @inline(__always)
    func forEachPair(of j: Int, _ body: (Int, Double) -> Void) {
        if let dense {
            let c = dense.candidates[j]
            for i in 0..<demandCount { body(i, -dense.demand[i].distance(to: c)) }
        } else {
            for k in start[j]..<start[j + 1] { body(Int(demand[k]), merit[k]) }
        }
    }

    /// Like `forEachPair`, but in the implicit form skips the demand cells that lie at least `cellFar[cell]`
    /// from candidate `j` (pairs there have merit ≤ −cellFar and cannot matter to a caller that passes, per
    /// cell, the largest distance at which a pair still counts); demand comes cell by cell. Stored pairs,
    /// or an empty `cellFar`, visit every pair.
    @inline(__always)
    func forEachPair(of j: Int, cellFar: [Double], _ body: (Int, Double) -> Void) {
        guard let dense, let cells, !cellFar.isEmpty else { return forEachPair(of: j, body) }
        let c = dense.candidates[j]
        for cell in 0..<cells.count where cells.minDistance(cell, c) < cellFar[cell] {
            for k in cells.start[cell]..<cells.start[cell + 1] {
                let i = Int(cells.order[k])
                body(i, -dense.demand[i].distance(to: c))
            }
        }
    }

    /// Σ wᵢ · baseᵢ: the objective with no new site.
    var baseObjective: Double {
        var s = 0.0
        for i in 0..<demandCount { s += weight[i] * base[i] }
        return s
    }

    init(problem: PlanningProblem, densePairLimit: Int = ServiceGraph.densePairLimit) {
        let s = problem.settings
        let cands = problem.candidates.map(\.position)
        let dems = problem.demand.map(\.position)
        let exist = problem.existing.map(\.position)
        let threads = s.threads
        candidateCount = cands.count
        demandCount = dems.count
        weight = problem.demand.map(\.weight)
        if s.model == .pmedian && exist.isEmpty && cands.count * dems.count > densePairLimit {
            base = Array(repeating: -Self.beyondAnyDistance(cands + dems), count: dems.count)
            start = [0]
            demand = []
            merit = []
            dense = (cands, dems)
            cells = DemandCells(dems)
            return
        }
        dense = nil
        cells = nil
        let candIndex = SpatialIndex(cands.map { Geometry.point($0) })
        let existIndex = SpatialIndex(exist.map { Geometry.point($0) })

        typealias Chunk = (base: [Double], counts: [Int32], cand: [Int32], merit: [Double])
        let chunks: [Chunk]
        switch s.model {
        case .mclp, .setcover:
            let radius = s.radius ?? 0
            let attr: [Double] = (s.model == .mclp && s.attractiveness == .score)
                ? problem.candidates.map(\.score) : Array(repeating: 1, count: cands.count)
            chunks = parallelChunks(count: dems.count, threads: threads) { range in
                var q = candIndex.makeQuery(), qe = existIndex.makeQuery()
                var out: Chunk = ([], [], [], [])
                var hits: [Int32] = []
                for i in range {
                    let p = dems[i]
                    let b: Double = qe.count(within: radius, of: p) > 0 ? 1 : 0
                    hits.removeAll(keepingCapacity: true)
                    q.forEachFeature(within: radius, of: p) { j in if attr[j] > b { hits.append(Int32(j)) } }
                    hits.sort()
                    out.base.append(b)
                    out.counts.append(Int32(hits.count))
                    for j in hits {
                        out.cand.append(j)
                        out.merit.append(attr[Int(j)])
                    }
                }
                return out
            }
        case .pmedian:
            let far = Self.beyondAnyDistance(cands + dems + exist)
            chunks = parallelChunks(count: dems.count, threads: threads) { range in
                var q = candIndex.makeQuery(), qe = existIndex.makeQuery()
                var out: Chunk = ([], [], [], [])
                var hits: [Int32] = []
                for i in range {
                    let p = dems[i]
                    hits.removeAll(keepingCapacity: true)
                    if let (_, dE) = qe.nearest(to: p) {
                        out.base.append(-dE)
                        q.forEachFeature(within: dE, of: p) { j in
                            if p.distance(to: cands[j]) < dE { hits.append(Int32(j)) }
                        }
                        hits.sort()
                    } else {
                        out.base.append(-far)
                        hits.append(contentsOf: (0..<Int32(cands.count)))
                    }
                    out.counts.append(Int32(hits.count))
                    for j in hits {
                        out.cand.append(j)
                        out.merit.append(-p.distance(to: cands[Int(j)]))
                    }
                }
                return out
            }
        }
        // Transpose demand-major chunks into candidate-major lists (counting sort, demand ascending).
        var base: [Double] = []
        base.reserveCapacity(dems.count)
        var perCandidate = [Int](repeating: 0, count: cands.count + 1)
        for c in chunks {
            base.append(contentsOf: c.base)
            for j in c.cand { perCandidate[Int(j) + 1] += 1 }
        }
        for j in 0..<cands.count { perCandidate[j + 1] += perCandidate[j] }
        let total = perCandidate[cands.count]
        var fill = perCandidate
        var demandOut = [Int32](repeating: 0, count: total)
        var meritOut = [Double](repeating: 0, count: total)
        var i = 0
        for c in chunks {
            var k = 0
            for n in c.counts {
                for _ in 0..<Int(n) {
                    let j = Int(c.cand[k])
                    demandOut[fill[j]] = Int32(i)
                    meritOut[fill[j]] = c.merit[k]
                    fill[j] += 1
                    k += 1
                }
                i += 1
            }
        }
        self.base = base
        start = perCandidate
        demand = demandOut
        merit = meritOut
    }

    /// A distance larger than any between the given points (twice their bounding-box diagonal, at least 1).
    static func beyondAnyDistance(_ points: [Position]) -> Double {
        guard let first = points.first else { return 1 }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for p in points {
            minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        return max(1, 2 * Position(x: minX, y: minY).distance(to: Position(x: maxX, y: maxY)))
    }
}
