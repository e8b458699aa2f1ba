import Foundation

extension AHP {
    /// Saaty's random consistency index RI for n = 1…15: the mean CI of random reciprocal matrices
    /// (T. L. Saaty, *The Analytic Hierarchy Process*, McGraw-Hill 1980). Index n − 1 holds RI(n);
    /// n ≤ 2 gives 0 (always consistent). Beyond 15 the last value is used.
    public static let randomIndexTable: [Double] = [
        0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
    ]

    /// RI(n) from ``randomIndexTable``.
    public static func randomIndex(n: Int) -> Double {
        guard n >= 1 else { return 0 }
        return randomIndexTable[min(n, randomIndexTable.count) - 1]
    }

    /// The most inconsistent pair (i, j), i < j: the one maximising |log(aᵢⱼ·wⱼ/wᵢ)|, i.e. whose judgement
    /// departs most from the ratio of the derived weights. Deviations equal up to rounding (relative 1e-9) count
    /// as ties and keep the first pair in criterion order; for n = 3 all three pairs always tie, so the
    /// choice must not depend on rounding noise.
    public static func mostInconsistentPair(matrix: [[Double]], weights: [Double]) -> (i: Int, j: Int)? {
        var best: (i: Int, j: Int)?
        var worst = -1.0
        for i in 0..<matrix.count {
            for j in (i + 1)..<matrix.count {
                let deviation = abs(log(matrix[i][j] * weights[j] / weights[i]))
                if deviation > worst * (1 + 1e-9) + 1e-12 {
                    worst = deviation
                    best = (i, j)
                }
            }
        }
        return best
    }

    /// The nearest value of Saaty's scale {1/9, …, 1/2, 1, 2, …, 9} to a ratio.
    public static func roundToSaatyScale(_ ratio: Double) -> Double {
        if ratio >= 1 { return min(max(ratio.rounded(), 1), 9) }
        return 1 / min(max((1 / ratio).rounded(), 1), 9)
    }

    /// A scale value as a planner writes it: `3`, `1/3`, otherwise a short decimal.
    public static func formatSaaty(_ value: Double) -> String {
        if value >= 1, value == value.rounded(), value < 1e6 { return String(Int(value)) }
        if value > 0, value < 1 {
            let inverse = 1 / value
            if abs(inverse - inverse.rounded()) < 1e-9, inverse < 1e6 { return "1/\(Int(inverse.rounded()))" }
        }
        return String((value * 1000).rounded() / 1000)
    }

    /// Throws ``MCDAError/ahpInconsistent(cr:limit:judgement:consistentValue:suggestedValue:)`` when CR > limit,
    /// naming the judgement (as given, via `judgement(i, j)`) that is most out of line.
    static func checkConsistency(_ result: AHPResult, limit: Double, judgement: (Int, Int) -> AHPJudgement) throws {
        guard result.cr > limit,
            let (i, j) = mostInconsistentPair(matrix: result.matrix, weights: result.weights)
        else { return }
        let given = judgement(i, j)
        let forward = given.a == result.criteria[i]
        let exact = forward ? result.weights[i] / result.weights[j] : result.weights[j] / result.weights[i]
        throw MCDAError.ahpInconsistent(
            cr: result.cr, limit: limit, judgement: given, consistentValue: exact,
            suggestedValue: roundToSaatyScale(exact))
    }
}
