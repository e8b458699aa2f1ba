import SiteScoring
import XCTest
@testable import Sensitivity

final class MonteCarloTests: XCTestCase {
    /// Every draw ranks exactly one site first and N sites in the top N, and ranks 1…n once each.
    func testProbabilitiesSumToOneAndRanksSumToTriangle() throws {
        let problem = try Fixtures.randomProblem(sites: 40, criteria: 4, seed: 3)
        let result = try MonteCarlo.run(problem, samples: 500, seed: 42, spread: 0.5, top: 5)
        XCTAssertEqual(result.sites.map(\.pRank1).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(result.sites.map(\.pTopN).reduce(0, +), 5, accuracy: 1e-12)
        XCTAssertEqual(result.sites.compactMap(\.rankMean).reduce(0, +), 40 * 41 / 2, accuracy: 1e-9)
        for site in result.sites {
            XCTAssertLessThanOrEqual(site.rankP05!, site.rankMedian!)
            XCTAssertLessThanOrEqual(site.rankMedian!, site.rankP95!)
            XCTAssertTrue(site.percentilesExact)
        }
    }

    /// A chain of dominance (each site better on every criterion than the next) ranks the same for any
    /// weights: mean = median = p05 = p95 = the site's rank; P(rank 1) = 1 for the best.
    func testDominanceChainHasFixedRanks() throws {
        let matrix = DecisionMatrix([[0.3, 0.2], [0.9, 0.8], [0.5, 0.6]])
        let problem = try SensitivityProblem(siteIDs: [.number(1), .number(2), .number(3)], criterionIDs: ["a", "b"],
                                             weights: [0.5, 0.5], model: WeightedSumModel(values: matrix))
        let result = try MonteCarlo.run(problem, samples: 200, seed: 1, spread: 0.9, top: 1)
        let expected = [3.0, 1, 2]
        for (site, rank) in zip(result.sites, expected) {
            XCTAssertEqual(site.rankMean, rank)
            XCTAssertEqual(site.rankP05, rank)
            XCTAssertEqual(site.rankMedian, rank)
            XCTAssertEqual(site.rankP95, rank)
        }
        XCTAssertEqual(result.sites[1].pRank1, 1)
    }

    /// Same seed → identical result with 1 thread and with several; the top-only mode agrees on P(rank 1)
    /// and P(top N) with the full-rank mode (different selection code: heap vs radix sort).
    func testDeterministicAcrossThreadsAndModes() throws {
        let problem = try Fixtures.randomProblem(sites: 150, criteria: 5, seed: 8, topsis: true)
        let one = try MonteCarlo.run(problem, samples: 300, seed: 5, spread: 0.3, top: 10, threads: 1)
        let many = try MonteCarlo.run(problem, samples: 300, seed: 5, spread: 0.3, top: 10, threads: 4)
        XCTAssertEqual(one, many)
        let topOnly = try MonteCarlo.run(problem, samples: 300, seed: 5, spread: 0.3, top: 10, statistics: .topOnly, threads: 3)
        XCTAssertEqual(topOnly.sites.map(\.pRank1), one.sites.map(\.pRank1))
        XCTAssertEqual(topOnly.sites.map(\.pTopN), one.sites.map(\.pTopN))
        let other = try MonteCarlo.run(problem, samples: 300, seed: 6, spread: 0.3, top: 10, threads: 1)
        XCTAssertNotEqual(one.sites.map(\.rankMean), other.sites.map(\.rankMean))
    }

    func testRejectsBadParameters() throws {
        let problem = try Fixtures.threeSites()
        XCTAssertThrowsError(try MonteCarlo.run(problem, samples: 10, seed: 1, spread: 1, top: 1))
        XCTAssertThrowsError(try MonteCarlo.run(problem, samples: 0, seed: 1, spread: 0.2, top: 1))
        XCTAssertThrowsError(try SensitivityProblem(siteIDs: [.number(1)], criterionIDs: ["a", "b"], weights: [1, 1],
                                                    model: WeightedSumModel(values: DecisionMatrix([[1, 2], [3, 4]]))))
    }
}
