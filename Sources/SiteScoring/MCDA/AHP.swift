import Foundation

/// The analytic hierarchy process (Saaty 1980): criterion weights from pairwise judgements.
///
/// Weights are the principal eigenvector of the reciprocal pairwise matrix (or, as an option, the normalised
/// row geometric means); consistency is checked with Saaty's ratio CR = CI/RI, CI = (λmax − n)/(n − 1).
/// λmax is always the matrix's principal eigenvalue, whichever method gives the weights, so CR is a
/// property of the judgements alone.
public enum AHP {
    /// Saaty's consistency limit: CR above 0.1 calls for revising the judgements.
    public static let defaultMaxCR = 0.1

    /// Judgement values and repeated judgements are compared up to this relative tolerance (|log ratio|),
    /// so that 0.333 counts as 1/3 and 0.111 as 1/9.
    static let valueTolerance = 0.015

    /// Weights for one decision maker's judgements.
    /// - Parameters:
    ///   - criteria: the criterion ids; every pair needs exactly one judgement (in either order).
    ///   - maxCR: the consistency limit; an error above it.
    /// - Throws: ``MCDAError`` naming the offending judgement (unknown id, self-comparison, outside 1/9…9,
    ///   contradiction, missing pair) or, for CR > `maxCR`, the most inconsistent judgement and a consistent value.
    public static func weights(
        criteria: [String], judgements: [AHPJudgement],
        method: AHPMethod = .eigenvector, maxCR: Double = defaultMaxCR
    ) throws -> AHPResult {
        try checkLimit(maxCR)
        let matrix = try pairwiseMatrix(criteria: criteria, judgements: judgements)
        let result = evaluate(criteria: criteria, matrix: matrix, method: method)
        try checkConsistency(result, limit: maxCR) { i, j in
            judgements.first { $0.a == criteria[i] && $0.b == criteria[j] || $0.a == criteria[j] && $0.b == criteria[i] }!
        }
        return result
    }

    /// Builds the reciprocal matrix M with M[a][b] = v and M[b][a] = 1/v for each judgement `[a, b, v]`,
    /// and 1 on the diagonal.
    /// - Throws: ``MCDAError`` for unknown or duplicate ids, self-comparisons, values outside 1/9…9,
    ///   contradictory repeats, and missing pairs.
    public static func pairwiseMatrix(criteria: [String], judgements: [AHPJudgement]) throws -> [[Double]] {
        guard !criteria.isEmpty else { throw MCDAError.ahpNoCriteria }
        var index: [String: Int] = [:]
        for (i, id) in criteria.enumerated() {
            guard index.updateValue(i, forKey: id) == nil else { throw MCDAError.ahpDuplicateCriterion(id) }
        }
        let n = criteria.count
        var matrix = [[Double]](repeating: [Double](repeating: 1, count: n), count: n)
        var source = [[AHPJudgement?]](repeating: [AHPJudgement?](repeating: nil, count: n), count: n)
        for judgement in judgements {
            guard let i = index[judgement.a] else { throw MCDAError.ahpUnknownCriterion(id: judgement.a, judgement: judgement) }
            guard let j = index[judgement.b] else { throw MCDAError.ahpUnknownCriterion(id: judgement.b, judgement: judgement) }
            guard i != j else { throw MCDAError.ahpSelfComparison(judgement) }
            let v = judgement.value
            guard v.isFinite, v > 0, abs(log(v)) <= log(9) + valueTolerance else {
                throw MCDAError.ahpValueOutOfScale(judgement)
            }
            if let earlier = source[i][j] {
                guard abs(log(matrix[i][j] / v)) <= valueTolerance else {
                    throw MCDAError.ahpContradictoryJudgements(earlier, judgement)
                }
                continue  // a consistent repeat: keep the first
            }
            matrix[i][j] = v
            matrix[j][i] = 1 / v
            source[i][j] = judgement
            source[j][i] = judgement
        }
        for i in 0..<n {
            for j in (i + 1)..<n where source[i][j] == nil {
                throw MCDAError.ahpMissingJudgement(criteria[i], criteria[j])
            }
        }
        return matrix
    }

    /// Weights, λmax, CI, RI and CR of a positive reciprocal matrix, without checking a limit.
    public static func evaluate(criteria: [String], matrix: [[Double]], method: AHPMethod = .eigenvector) -> AHPResult {
        let n = matrix.count
        precondition(criteria.count == n && matrix.allSatisfy { $0.count == n }, "AHP: an n × n matrix for n criteria")
        let (eigenvector, lambdaMax) = principalEigenpair(matrix)
        let weights = method == .eigenvector ? eigenvector : geometricMeanWeights(matrix)
        let ri = randomIndex(n: n)
        let ci = n > 2 ? (lambdaMax - Double(n)) / Double(n - 1) : 0
        let cr = n > 2 ? ci / ri : 0
        return AHPResult(
            criteria: criteria, weights: weights, lambdaMax: lambdaMax, ci: ci, ri: ri, cr: cr,
            method: method, matrix: matrix)
    }

    static func checkLimit(_ maxCR: Double) throws {
        guard maxCR > 0, !maxCR.isNaN else { throw MCDAError.ahpInvalidLimit(maxCR) }
    }
}
