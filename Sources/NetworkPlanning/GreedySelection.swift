import GeoCore

/// Greedy selection with lazy evaluation (CELF: Leskovec et al. 2007; Minoux 1978 "accelerated greedy"):
/// gains only shrink as sites open (the objectives are submodular), so a stale gain is an upper bound and
/// only the top of a max-heap needs re-evaluating. For MCLP, greedy is within (1 − 1/e) of the optimum
/// (Nemhauser, Wolsey & Fisher 1978). Ties go to the lower candidate index, so the result is deterministic.
struct GreedySelection {
    /// Entry of the lazy max-heap: larger gain first, then lower candidate index.
    private struct Entry: HeapOrdered {
        var gain: Double
        var candidate: Int
        var round: Int
        func precedes(_ o: Entry) -> Bool { gain != o.gain ? gain > o.gain : candidate < o.candidate }
    }

    /// Opens sites into `sites` (already holding any forced ones) while a feasible site has a positive gain
    /// and the rules allow more, or — with `stopAt` — until the value reaches it. Returns the value.
    ///
    /// With `perCost`, sites are ranked by gain per unit cost (the cost-benefit greedy for budgeted
    /// coverage, Khuller, Moss & Naor 1999); ratios shrink like gains, so lazy evaluation still applies.
    static func run(graph: ServiceGraph, state: inout MeritState, sites: inout SiteSet,
                    threads: Int?, stopAt: Double? = nil, perCost: Bool = false) -> Double {
        var value = state.value(graph)
        let snapshot = state
        let cost = sites.rules.cost
        let priority: @Sendable (Double, Int) -> Double = { gain, c in perCost ? gain / Swift.max(cost[c], 1e-9) : gain }
        let initial = parallelChunks(count: graph.candidateCount, threads: threads, minChunk: 64) { range in
            range.map { priority(snapshot.gain(of: $0, graph), $0) }
        }.flatMap { $0 }
        var heap: [Entry] = []
        heap.reserveCapacity(graph.candidateCount)
        for (c, g) in initial.enumerated() where g > 0 && !sites.isOpen[c] { ArrayHeap.push(&heap, Entry(gain: g, candidate: c, round: 0)) }
        var round = 0
        // Gains are summed in a different order than `value(_:)`; the tolerance keeps a reached target reached.
        let target = stopAt.map { $0 - 1e-9 * Swift.max(1, abs($0)) } ?? .infinity
        while !sites.isFull, value < target, var top = ArrayHeap.pop(&heap) {
            guard sites.canAdd(top.candidate) else { continue }  // rules only tighten as sites open
            if top.round != round {
                top.gain = priority(state.gain(of: top.candidate, graph), top.candidate)
                top.round = round
                if top.gain > 0 { ArrayHeap.push(&heap, top) }
                continue
            }
            let gain = perCost ? state.gain(of: top.candidate, graph) : top.gain
            state.add(top.candidate, slot: sites.open.count, graph: graph)
            state.refreshCells(graph)
            sites.add(top.candidate)
            value += gain
            round += 1
        }
        return state.value(graph)
    }
}
