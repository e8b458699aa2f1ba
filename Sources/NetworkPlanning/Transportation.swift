/// An exact transportation (min-cost flow) solver for capacitated plans: demand point `i` supplies
/// `supply[i]` units, sink `s` takes at most `capacity[s]` (`.infinity` allowed), and one unit from `i`
/// to `s` costs the arc's cost. Every unit must be routed (give a dummy sink of unlimited capacity for
/// "unserved"); the flow of least total cost is returned, or nil when the capacities cannot take it all.
///
/// Successive shortest paths (Busacker & Gowen 1961; Edmonds & Karp 1972), one demand point at a time:
/// the shortest path from a new supply node goes to a sink, then possibly moves other demand between
/// sinks (sink→sink arcs cost c(i′, s′) − c(i′, s) for some i′ with flow on s), and ends at a sink with
/// room. With few sinks the search runs on the sink graph only (Dijkstra with Johnson potentials over
/// dense sink pairs, the cheapest i′ per pair kept in a lazy heap), so a solve costs about
/// O(paths · sinks² + arcs · log) — exact, fast enough to evaluate thousands of site sets in local search.
/// Deterministic: demand points in index order, ties by the lower index.
struct TransportationProblem {
    let supply: [Double]
    /// Arcs of demand point `i` are `arcStart[i]..<arcStart[i + 1]`.
    let arcStart: [Int]
    let arcSink: [Int32]
    let arcCost: [Double]
    let capacity: [Double]

    struct Solution {
        /// Flow on each arc, in demand units.
        var flow: [Double]
        /// Σ flow × cost.
        var cost: Double
        /// Units taken by each sink.
        var load: [Double]
    }

    /// A pending transfer: demand point `i′` may move from sink u (arc `from`) to sink v (arc `to`).
    private struct Transfer: HeapOrdered {
        var key: Double
        var from: Int32
        var to: Int32
        func precedes(_ o: Transfer) -> Bool { key != o.key ? key < o.key : from < o.from }
    }

    func solve() -> Solution? {
        let m = capacity.count
        let n = supply.count
        var flow = [Double](repeating: 0, count: arcSink.count)
        var room = capacity
        var pot = [Double](repeating: 0, count: m)
        var heaps = [[Transfer]](repeating: [], count: m * m)
        let eps = 1e-9 * Swift.max(1, supply.max() ?? 1)
        var dist = [Double](repeating: 0, count: m)
        var done = [Bool](repeating: false, count: m)
        // How each sink was reached: by the new point's arc (`viaArc`), or from sink `prev` by a transfer.
        var prev = [Int](repeating: -1, count: m)
        var viaArc = [Int](repeating: -1, count: m)
        var viaTransfer = [Transfer?](repeating: nil, count: m)
        var arcOfDemand = [Int](repeating: 0, count: arcSink.count)
        for i in 0..<n { for a in arcStart[i]..<arcStart[i + 1] { arcOfDemand[a] = i } }

        func startFlow(on a: Int) {
            let i = arcOfDemand[a], u = Int(arcSink[a])
            for b in arcStart[i]..<arcStart[i + 1] where b != a {
                let v = Int(arcSink[b])
                ArrayHeap.push(&heaps[u * m + v], Transfer(key: arcCost[b] - arcCost[a], from: Int32(a), to: Int32(b)))
            }
        }
        func cheapestTransfer(_ u: Int, _ v: Int) -> Transfer? {
            while let t = heaps[u * m + v].first {
                if flow[Int(t.from)] > eps { return t }
                ArrayHeap.pop(&heaps[u * m + v])
            }
            return nil
        }

        for i in 0..<n {
            var remaining = supply[i]
            let arcs = arcStart[i]..<arcStart[i + 1]
            while remaining > eps {
                guard !arcs.isEmpty else { return nil }
                var potI = -Double.infinity
                for a in arcs { potI = Swift.max(potI, pot[Int(arcSink[a])] - arcCost[a]) }
                for s in 0..<m { dist[s] = .infinity; done[s] = false; prev[s] = -1; viaArc[s] = -1; viaTransfer[s] = nil }
                for a in arcs {
                    let s = Int(arcSink[a])
                    let d = Swift.max(0, arcCost[a] + potI - pot[s])
                    if d < dist[s] { dist[s] = d; viaArc[s] = a }
                }
                // Dense Dijkstra over the sinks.
                while true {
                    var u = -1
                    for s in 0..<m where !done[s] && dist[s] < .infinity && (u < 0 || dist[s] < dist[u]) { u = s }
                    if u < 0 { break }
                    done[u] = true
                    for v in 0..<m where !done[v] && v != u {
                        guard let t = cheapestTransfer(u, v) else { continue }
                        let d = dist[u] + Swift.max(0, t.key + pot[u] - pot[v])
                        if d < dist[v] { dist[v] = d; prev[v] = u; viaTransfer[v] = t; viaArc[v] = -1 }
                    }
                }
                // The cheapest real path ends at a sink with room.
                var end = -1
                for s in 0..<m where room[s] > eps && dist[s] < .infinity {
                    if end < 0 || dist[s] + pot[s] < dist[end] + pot[end] { end = s }
                }
                guard end >= 0 else { return nil }
                var amount = Swift.min(remaining, room[end])
                var s = end
                while viaArc[s] < 0, let t = viaTransfer[s] {
                    amount = Swift.min(amount, flow[Int(t.from)])
                    s = prev[s]
                }
                s = end
                while viaArc[s] < 0, let t = viaTransfer[s] {
                    let wasIdle = flow[Int(t.to)] <= eps
                    flow[Int(t.from)] -= amount
                    flow[Int(t.to)] += amount
                    if wasIdle { startFlow(on: Int(t.to)) }
                    s = prev[s]
                }
                let first = viaArc[s]
                let wasIdle = flow[first] <= eps
                flow[first] += amount
                if wasIdle { startFlow(on: first) }
                room[end] -= amount
                remaining -= amount
                var reach = 0.0
                for s in 0..<m where dist[s] < .infinity { reach = Swift.max(reach, dist[s]) }
                for s in 0..<m { pot[s] += Swift.min(dist[s], reach) }
            }
        }
        var cost = 0.0
        var load = [Double](repeating: 0, count: m)
        for a in flow.indices where flow[a] > eps {
            cost += flow[a] * arcCost[a]
            load[Int(arcSink[a])] += flow[a]
        }
        for a in flow.indices where flow[a] <= eps { flow[a] = 0 }
        return Solution(flow: flow, cost: cost, load: load)
    }
}
