import Foundation

extension AHP {
    /// Weights for a group: each expert's complete judgements give a reciprocal matrix; the matrices are
    /// combined element-wise by the geometric mean (aggregation of individual judgements, AIJ;
    /// Forman & Peniwati 1998), which keeps the result reciprocal, and the consistency of the aggregate is checked.
    /// - Throws: ``MCDAError/ahpExpert(index:error:)`` wrapping an expert's judgement error, ``MCDAError/ahpNoExperts``,
    ///   or ``MCDAError/ahpInconsistent(cr:limit:judgement:consistentValue:suggestedValue:)`` for the aggregate
    ///   (the judgement then carries the aggregated value).
    public static func groupWeights(
        criteria: [String], experts: [[AHPJudgement]],
        method: AHPMethod = .eigenvector, maxCR: Double = defaultMaxCR
    ) throws -> AHPResult {
        try checkLimit(maxCR)
        guard !experts.isEmpty else { throw MCDAError.ahpNoExperts }
        var matrices: [[[Double]]] = []
        for (index, judgements) in experts.enumerated() {
            do {
                matrices.append(try pairwiseMatrix(criteria: criteria, judgements: judgements))
            } catch let error as MCDAError {
                throw MCDAError.ahpExpert(index: index, error: error)
            }
        }
        let aggregate = aggregateGeometricMean(matrices)
        let result = evaluate(criteria: criteria, matrix: aggregate, method: method)
        try checkConsistency(result, limit: maxCR) { i, j in
            AHPJudgement(criteria[i], criteria[j], aggregate[i][j])
        }
        return result
    }

    /// The element-wise geometric mean of equally sized matrices.
    public static func aggregateGeometricMean(_ matrices: [[[Double]]]) -> [[Double]] {
        guard let first = matrices.first else { return [] }
        let count = Double(matrices.count)
        return first.indices.map { i in
            first[i].indices.map { j in
                exp(matrices.reduce(0) { $0 + log($1[i][j]) } / count)
            }
        }
    }
}
