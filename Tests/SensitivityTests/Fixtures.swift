import SiteScoring
import TestSupport
@testable import Sensitivity

/// Small problems shared by the tests.
enum Fixtures {
    /// 3 sites × 2 criteria, values already on [0, 1] (benefit):
    /// A = (1, 0), B = (0, 1), C = (0.6, 0.6), weights (0.55, 0.45).
    static func threeSites() throws -> SensitivityProblem {
        let matrix = DecisionMatrix([[1, 0], [0, 1], [0.6, 0.6]])
        return try SensitivityProblem(siteIDs: [.string("A"), .string("B"), .string("C")],
                                      criterionIDs: ["c1", "c2"], weights: [0.55, 0.45],
                                      model: WeightedSumModel(values: matrix))
    }

    /// A seeded random matrix of `sites` × `criteria` values in [0, 1].
    static func randomMatrix(sites: Int, criteria: Int, seed: UInt64) -> DecisionMatrix {
        var random = SeededGenerator(seed: seed)
        return DecisionMatrix(rows: sites, columns: criteria,
                              values: (0..<(sites * criteria)).map { _ in Double.random(in: 0...1, using: &random) })
    }

    static func randomProblem(sites: Int, criteria: Int, seed: UInt64, topsis: Bool = false,
                              weights: [Double]? = nil) throws -> SensitivityProblem {
        let matrix = randomMatrix(sites: sites, criteria: criteria, seed: seed)
        let model: any ScoringModel = topsis
            ? TOPSISModel(matrix: matrix, directions: Array(repeating: .benefit, count: criteria))
            : WeightedSumModel(values: matrix)
        let w = weights ?? (1...criteria).map { Double($0) }
        return try SensitivityProblem(siteIDs: (1...sites).map { .number(Double($0)) },
                                      criterionIDs: (1...criteria).map { "k\($0)" }, weights: w, model: model)
    }
}
