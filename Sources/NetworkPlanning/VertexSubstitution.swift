import GeoCore

/// Teitz & Bart (1968) vertex substitution: repeatedly make the best single swap (close one new site, open
/// one candidate), or the best addition while fewer than `count` are open, until none improves the
/// objective by more than a relative 1e-12.
///
/// Every candidate's best move is found in one pass over its pairs (the delta of closing slot r and
/// opening c is gain(c) − loss(r) + a correction over the demand points whose best site is r; Whitaker
/// 1983), candidates are evaluated in parallel chunks and the best move is chosen in candidate order,
/// so the result is the same for any thread count.
struct VertexSubstitution {
    struct Move {
        var delta: Double
        var candidate: Int
        /// Slot to close; -1 for a pure addition.
        var slot: Int
    }

    /// Improves `sites` in place; returns the number of moves made.
    @discardableResult
    static func run(graph: ServiceGraph, sites: inout SiteSet, threads: Int?, maxMoves: Int = 10_000) -> Int {
        var moves = 0
        while moves < maxMoves {
            let state = MeritState(graph: graph, open: sites.open)
            let value = state.value(graph)
            let loss = state.losses(slots: sites.open.count, graph)
            let current = sites
            let best = parallelChunks(count: graph.candidateCount, threads: threads, minChunk: 32) { range -> Move? in
                var extra = [Double](repeating: 0, count: current.open.count)
                var chunkBest: Move?
                for c in range where !current.isOpen[c] {
                    let gain = state.swapTerms(of: c, graph, extra: &extra)
                    if current.canAdd(c), gain > 0, chunkBest.map({ gain > $0.delta }) ?? true {
                        chunkBest = Move(delta: gain, candidate: c, slot: -1)
                    }
                    for s in extra.indices {
                        let delta = gain + extra[s] - loss[s]
                        if chunkBest.map({ delta > $0.delta }) ?? true, current.canSwap(slot: s, for: c) {
                            chunkBest = Move(delta: delta, candidate: c, slot: s)
                        }
                    }
                }
                return chunkBest
            }
            var chosen: Move?
            for m in best.compactMap({ $0 }) where chosen.map({ m.delta > $0.delta }) ?? true { chosen = m }
            guard let move = chosen, move.delta > 1e-12 * Swift.max(1, abs(value)) else { break }
            if move.slot < 0 { sites.add(move.candidate) } else { sites.swap(slot: move.slot, for: move.candidate) }
            moves += 1
        }
        return moves
    }
}
