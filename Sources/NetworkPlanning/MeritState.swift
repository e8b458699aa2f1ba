/// For every demand point, the best and second-best merit among the open sites and the existing network
/// (`base`), and the slot of the open site giving the best: what greedy gains and swap deltas are
/// computed from (the fast vertex-substitution bookkeeping of Whitaker 1983 / Resende & Werneck 2003).
struct MeritState {
    var best: [Double]
    var second: [Double]
    /// Slot (index into the open list) of the site giving `best`; -1 when the existing network does.
    var bestSlot: [Int32]
    /// Implicit p-median only: per demand cell, the largest −secondᵢ (the farthest a site may be and still
    /// matter to a point of the cell). Opening sites only shrinks it, so a stale value stays a valid bound.
    var cellFar: [Double] = []

    init(graph: ServiceGraph) {
        best = graph.base
        second = graph.base
        bestSlot = Array(repeating: -1, count: graph.demandCount)
        refreshCells(graph)
    }

    /// Rebuilt from scratch for the open sites, in slot order (ties keep the earlier slot).
    init(graph: ServiceGraph, open: [Int]) {
        self.init(graph: graph)
        for (slot, j) in open.enumerated() { add(j, slot: slot, graph: graph) }
        refreshCells(graph)
    }

    /// Recomputes `cellFar` (implicit p-median only).
    mutating func refreshCells(_ graph: ServiceGraph) {
        guard let cells = graph.cells else { return }
        var far = [Double](repeating: 0, count: cells.count)
        for i in 0..<graph.demandCount {
            let c = Int(cells.cellOf[i])
            far[c] = Swift.max(far[c], -second[i])
        }
        cellFar = far
    }

    mutating func add(_ j: Int, slot: Int, graph: ServiceGraph) {
        graph.forEachPair(of: j, cellFar: cellFar) { i, m in
            if m > best[i] {
                second[i] = best[i]
                best[i] = m
                bestSlot[i] = Int32(slot)
            } else if m > second[i] {
                second[i] = m
            }
        }
    }

    /// Σ wᵢ · bestᵢ.
    func value(_ graph: ServiceGraph) -> Double {
        var s = 0.0
        for i in 0..<graph.demandCount { s += graph.weight[i] * best[i] }
        return s
    }

    /// Greedy gain of opening `c`: Σ wᵢ · max(0, merit − bestᵢ) over its pairs.
    func gain(of c: Int, _ graph: ServiceGraph) -> Double {
        var g = 0.0
        graph.forEachPair(of: c, cellFar: cellFar) { i, m in
            let d = m - best[i]
            if d > 0 { g += graph.weight[i] * d }
        }
        return g
    }

    /// Swap terms of candidate `c` (not open): returns its gain over the current best (the value of adding
    /// it) and sets `extra[slot]` so that closing `slot` and opening `c` changes the value by
    /// `gain + extra[slot] − loss[slot]` (Whitaker 1983's fast interchange).
    func swapTerms(of c: Int, _ graph: ServiceGraph, extra: inout [Double]) -> Double {
        for s in extra.indices { extra[s] = 0 }
        var gain = 0.0
        graph.forEachPair(of: c, cellFar: cellFar) { i, m in
            let b = best[i]
            let overBest = m > b ? graph.weight[i] * (m - b) : 0
            gain += overBest
            let slot = Int(bestSlot[i])
            if slot >= 0 {
                let sec = second[i]
                let overSecond = m > sec ? graph.weight[i] * (m - sec) : 0
                extra[slot] += overSecond - overBest
            }
        }
        return gain
    }

    /// Value lost by closing the site in each slot (demand falls back to its second best).
    func losses(slots: Int, _ graph: ServiceGraph) -> [Double] {
        var loss = [Double](repeating: 0, count: slots)
        for i in 0..<graph.demandCount where bestSlot[i] >= 0 {
            loss[Int(bestSlot[i])] += graph.weight[i] * (best[i] - second[i])
        }
        return loss
    }
}
