import Dispatch
import GeoCore

/// PROMETHEE II (Brans & Vincke 1985, "A preference ranking organisation method", Management Science 31(6)):
/// a complete ranking by net outranking flow.
///
/// For each pair of sites (a, b) and criterion j, dⱼ(a, b) = fⱼ(a) − fⱼ(b) on the benefit value matrix and
/// Pⱼ(a, b) = Fⱼ(dⱼ) ∈ [0, 1] by the criterion's preference function; π(a, b) = Σⱼ wⱼ·Pⱼ(a, b);
/// φ⁺(a) = Σ_b π(a, b)/(n − 1), φ⁻(a) = Σ_b π(b, a)/(n − 1), φ(a) = φ⁺(a) − φ⁻(a) ∈ [−1, 1].
/// Because π is linear in the weights, φ(a) = Σⱼ wⱼ·φⱼ(a) with φⱼ the single-criterion net flows: the
/// flows are computed once per criterion (O(n²) pairs each) and re-weighting is a weighted sum.
public enum PROMETHEE {
    /// The default refusal limit on eligible sites: 20,000 sites are 4·10⁸ pairs per criterion.
    public static let defaultMaximumSites = 20_000

    /// Evaluates `values` (benefit, sites × criteria) with `weights` (sum 1) and one preference function per
    /// criterion. Rows are split across `threads` workers; the result does not depend on their number.
    public static func evaluate(values: DecisionMatrix, weights: [Double], functions: [PreferenceFunction], threads: Int = 1) -> PROMETHEEResult {
        let flows = criterionFlows(values: values, functions: functions, threads: threads)
        let (n, k) = (values.rows, values.columns)
        var plus = [Double](repeating: 0, count: n), minus = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<k {
                plus[i] += weights[j] * flows.plus[i * k + j]
                minus[i] += weights[j] * flows.minus[i * k + j]
            }
        }
        return PROMETHEEResult(phiPlus: plus, phiMinus: minus, net: zip(plus, minus).map { $0 - $1 })
    }

    /// Per site and criterion the single-criterion flows φⱼ⁺ and φⱼ⁻ (row-major, sites × criteria).
    static func criterionFlows(values: DecisionMatrix, functions: [PreferenceFunction], threads: Int) -> (plus: [Double], minus: [Double]) {
        let (n, k) = (values.rows, values.columns)
        precondition(functions.count == k, "PROMETHEE: one preference function per criterion")
        var plus = [Double](repeating: 0, count: n * k), minus = [Double](repeating: 0, count: n * k)
        guard n > 1 else { return (plus, minus) }
        let columns = (0..<k).map { values.column($0) }
        let scale = 1 / Double(n - 1)
        let rowsPerChunk = max(1, (n + 4 * threads - 1) / (4 * threads))
        let chunks = stride(from: 0, to: n, by: rowsPerChunk).map { $0..<min(n, $0 + rowsPerChunk) }
        let results = ConcurrentSlots<([Double], [Double])>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let rows = chunks[c]
            var p = [Double](repeating: 0, count: rows.count * k), m = [Double](repeating: 0, count: rows.count * k)
            for j in 0..<k {
                let f = functions[j], column = columns[j]
                for (r, a) in rows.enumerated() {
                    var sumPlus = 0.0, sumMinus = 0.0
                    let fa = column[a]
                    for b in 0..<n where b != a {
                        sumPlus += f.preference(fa - column[b])
                        sumMinus += f.preference(column[b] - fa)
                    }
                    p[r * k + j] = sumPlus * scale
                    m[r * k + j] = sumMinus * scale
                }
            }
            results.set(c, (p, m))
        }
        for (c, rows) in chunks.enumerated() {
            let (p, m) = results.values[c]
            plus.replaceSubrange(rows.lowerBound * k..<rows.upperBound * k, with: p)
            minus.replaceSubrange(rows.lowerBound * k..<rows.upperBound * k, with: m)
        }
        return (plus, minus)
    }
}

/// The flows of one PROMETHEE II evaluation (rows = sites in the order given).
public struct PROMETHEEResult: Hashable, Sendable {
    /// Leaving (positive) flow φ⁺: how much a site outranks the others.
    public var phiPlus: [Double]
    /// Entering (negative) flow φ⁻: how much the others outrank it.
    public var phiMinus: [Double]
    /// Net flow φ = φ⁺ − φ⁻ ∈ [−1, 1]: the score.
    public var net: [Double]

    public var scores: [Double] { net }
}

/// PROMETHEE II prepared for repeated scoring with changing weights: φ(a) = Σⱼ wⱼ·φⱼ(a), a weighted sum
/// over the single-criterion net flows (computed once), so scores are linear in the weights.
public struct PROMETHEEModel: ScoringModel, Hashable {
    public var alternativeCount: Int { netFlows.alternativeCount }
    public var criterionCount: Int { netFlows.criterionCount }
    /// A weighted sum over the single-criterion net flows φⱼ.
    public let netFlows: WeightedSumModel

    public init(values: DecisionMatrix, functions: [PreferenceFunction], threads: Int = 1) {
        let flows = PROMETHEE.criterionFlows(values: values, functions: functions, threads: threads)
        netFlows = WeightedSumModel(values: DecisionMatrix(rows: values.rows, columns: values.columns, values: zip(flows.plus, flows.minus).map { $0 - $1 }))
    }

    public func scores(weights: UnsafeBufferPointer<Double>, into scores: UnsafeMutableBufferPointer<Double>) {
        netFlows.scores(weights: weights, into: scores)
    }
}
