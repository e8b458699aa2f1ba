import SiteScoring
import XCTest
@testable import Sensitivity

final class SMAATests: XCTestCase {
    /// Site 2 is best on every criterion, so it is first for every weight vector: b¹ = 1, confidence 1,
    /// and nobody else has a central weight vector.
    func testDominatingSiteHasFullFirstRankAcceptability() throws {
        let matrix = DecisionMatrix([[0.2, 0.5, 0.1], [0.9, 0.8, 0.7], [0.6, 0.1, 0.3], [0.4, 0.4, 0.4]])
        let problem = try SensitivityProblem(siteIDs: (1...4).map { .number(Double($0)) }, criterionIDs: ["a", "b", "c"],
                                             weights: [0.2, 0.3, 0.5], model: WeightedSumModel(values: matrix))
        let result = try SMAA.run(problem, samples: 300, seed: 4, top: 2)
        XCTAssertEqual(result.sites[1].acceptability[0], 1)
        XCTAssertEqual(result.sites[1].confidence, 1)
        XCTAssertNil(result.sites[0].centralWeights)
        // The central weights of the dominating site are the mean of all draws: each ≈ 1/3 (E[wⱼ] = 1/k).
        for w in result.sites[1].centralWeights! { XCTAssertEqual(w, 1.0 / 3, accuracy: 0.05) }
    }

    /// Each rank r is held by exactly one site per draw: Σᵢ bᵢʳ = 1 for every r; threads do not change
    /// anything (central weights are floating sums merged in chunk order).
    func testAcceptabilitiesSumToOneAndAreDeterministic() throws {
        let problem = try Fixtures.randomProblem(sites: 50, criteria: 4, seed: 21, topsis: true)
        let one = try SMAA.run(problem, samples: 640, seed: 9, top: 3, threads: 1)
        let many = try SMAA.run(problem, samples: 640, seed: 9, top: 3, threads: 3)
        XCTAssertEqual(one, many)
        for r in 0..<3 {
            XCTAssertEqual(one.sites.map { $0.acceptability[r] }.reduce(0, +), 1, accuracy: 1e-12)
        }
        // Central weights lie on the simplex.
        for site in one.sites { if let cw = site.centralWeights { XCTAssertEqual(cw.reduce(0, +), 1, accuracy: 1e-9) } }
    }

    /// Ordinal SMAA with weights ordered a > b: A = (1, 0) beats B = (0, 1) whenever w_a > w_b,
    /// so b¹(A) = 1; without the order each wins half the time (w_a > 1/2 with probability 1/2).
    func testOrdinalUsesWeightOrder() throws {
        let problem = try SensitivityProblem(siteIDs: [.string("A"), .string("B")], criterionIDs: ["a", "b"],
                                             weights: [0.7, 0.3], model: WeightedSumModel(values: DecisionMatrix([[1, 0], [0, 1]])))
        XCTAssertEqual(try SMAA.run(problem, samples: 400, seed: 2, top: 1, ordinal: true).sites[0].acceptability[0], 1)
        let free = try SMAA.run(problem, samples: 4000, seed: 2, top: 1).sites[0].acceptability[0]
        XCTAssertEqual(free, 0.5, accuracy: 0.04) // 5σ of a Binomial(4000, 1/2) share is 0.04
    }
}
