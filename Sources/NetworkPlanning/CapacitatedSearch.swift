/// The capacitated heuristic: greedy with lazy evaluation, then best-improvement swaps (Teitz–Bart), where
/// every set of open sites is valued by solving its transportation problem exactly
/// (`TransportationProblem`), never by nearest-first rounding. Candidates are evaluated in parallel
/// chunks; ties go to the lower index, so results do not depend on the thread count.
///
/// Capacitated coverage is not submodular in general, so lazy greedy is a heuristic here (stale gains are
/// re-checked at the top of the heap as usual); the swap phase repairs what it misses.
struct CapacitatedSearch {
    let network: CapacitatedNetwork
    let threads: Int?

    /// Greedy then swaps; returns the greedy value too.
    func run(sites: inout SiteSet) -> (greedy: Double, final: Double) {
        var value = network.evaluate(open: sites.open).value
        // Lazy greedy over (gain, candidate) upper bounds.
        var bounds: [(gain: Double, candidate: Int, round: Int)] = []
        let open0 = sites.open, current0 = sites
        let first = parallelChunks(count: network.candidateCapacity.count, threads: threads, minChunk: 4) { range in
            range.map { c in current0.canAdd(c) ? network.evaluate(open: open0 + [c]).value : -Double.infinity }
        }.flatMap { $0 }
        for (c, v) in first.enumerated() where v - value > 0 { bounds.append((v - value, c, 0)) }
        var round = 0
        while !sites.isFull {
            bounds.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.candidate < $1.candidate }
            guard let top = bounds.first else { break }
            bounds.removeFirst()
            guard sites.canAdd(top.candidate) else { continue }
            if top.round != round {
                let g = network.evaluate(open: sites.open + [top.candidate]).value - value
                if g > 0 { bounds.append((g, top.candidate, round)) }
                continue
            }
            sites.add(top.candidate)
            value += top.gain
            round += 1
        }
        value = network.evaluate(open: sites.open).value
        let greedy = value
        // Swaps and additions until none improves.
        while true {
            let current = sites, base = value
            let best = parallelChunks(count: network.candidateCapacity.count, threads: threads, minChunk: 2) { range in
                var chunkBest: (delta: Double, candidate: Int, slot: Int)?
                for c in range where !current.isOpen[c] {
                    if current.canAdd(c) {
                        let d = network.evaluate(open: current.open + [c]).value - base
                        if chunkBest.map({ d > $0.delta }) ?? true { chunkBest = (d, c, -1) }
                    }
                    for s in current.open.indices where current.canSwap(slot: s, for: c) {
                        var trial = current.open
                        trial[s] = c
                        let d = network.evaluate(open: trial).value - base
                        if chunkBest.map({ d > $0.delta }) ?? true { chunkBest = (d, c, s) }
                    }
                }
                return chunkBest
            }
            var chosen: (delta: Double, candidate: Int, slot: Int)?
            for m in best.compactMap({ $0 }) where chosen.map({ m.delta > $0.delta }) ?? true { chosen = m }
            guard let move = chosen, move.delta > 1e-9 * Swift.max(1, abs(base)) else { break }
            if move.slot < 0 { sites.add(move.candidate) } else { sites.swap(slot: move.slot, for: move.candidate) }
            value = network.evaluate(open: sites.open).value
        }
        return (greedy, value)
    }
}
