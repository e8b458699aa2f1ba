import SiteScoring

/// Tipping points (see ``TippingPoint``), accumulated criterion by criterion.
///
/// Site s is in the top N at t exactly when sₛ(t) ≥ Oₛ(t), the N-th best score among the *other* sites;
/// Oₛ is continuous in t. From t₀ we walk outward over a sequence of points and, where a site's membership
/// first differs from t₀, locate the root of hₛ = sₛ − Oₛ between the last two points by linear
/// interpolation. For a weight-linear model the points are the breakpoints of the N-th and (N+1)-th score
/// levels (traced exactly over the arrangement of score lines), so hₛ is linear between them and the root
/// is exact; otherwise the points are a grid of `resolution` and the root is interpolated.
struct TippingSearch {
    let problem: SensitivityProblem
    let top: Int
    let initialInTop: [Bool]
    private var bestChange: [Double]
    private var bestCriterion: [Int]

    init(problem: SensitivityProblem, top: Int, currentScores: [Double]) {
        self.problem = problem
        self.top = top
        let n = problem.siteCount
        var inTop = [Bool](repeating: false, count: n)
        for i in Ranking.topIndices(scores: currentScores, ids: problem.siteIDs, n: top) { inTop[i] = true }
        initialInTop = inTop
        bestChange = [Double](repeating: .infinity, count: n)
        bestCriterion = [Int](repeating: -1, count: n)
    }

    mutating func add(lines: PathScores, resolution: Double) {
        let n = problem.siteCount
        guard n > top, lines.path.rest.count > 1 else { return }
        let t0 = lines.path.current
        for direction in [1.0, -1.0] {
            let end = direction > 0 ? 1.0 : 0.0
            guard t0 != end else { continue }
            let points: [Double]
            if let b = lines.intercept, let m = lines.slope {
                let breaks = LevelTrace.breakpoints(level: top, b: b, m: m, from: t0, to: end)
                    + LevelTrace.breakpoints(level: top + 1, b: b, m: m, from: t0, to: end)
                points = Array(Set(breaks + [end])).sorted { direction > 0 ? $0 < $1 : $0 > $1 }
            } else {
                var grid: [Double] = []
                var t = t0
                repeat {
                    t = direction > 0 ? min(1, t + resolution) : max(0, t - resolution)
                    grid.append(t)
                } while t != end
                points = grid
            }
            walk(lines: lines, points: points, t0: t0)
        }
    }

    private mutating func walk(lines: PathScores, points: [Double], t0: Double) {
        let n = problem.siteCount
        let ids = problem.siteIDs
        var resolved = [Bool](repeating: false, count: n)
        var previousT = t0
        var previous = lines.scores(at: t0)
        var previousLevels = levels(previous)
        for t in points {
            let scores = lines.scores(at: t)
            let order = Ranking.topIndices(scores: scores, ids: ids, n: top + 1)
            var inTop = [Bool](repeating: false, count: n)
            for i in order.prefix(top) { inTop[i] = true }
            let (levelN, levelN1) = (scores[order[top - 1]], scores[order[top]])
            for s in 0..<n where !resolved[s] && inTop[s] != initialInTop[s] {
                resolved[s] = true
                let before = previous[s] - (initialInTop[s] ? previousLevels.1 : previousLevels.0)
                let after = scores[s] - (inTop[s] ? levelN1 : levelN)
                let root = before != after ? previousT + (t - previousT) * before / (before - after) : t
                let change = min(max(root, min(previousT, t)), max(previousT, t)) - t0
                if abs(change) < abs(bestChange[s]) {
                    bestChange[s] = change
                    bestCriterion[s] = lines.path.criterion
                }
            }
            previousT = t
            previous = scores
            previousLevels = (levelN, levelN1)
        }
    }

    /// The N-th and (N+1)-th best scores.
    private func levels(_ scores: [Double]) -> (Double, Double) {
        let order = Ranking.topIndices(scores: scores, ids: problem.siteIDs, n: top + 1)
        return (scores[order[top - 1]], scores[order[top]])
    }

    func result(currentRanks: [Int]) -> [TippingPoint] {
        (0..<problem.siteCount).map { s in
            let c = bestCriterion[s]
            return TippingPoint(site: problem.siteIDs[s], rank: currentRanks[s],
                                criterion: c >= 0 ? problem.criterionIDs[c] : nil,
                                weightChange: c >= 0 ? bestChange[s] : nil,
                                newRank: c >= 0 ? (initialInTop[s] ? top + 1 : top) : nil)
        }
    }
}

/// The k-th level of an arrangement of lines yᵢ(t) = bᵢ + t·mᵢ: the k-th largest value as a function of t,
/// a polyline whose vertices are intersections of its current line with another line.
enum LevelTrace {
    static let maximumVertices = 20_000

    /// The t of the level's vertices strictly between `from` and `to` (in walking order).
    static func breakpoints(level k: Int, b: [Double], m: [Double], from: Double, to: Double) -> [Double] {
        let n = b.count
        guard k >= 1, k <= n else { return [] }
        let direction: Double = to > from ? 1 : -1
        var t = from
        var result: [Double] = []
        while result.count < maximumVertices {
            let line = levelLine(k: k, b: b, m: m, at: t, direction: direction)
            let yl = b[line] + t * m[line]
            var next = to
            for u in 0..<n where u != line && m[u] != m[line] {
                let crossing = t + (b[u] + t * m[u] - yl) / (m[line] - m[u])
                // Strictly ahead; a crossing at t itself was resolved by the slope order in levelLine.
                if (crossing - t) * direction > 1e-14, (crossing - next) * direction < 0 { next = crossing }
            }
            if next == to { break }
            result.append(next)
            t = next
        }
        return result
    }

    /// The line holding level k just after t in `direction`: rank by value at t, then by slope·direction.
    static func levelLine(k: Int, b: [Double], m: [Double], at t: Double, direction: Double) -> Int {
        let n = b.count
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n { y[i] = b[i] + t * m[i] }
        // The k-th largest value, then the lines tied with it (within rounding) ordered by where they go next.
        let sorted = partialKth(y, k)
        let tolerance = 1e-12 * max(1, abs(sorted))
        var above = 0
        var tied: [Int] = []
        for i in 0..<n {
            if y[i] > sorted + tolerance { above += 1 } else if y[i] >= sorted - tolerance { tied.append(i) }
        }
        tied.sort { m[$0] * direction != m[$1] * direction ? m[$0] * direction > m[$1] * direction : $0 < $1 }
        return tied[min(max(k - above - 1, 0), tied.count - 1)]
    }

    /// The k-th largest of `values` with a bounded min-heap of size k.
    static func partialKth(_ values: [Double], _ k: Int) -> Double {
        var heap: [Double] = []
        heap.reserveCapacity(k)
        for v in values {
            if heap.count < k {
                heap.append(v)
                var c = heap.count - 1
                while c > 0, heap[(c - 1) / 2] > heap[c] { heap.swapAt(c, (c - 1) / 2); c = (c - 1) / 2 }
            } else if v > heap[0] {
                heap[0] = v
                var p = 0
                while true {
                    let (l, r) = (2 * p + 1, 2 * p + 2)
                    var smallest = p
                    if l < k, heap[l] < heap[smallest] { smallest = l }
                    if r < k, heap[r] < heap[smallest] { smallest = r }
                    if smallest == p { break }
                    heap.swapAt(p, smallest)
                    p = smallest
                }
            }
        }
        return heap[0]
    }
}
