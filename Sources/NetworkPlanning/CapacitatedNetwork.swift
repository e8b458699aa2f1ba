import GeoCore

/// The arcs of a capacitated plan and the transportation problem of any set of open sites.
///
/// Sinks are the existing facilities (always open), then the open new sites in the given order, then a
/// dummy "unserved" sink of unlimited capacity. Per unit, serving demand costs −attractiveness (mclp: 1,
/// or the site's score; existing facilities 1) and only within the radius; for p-median it costs the
/// distance and every pair is an arc, while leaving demand unserved costs a penalty larger than any
/// distance, so a set that cannot serve everything is worse than any set that can. Candidate arcs are
/// found through a spatial index (demand within the radius) in parallel chunks, candidate-major with
/// demand ascending.
struct CapacitatedNetwork: Sendable {
    let model: PlanModel
    let weight: [Double]
    let candidateCapacity: [Double]
    let existingCapacity: [Double]
    let unservedCost: Double
    /// Arcs of candidate `j`: `candStart[j]..<candStart[j + 1]` into `candDemand`/`candCost`.
    let candStart: [Int]
    let candDemand: [Int32]
    let candCost: [Double]
    let existStart: [Int]
    let existDemand: [Int32]
    let existCost: [Double]

    init(problem: PlanningProblem) {
        let s = problem.settings
        model = s.model
        weight = problem.demand.map(\.weight)
        candidateCapacity = problem.candidates.indices.map { problem.capacity(ofCandidate: $0) ?? .infinity }
        existingCapacity = problem.existing.indices.map { problem.capacity(ofExisting: $0) ?? .infinity }
        let dems = problem.demand.map(\.position)
        let cands = problem.candidates.map(\.position)
        let exist = problem.existing.map(\.position)
        let threads = s.threads
        if s.model == .pmedian {
            unservedCost = ServiceGraph.beyondAnyDistance(cands + dems + exist)
        } else {
            unservedCost = 0
        }
        let attr: [Double] = s.attractiveness == .score ? problem.candidates.map(\.score) : Array(repeating: 1, count: cands.count)
        func lists(_ sites: [Position], attr: [Double]) -> ([Int], [Int32], [Double]) {
            let rows: [[(Int32, Double)]]
            if s.model == .pmedian {
                rows = parallelChunks(count: sites.count, threads: threads, minChunk: 8) { range in
                    range.map { j in dems.indices.map { (Int32($0), dems[$0].distance(to: sites[j])) } }
                }.flatMap { $0 }
            } else {
                let radius = s.radius ?? 0
                let index = SpatialIndex(dems.map { Geometry.point($0) })
                rows = parallelChunks(count: sites.count, threads: threads, minChunk: 8) { range in
                    var q = index.makeQuery()
                    return range.map { j in
                        var hits: [Int32] = []
                        q.forEachFeature(within: radius, of: sites[j]) { hits.append(Int32($0)) }
                        return hits.sorted().map { ($0, -attr[j]) }
                    }
                }.flatMap { $0 }
            }
            var start = [0], demand: [Int32] = [], cost: [Double] = []
            for r in rows {
                for (i, c) in r { demand.append(i); cost.append(c) }
                start.append(demand.count)
            }
            return (start, demand, cost)
        }
        (candStart, candDemand, candCost) = lists(cands, attr: attr)
        (existStart, existDemand, existCost) = lists(exist, attr: Array(repeating: 1, count: exist.count))
    }

    var existingCount: Int { existingCapacity.count }

    /// Candidate-demand arcs (the MILP's y variables).
    var candidateArcCount: Int { candDemand.count }

    /// The transportation problem of opening `open` (candidate indices) next to the existing facilities.
    func transportation(open: [Int]) -> TransportationProblem {
        let n = weight.count
        let e = existingCount
        let m = e + open.count + 1
        var count = [Int](repeating: 1, count: n + 1)  // every point has the dummy arc
        count[0] = 0
        for f in 0..<e { for k in existStart[f]..<existStart[f + 1] { count[Int(existDemand[k]) + 1] += 1 } }
        for j in open { for k in candStart[j]..<candStart[j + 1] { count[Int(candDemand[k]) + 1] += 1 } }
        for i in 0..<n { count[i + 1] += count[i] }
        var fill = count
        var sink = [Int32](repeating: 0, count: count[n])
        var cost = [Double](repeating: 0, count: count[n])
        func put(_ i: Int, _ s: Int, _ c: Double) {
            sink[fill[i]] = Int32(s)
            cost[fill[i]] = c
            fill[i] += 1
        }
        for f in 0..<e { for k in existStart[f]..<existStart[f + 1] { put(Int(existDemand[k]), f, existCost[k]) } }
        for (slot, j) in open.enumerated() {
            for k in candStart[j]..<candStart[j + 1] { put(Int(candDemand[k]), e + slot, candCost[k]) }
        }
        for i in 0..<n { put(i, m - 1, unservedCost) }
        let caps = existingCapacity + open.map { candidateCapacity[$0] } + [.infinity]
        return TransportationProblem(supply: weight, arcStart: count, arcSink: sink, arcCost: cost, capacity: caps)
    }

    /// The objective of `open` as a value to maximise (mclp: served demand, weighted by attractiveness;
    /// p-median: −(weighted distance + penalty for unserved demand)), with the optimal flow.
    func evaluate(open: [Int]) -> (value: Double, solution: TransportationProblem.Solution, problem: TransportationProblem) {
        let t = transportation(open: open)
        // The dummy sink has unlimited room, so the flow always exists.
        let sol = t.solve()!
        return (-sol.cost, sol, t)
    }

    /// Demand left unserved by a solution (its dummy sink's load).
    func unserved(_ solution: TransportationProblem.Solution) -> Double { solution.load.last ?? 0 }
}
