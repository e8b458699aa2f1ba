import GeoCore

/// The capacitated heuristic: greedy with lazy evaluation, then best-improvement swaps (Teitz–Bart), where
/// every set of open sites is valued by solving its transportation problem exactly
/// (`TransportationProblem`), never by nearest-first rounding.
///
/// Pruning without changing the answer: dropping the capacities can only help, so the uncapacitated value
/// of a set (`ServiceGraph`, computed for all swaps of a candidate in one pass) bounds its capacitated
/// value from above; a move whose bound does not beat the current value is never solved. Candidates are
/// evaluated in parallel chunks; ties go to the lower index, so results do not depend on the thread count.
///
/// Capacitated coverage is not submodular in general, so lazy greedy is a heuristic here; the swap phase
/// repairs what it misses.
struct CapacitatedSearch {
    let network: CapacitatedNetwork
    /// The uncapacitated relaxation (same model, radius, attractiveness and existing facilities).
    let relaxation: ServiceGraph
    let threads: Int?

    init(problem: PlanningProblem, network: CapacitatedNetwork) {
        self.network = network
        relaxation = ServiceGraph(problem: problem)
        threads = problem.settings.threads
    }

    private struct Move {
        var delta: Double
        var candidate: Int
        var slot: Int
    }

    /// Greedy then swaps; with a budget also from the gain-per-cost greedy (Khuller, Moss & Naor 1999),
    /// keeping the better plan (ties: the plain one). Returns the plain greedy's value too.
    func run(sites: inout SiteSet) -> (greedy: Double, final: Double) {
        let initial = sites
        let plain = run(sites: &sites, perCost: false)
        guard sites.rules.budget != nil else { return plain }
        var other = initial
        let ratio = run(sites: &other, perCost: true)
        if ratio.final > plain.final + 1e-9 * Swift.max(1, abs(plain.final)) {
            sites = other
            return (plain.greedy, ratio.final)
        }
        return plain
    }

    private func run(sites: inout SiteSet, perCost: Bool) -> (greedy: Double, final: Double) {
        let graph = relaxation
        let cost = sites.rules.cost
        func priority(_ gain: Double, _ c: Int) -> Double { perCost ? gain / Swift.max(cost[c], 1e-9) : gain }
        var value = network.evaluate(open: sites.open).value
        // Lazy greedy; the first keys are the relaxation's bounds (round -1: not yet solved exactly).
        var heap: [(gain: Double, candidate: Int, round: Int)] = []
        let start = MeritState(graph: graph, open: sites.open)
        let startBound = start.value(graph) - value
        for c in 0..<graph.candidateCount where sites.canAdd(c) {
            let bound = startBound + start.gain(of: c, graph)
            if bound > 0 { heap.append((priority(bound, c), c, -1)) }
        }
        var round = 0
        while !sites.isFull {
            guard let top = heap.indices.max(by: { a, b in
                heap[a].gain != heap[b].gain ? heap[a].gain < heap[b].gain : heap[a].candidate > heap[b].candidate
            }).map({ heap.remove(at: $0) }) else { break }
            guard sites.canAdd(top.candidate) else { continue }
            if top.round != round {
                let g = network.evaluate(open: sites.open + [top.candidate]).value - value
                if g > 0 { heap.append((priority(g, top.candidate), top.candidate, round)) }
                continue
            }
            sites.add(top.candidate)
            value = network.evaluate(open: sites.open).value
            round += 1
        }
        value = network.evaluate(open: sites.open).value
        let greedy = value
        // Swaps and additions until none improves.
        while true {
            let current = sites, base = value
            let tolerance = 1e-9 * Swift.max(1, abs(base))
            let state = MeritState(graph: graph, open: current.open)
            let relaxed = state.value(graph)
            let loss = state.losses(slots: current.open.count, graph)
            let best = parallelChunks(count: graph.candidateCount, threads: threads, minChunk: 2) { range -> Move? in
                var extra = [Double](repeating: 0, count: current.open.count)
                var chunkBest: Move?
                func consider(_ c: Int, slot: Int, bound: Double) {
                    // Solve only when the relaxation leaves room to beat both the current plan and this chunk's best.
                    guard bound > base + tolerance, bound - base > (chunkBest?.delta ?? -.infinity) else { return }
                    var trial = current.open
                    if slot < 0 { trial.append(c) } else { trial[slot] = c }
                    let d = network.evaluate(open: trial).value - base
                    if chunkBest.map({ d > $0.delta }) ?? true { chunkBest = Move(delta: d, candidate: c, slot: slot) }
                }
                for c in range where !current.isOpen[c] {
                    let gain = state.swapTerms(of: c, graph, extra: &extra)
                    if current.canAdd(c) { consider(c, slot: -1, bound: relaxed + gain) }
                    for s in current.open.indices where current.canSwap(slot: s, for: c) {
                        consider(c, slot: s, bound: relaxed + gain + extra[s] - loss[s])
                    }
                }
                return chunkBest
            }
            var chosen: Move?
            for m in best.compactMap({ $0 }) where chosen.map({ m.delta > $0.delta }) ?? true { chosen = m }
            guard let move = chosen, move.delta > tolerance else { break }
            if move.slot < 0 { sites.add(move.candidate) } else { sites.swap(slot: move.slot, for: move.candidate) }
            value = network.evaluate(open: sites.open).value
        }
        return (greedy, value)
    }
}
