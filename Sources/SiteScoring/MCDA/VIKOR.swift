/// VIKOR (Opricovic & Tzeng 2004, "Compromise solution by MCDM methods: A comparative analysis of VIKOR and
/// TOPSIS", EJOR 156(2)): the compromise ranking closest to the ideal.
///
/// On a benefit matrix f (sites × criteria) with f*ⱼ = maxᵢ fᵢⱼ and f⁻ⱼ = minᵢ fᵢⱼ:
/// - dᵢⱼ = (f*ⱼ − fᵢⱼ) / (f*ⱼ − f⁻ⱼ) (0 in a constant column: no site is worse than another there),
/// - Sᵢ = Σⱼ wⱼ·dᵢⱼ (group utility), Rᵢ = maxⱼ wⱼ·dᵢⱼ (individual regret),
/// - Qᵢ = v·(Sᵢ − S*)/(S⁻ − S*) + (1 − v)·(Rᵢ − R*)/(R⁻ − R*), a term being 0 when its range is 0.
/// Lower Q is better. The acceptance conditions for the first-ranked site a′ (with a″ second, m sites):
/// C1 acceptable advantage Q(a″) − Q(a′) ≥ DQ = 1/(m − 1); C2 acceptable stability: a′ is also best by S or by R.
public enum VIKOR {
    /// Evaluates `values` (benefit, sites × criteria) with `weights` (sum 1) and the weight `v` of the strategy
    /// of maximum group utility. `ids` break ties in the ranking by Q (as every ranking does) and name the
    /// compromise set.
    public static func evaluate(values: DecisionMatrix, weights: [Double], v: Double, ids: [SiteID]) -> VIKORResult {
        let (n, k) = (values.rows, values.columns)
        precondition(weights.count == k && ids.count == n, "VIKOR: one weight per criterion, one id per site")
        let (s, r) = utilityAndRegret(gaps: normalizedGaps(values), weights: weights, sites: n, criteria: k)
        let q = compromise(s: s, r: r, v: v)
        return VIKORResult(v: v, s: s, r: r, q: q, acceptance: acceptance(s: s, r: r, q: q, ids: ids))
    }

    /// dᵢⱼ, row-major (sites × criteria).
    static func normalizedGaps(_ values: DecisionMatrix) -> [Double] {
        let (n, k) = (values.rows, values.columns)
        var gaps = [Double](repeating: 0, count: n * k)
        for j in 0..<k where n > 0 {
            let column = values.column(j)
            let (best, worst) = (column.max()!, column.min()!)
            let range = best - worst
            guard range > 0 else { continue }
            for i in 0..<n { gaps[i * k + j] = (best - column[i]) / range }
        }
        return gaps
    }

    /// Sᵢ = Σⱼ wⱼ·dᵢⱼ and Rᵢ = maxⱼ wⱼ·dᵢⱼ from the row-major gaps.
    static func utilityAndRegret(gaps: [Double], weights: [Double], sites n: Int, criteria k: Int) -> (s: [Double], r: [Double]) {
        var s = [Double](repeating: 0, count: n), r = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = 0.0, regret = 0.0
            for j in 0..<k {
                let term = weights[j] * gaps[i * k + j]
                sum += term
                regret = max(regret, term)
            }
            s[i] = sum
            r[i] = regret
        }
        return (s, r)
    }

    /// Q from S and R.
    static func compromise(s: [Double], r: [Double], v: Double) -> [Double] {
        guard let sBest = s.min(), let sWorst = s.max(), let rBest = r.min(), let rWorst = r.max() else { return [] }
        let sRange = sWorst - sBest, rRange = rWorst - rBest
        return zip(s, r).map { si, ri in
            (sRange > 0 ? v * (si - sBest) / sRange : 0) + (rRange > 0 ? (1 - v) * (ri - rBest) / rRange : 0)
        }
    }

    /// The two acceptance conditions for the site ranked first by Q, and the compromise set.
    static func acceptance(s: [Double], r: [Double], q: [Double], ids: [SiteID]) -> VIKORResult.Acceptance? {
        let m = q.count
        guard m >= 2 else { return nil }
        // Ranking by Q ascending = by score 1 − Q descending, ties by id (the one ranking rule).
        let byQ = Ranking.order(scores: q.map { -$0 }, ids: ids)
        let first = byQ[0], second = byQ[1]
        let dq = 1 / Double(m - 1)
        let advantage = q[second] - q[first] >= dq
        let bestS = Ranking.order(scores: s.map { -$0 }, ids: ids)[0]
        let bestR = Ranking.order(scores: r.map { -$0 }, ids: ids)[0]
        let stability = bestS == first || bestR == first
        var set: [SiteID]
        if !advantage {
            // a′ … a⁽ᴹ⁾ with M the largest position such that Q(a⁽ᴹ⁾) − Q(a′) < DQ.
            set = byQ.prefix { q[$0] - q[first] < dq }.map { ids[$0] }
            if set.count < 2 { set = [ids[first], ids[second]] }
        } else if !stability {
            set = [ids[first], ids[second]]
        } else {
            set = [ids[first]]
        }
        return VIKORResult.Acceptance(advantageThreshold: dq, acceptableAdvantage: advantage, acceptableStability: stability, compromiseSet: set)
    }
}

/// Every intermediate of one VIKOR evaluation (rows = sites in the order given).
public struct VIKORResult: Hashable, Sendable {
    /// The weight of the strategy of the majority of criteria (group utility), 0…1.
    public var v: Double
    /// Group utility Sᵢ (lower is better).
    public var s: [Double]
    /// Individual regret Rᵢ (lower is better).
    public var r: [Double]
    /// The compromise measure Qᵢ (lower is better).
    public var q: [Double]
    /// The acceptance conditions for the first-ranked site (nil with fewer than two sites).
    public var acceptance: Acceptance?

    /// 1 − Q: higher is better, as every method's score.
    public var scores: [Double] { q.map { 1 - $0 } }

    /// Opricovic & Tzeng's two conditions for accepting the first-ranked site as the compromise solution.
    public struct Acceptance: Hashable, Sendable {
        /// DQ = 1/(m − 1).
        public var advantageThreshold: Double
        /// C1: Q(a″) − Q(a′) ≥ DQ.
        public var acceptableAdvantage: Bool
        /// C2: a′ is also first by S or by R.
        public var acceptableStability: Bool
        /// The compromise solutions: a′ alone when both hold; a′ and a″ when only C2 fails; a′…a⁽ᴹ⁾ when C1 fails.
        public var compromiseSet: [SiteID]
    }
}

/// VIKOR prepared for repeated scoring with changing weights (sensitivity analysis): the normalised gaps
/// dᵢⱼ are computed once; a call computes S, R and Q (score 1 − Q) without allocating beyond two buffers.
public struct VIKORModel: ScoringModel, Hashable {
    public let alternativeCount: Int
    public let criterionCount: Int
    public let v: Double
    private let gaps: [Double]

    public init(values: DecisionMatrix, v: Double) {
        alternativeCount = values.rows
        criterionCount = values.columns
        self.v = v
        gaps = VIKOR.normalizedGaps(values)
    }

    public func scores(weights: UnsafeBufferPointer<Double>, into scores: UnsafeMutableBufferPointer<Double>) {
        let (n, k) = (alternativeCount, criterionCount)
        guard n > 0 else { return }
        let (s, r) = VIKOR.utilityAndRegret(gaps: gaps, weights: Array(weights), sites: n, criteria: k)
        for (i, q) in VIKOR.compromise(s: s, r: r, v: v).enumerated() { scores[i] = 1 - q }
    }
}
