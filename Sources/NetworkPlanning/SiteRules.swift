import GeoCore

/// The side constraints on the set of new sites: at most `count` of them, pairwise at least `minSpacing`
/// apart, total cost within the budget. Every solver asks this one type, so no solver can violate them.
struct SiteRules: Sendable {
    /// The largest number of new sites (the candidate count for setcover).
    let count: Int
    /// Per candidate: the candidates closer than `minSpacing` (ascending); empty without spacing.
    let conflicts: [[Int32]]
    let cost: [Double]
    let budget: Double?

    init(problem: PlanningProblem) {
        let s = problem.settings
        count = s.model == .setcover ? problem.candidates.count : s.count
        cost = problem.candidates.map { $0.cost ?? 0 }
        budget = s.budget
        let positions = problem.candidates.map(\.position)
        let spacing = s.minSpacing
        if spacing > 0 {
            let index = SpatialIndex(positions.map { Geometry.point($0) })
            conflicts = parallelChunks(count: positions.count, threads: s.threads) { range in
                var q = index.makeQuery()
                return range.map { j -> [Int32] in
                    var near: [Int32] = []
                    q.forEachFeature(within: spacing, of: positions[j]) { k in
                        if k != j && positions[j].distance(to: positions[k]) < spacing { near.append(Int32(k)) }
                    }
                    return near.sorted()
                }
            }.flatMap { $0 }
        } else {
            conflicts = Array(repeating: [], count: positions.count)
        }
    }

    /// Pairs of candidates that must not both open (a < b), for the MILP.
    var conflictPairs: [(Int, Int)] {
        var out: [(Int, Int)] = []
        for (a, list) in conflicts.enumerated() { for b in list where Int(b) > a { out.append((a, Int(b))) } }
        return out
    }

    /// Whether `set` satisfies all rules (a check for results and tests).
    func admits(_ set: [Int]) -> Bool {
        guard set.count <= count, Set(set).count == set.count else { return false }
        let open = Set(set)
        for j in set where conflicts[j].contains(where: { open.contains(Int($0)) }) { return false }
        if let budget { return set.reduce(0) { $0 + cost[$1] } <= budget }
        return true
    }
}

/// Incremental feasibility of one growing and swapping set of new sites under `SiteRules`.
struct SiteSet {
    let rules: SiteRules
    private(set) var open: [Int] = []
    private(set) var isOpen: [Bool]
    /// How many open sites are too close to each candidate.
    private var blocked: [Int32]
    private(set) var spent = 0.0

    init(rules: SiteRules, candidateCount: Int) {
        self.rules = rules
        isOpen = Array(repeating: false, count: candidateCount)
        blocked = Array(repeating: 0, count: candidateCount)
    }

    var isFull: Bool { open.count >= rules.count }

    func canAdd(_ c: Int) -> Bool {
        guard !isOpen[c], open.count < rules.count, blocked[c] == 0 else { return false }
        if let b = rules.budget { return spent + rules.cost[c] <= b }
        return true
    }

    /// Whether closing the site in `slot` and opening `c` keeps every rule.
    func canSwap(slot: Int, for c: Int) -> Bool {
        guard !isOpen[c] else { return false }
        let r = open[slot]
        let conflictsWithR = rules.conflicts[c].contains(Int32(r)) ? 1 : 0
        guard Int(blocked[c]) - conflictsWithR == 0 else { return false }
        if let b = rules.budget { return spent - rules.cost[r] + rules.cost[c] <= b }
        return true
    }

    mutating func add(_ c: Int) {
        open.append(c)
        isOpen[c] = true
        for k in rules.conflicts[c] { blocked[Int(k)] += 1 }
        recomputeSpent()
    }

    mutating func remove(slot: Int) {
        let r = open.remove(at: slot)
        isOpen[r] = false
        for k in rules.conflicts[r] { blocked[Int(k)] -= 1 }
        recomputeSpent()
    }

    mutating func swap(slot: Int, for c: Int) {
        let r = open[slot]
        isOpen[r] = false
        for k in rules.conflicts[r] { blocked[Int(k)] -= 1 }
        open[slot] = c
        isOpen[c] = true
        for k in rules.conflicts[c] { blocked[Int(k)] += 1 }
        recomputeSpent()
    }

    /// Summed afresh in index order, so the budget test never depends on the history of swaps.
    private mutating func recomputeSpent() {
        spent = open.sorted().reduce(0) { $0 + rules.cost[$1] }
    }
}
