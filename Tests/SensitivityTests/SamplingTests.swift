import Foundation
import SiteScoring
import TestSupport
import XCTest
@testable import Sensitivity

final class SamplingTests: XCTestCase {
    private func draws(_ sampler: WeightSampler, count: Int, seed: UInt64) -> [[Double]] {
        var random = StreamRandom(seed: seed, stream: 0)
        let k = sampler.criterionCount
        let groups: [[Int]] = if case .ordinal(let w) = sampler { WeightSampler.orderGroups(w) } else { [] }
        var w = [Double](repeating: 0, count: k), scratch = w
        return (0..<count).map { _ in
            w.withUnsafeMutableBufferPointer { wb in
                scratch.withUnsafeMutableBufferPointer { sampler.draw(into: wb, scratch: $0, groups: groups, random: &random) }
            }
            return w
        }
    }

    /// Kolmogorov–Smirnov statistic D = sup |Fₙ(x) − F(x)|.
    private func ksStatistic(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    /// The marginal of w₁ of the uniform simplex in 4 dimensions is Beta(1, 3): F(x) = 1 − (1 − x)³.
    /// KS critical value at α = 0.01 for n = 2000: 1.628/√2000 = 0.0364 (asymptotic Kolmogorov).
    /// Checked once with scipy: `scipy.stats.kstest(samples, 'beta', args=(1, 3))` on the dumped samples
    /// (set SENS_DUMP_SIMPLEX=path) gave the same D = 0.019829 (p = 0.406), and `scipy.stats.kstwo.ppf(0.99, 2000)`
    /// gives the exact critical value 0.03631.
    func testUniformSimplexMarginalIsBeta1_3() throws {
        let samples = draws(.uniformSimplex(criteria: 4), count: 2000, seed: 2024).map { $0[0] }
        let d = ksStatistic(samples) { 1 - pow(1 - $0, 3) }
        if let path = ProcessInfo.processInfo.environment["SENS_DUMP_SIMPLEX"] {
            try samples.map { String($0) }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            print("KS D = \(d)")
        }
        XCTAssertLessThan(d, 0.0364)
        // Not uniform on [0, 1]: the test can fail for a wrong sampler (D ≈ 0.42 against U(0, 1)).
        XCTAssertGreaterThan(ksStatistic(samples) { $0 }, 0.2)
    }

    /// Ordinal with weights (0.7, 0.3): w₁ is the larger coordinate of a uniform 2-simplex point, uniform on
    /// [0.5, 1]; every draw keeps w₁ ≥ w₂. KS critical value as above.
    func testOrdinalSamplerIsUniformOnOrderedCell() {
        let samples = draws(.ordinal(weights: [0.7, 0.3]), count: 2000, seed: 9)
        XCTAssertTrue(samples.allSatisfy { $0[0] >= $0[1] })
        let d = ksStatistic(samples.map { $0[0] }) { min(1, max(0, ($0 - 0.5) / 0.5)) }
        XCTAssertLessThan(d, 0.0364)
    }

    /// Ordinal with a tie: (0.5, 0.25, 0.25) keeps w₁ largest, and the tied pair takes both orders.
    func testOrdinalSamplerKeepsOrderAndShufflesTies() {
        let samples = draws(.ordinal(weights: [0.5, 0.25, 0.25]), count: 1000, seed: 3)
        XCTAssertTrue(samples.allSatisfy { $0[0] >= $0[1] && $0[0] >= $0[2] })
        let secondLarger = samples.filter { $0[1] > $0[2] }.count
        XCTAssertGreaterThan(secondLarger, 400)
        XCTAssertLessThan(secondLarger, 600)
    }

    /// Perturbed weights stay within [w(1 − s), w(1 + s)] before renormalisation: the ratio of two
    /// weights lies in [(1 − s)/(1 + s), (1 + s)/(1 − s)] times the scenario ratio.
    func testPerturbedRatiosStayInBounds() {
        let samples = draws(.perturbed(weights: [0.5, 0.5], spread: 0.25), count: 1000, seed: 1)
        for w in samples {
            XCTAssertEqual(w[0] + w[1], 1, accuracy: 1e-12)
            XCTAssertGreaterThanOrEqual(w[0] / w[1], 0.75 / 1.25 - 1e-12)
            XCTAssertLessThanOrEqual(w[0] / w[1], 1.25 / 0.75 + 1e-12)
        }
    }

    /// The radix ranking equals Ranking.order (the MCDA module's tie-break) with ties, −0, NaN and ±∞,
    /// on both code paths (comparison sort for small n, radix sort for large n).
    /// One NaN only: Ranking.order leaves several NaNs in input order, not by id.
    func testRankSorterMatchesRanking() {
        for n in [500, 6000] { assertRankSorterMatchesRanking(n: n) }
    }

    private func assertRankSorterMatchesRanking(n: Int) {
        var random = SeededGenerator(seed: 77)
        var scores = (0..<n).map { _ in Double(Int.random(in: -20...20, using: &random)) / 4 }
        scores[3] = .nan; scores[10] = -0.0; scores[11] = 0.0; scores[12] = .infinity; scores[13] = -.infinity; scores[14] = 2.25
        let ids: [SiteID] = (0..<n).map { i in i % 3 == 0 ? .string("s\(n - i)") : .number(Double((i * 7919) % 401)) }
        let idOrder = Ranking.order(scores: [Double](repeating: 0, count: n), ids: ids).map { Int32($0) }
        var sorter = RankSorter(idOrder: idOrder)
        scores.withUnsafeBufferPointer { sorter.sort(scores: $0) }
        XCTAssertEqual(sorter.order.map { Int($0) }, Ranking.order(scores: scores, ids: ids))
    }

    /// Nearest-rank percentiles, counted by hand: ranks of site 0 over 20 samples are 1×4, 2×6, 3×10
    /// → p05 = rank at ⌈1⌉ = 1, median at ⌈10⌉ = 2, p95 at ⌈19⌉ = 3; mean = (4 + 12 + 30)/20 = 2.3.
    func testRankDistributionPercentiles() {
        var distribution = RankDistribution(siteCount: 3, band: 100)
        for (rank, times) in [(1, 4), (2, 6), (3, 10)] {
            for _ in 0..<times {
                var order: [Int32] = [1, 2]
                order.insert(0, at: rank - 1)
                distribution.add(order: order)
            }
        }
        let (q, exact) = distribution.percentiles(site: 0, samples: 20, [0.05, 0.5, 0.95])
        XCTAssertEqual(q, [1, 2, 3])
        XCTAssertTrue(exact)
        XCTAssertEqual(distribution.mean(site: 0, samples: 20), 2.3, accuracy: 1e-12)
    }

    /// Beyond the exact band ranks are binned; the bins partition band+1…n and a site always at one
    /// rank gets that rank back within its bin.
    func testRankDistributionCoarseBinsCoverAllRanks() {
        let n = 5000
        let distribution = RankDistribution(siteCount: n, band: 100)
        XCTAssertEqual(distribution.binStart.first, 101)
        XCTAssertEqual(distribution.binStart.last, n + 1)
        XCTAssertLessThanOrEqual(distribution.binStart.count - 1, RankDistribution.coarseBins)
        var d = distribution
        var order = (0..<n).map { Int32($0) }
        order.swapAt(0, 3000) // site 0 at rank 3001
        d.add(order: order)
        let (q, _) = d.percentiles(site: 0, samples: 1, [0.5])
        let bin = Int(d.binOfRank[3001 - 101])
        XCTAssertGreaterThanOrEqual(q[0], Double(d.binStart[bin]))
        XCTAssertLessThan(q[0], Double(d.binStart[bin + 1]))
    }
}
