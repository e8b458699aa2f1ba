import SiteScoring
import XCTest
@testable import Sensitivity

final class OneAtATimeTests: XCTestCase {
    /// Derivation on paper (Fixtures.threeSites): along criterion c1, w = (t, 1 − t), so
    /// A(t) = t, B(t) = 1 − t, C(t) = 0.6; at t₀ = 0.55: C = 0.6 > A = 0.55 > B = 0.45.
    /// C stays first while t < 0.6 (A) and 1 − t < 0.6 (B): [0.4, 0.6].
    /// The top-2 set {C, A} holds while A > B (t > 0.5) and C > B (t > 0.4): [0.5, 1].
    /// Along c2 (u = w₂ = 1 − t, u₀ = 0.45) the same lines give [0.4, 0.6] and [0, 0.5].
    func testStabilityIntervalsSolvedOnPaper() throws {
        let result = try OneAtATime.run(Fixtures.threeSites(), step: 0.05, top: 2)
        let c1 = result.stability[0], c2 = result.stability[1]
        XCTAssertEqual(c1.rank1Site, .string("C"))
        XCTAssertTrue(c1.exact)
        XCTAssertEqual(c1.rank1Low, 0.4, accuracy: 1e-12)
        XCTAssertEqual(c1.rank1High, 0.6, accuracy: 1e-12)
        XCTAssertEqual(c1.topNLow, 0.5, accuracy: 1e-12)
        XCTAssertEqual(c1.topNHigh, 1.0, accuracy: 1e-12)
        XCTAssertEqual(c2.rank1Low, 0.4, accuracy: 1e-12)
        XCTAssertEqual(c2.rank1High, 0.6, accuracy: 1e-12)
        XCTAssertEqual(c2.topNLow, 0.0, accuracy: 1e-12)
        XCTAssertEqual(c2.topNHigh, 0.5, accuracy: 1e-12)
    }

    /// Same paper case: B (rank 3) enters the top 2 when B > A, i.e. t < 0.5 (Δw₁ = −0.05, or Δw₂ = +0.05);
    /// A (rank 2) leaves at the same crossing; C can never be passed by both A and B (that needs t > 0.6 and
    /// t < 0.4), so it has no tipping point.
    func testTippingPointsSolvedOnPaper() throws {
        let result = try OneAtATime.run(Fixtures.threeSites(), step: 0.05, top: 2)
        let (a, b, c) = (result.tipping[0], result.tipping[1], result.tipping[2])
        XCTAssertEqual(a.rank, 2)
        XCTAssertEqual(abs(a.weightChange ?? 0), 0.05, accuracy: 1e-12)
        XCTAssertEqual(a.newRank, 3)
        XCTAssertEqual(b.rank, 3)
        XCTAssertEqual(abs(b.weightChange ?? 0), 0.05, accuracy: 1e-12)
        XCTAssertEqual(b.newRank, 2)
        // The sign goes with the criterion: lowering c1 or raising c2.
        if b.criterion == "c1" { XCTAssertLessThan(b.weightChange!, 0) } else { XCTAssertGreaterThan(b.weightChange!, 0) }
        XCTAssertEqual(c.rank, 1)
        XCTAssertNil(c.criterion)
        XCTAssertNil(c.weightChange)
    }

    /// Grid rows: A(t) = t, B = 1 − t, C = 0.6 at each t; 21 points per criterion.
    func testGridScoresAndRanks() throws {
        let result = try OneAtATime.run(Fixtures.threeSites(), step: 0.05, top: 2)
        XCTAssertEqual(result.grid.count, 2 * 21)
        let point = result.grid[4] // c1, t = 0.2: A = 0.2, B = 0.8, C = 0.6 → ranks 3, 1, 2
        XCTAssertEqual(point.weight, 0.2, accuracy: 1e-12)
        XCTAssertEqual(point.scores[0], 0.2, accuracy: 1e-12)
        XCTAssertEqual(point.scores[1], 0.8, accuracy: 1e-12)
        XCTAssertEqual(point.ranks, [3, 1, 2])
    }

    /// Brute force: scan w on a 1e-4 grid and find the contiguous range around w₀ where the current
    /// first site stays first / the top-N set stays; the computed bounds must agree within the grid step.
    private func assertMatchesBruteForce(_ problem: SensitivityProblem, top: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try OneAtATime.run(problem, step: 0.1, top: top)
        let ids = problem.siteIDs
        for (c, interval) in result.stability.enumerated() {
            let path = WeightPath(weights: problem.weights, criterion: c)
            let currentTop = Set(Ranking.topIndices(scores: problem.scores(problem.weights), ids: ids, n: top))
            let first = Ranking.topIndices(scores: problem.scores(problem.weights), ids: ids, n: 1)[0]
            let steps = 10_000
            let k0 = Int((path.current * Double(steps)).rounded())
            func scan(_ holds: (Double) -> Bool) -> (Double, Double) {
                var lo = k0, hi = k0
                while lo > 0, holds(Double(lo - 1) / Double(steps)) { lo -= 1 }
                while hi < steps, holds(Double(hi + 1) / Double(steps)) { hi += 1 }
                return (Double(lo) / Double(steps), Double(hi) / Double(steps))
            }
            let rank1 = scan { Ranking.topIndices(scores: problem.scores(path.weights(at: $0)), ids: ids, n: 1)[0] == first }
            let set = scan { Set(Ranking.topIndices(scores: problem.scores(path.weights(at: $0)), ids: ids, n: top)) == currentTop }
            XCTAssertEqual(interval.rank1Low, rank1.0, accuracy: 1.01e-4, "rank1 low, criterion \(c)", file: file, line: line)
            XCTAssertEqual(interval.rank1High, rank1.1, accuracy: 1.01e-4, "rank1 high, criterion \(c)", file: file, line: line)
            XCTAssertEqual(interval.topNLow, set.0, accuracy: 1.01e-4, "topN low, criterion \(c)", file: file, line: line)
            XCTAssertEqual(interval.topNHigh, set.1, accuracy: 1.01e-4, "topN high, criterion \(c)", file: file, line: line)
        }
    }

    func testTOPSISStabilityMatchesBruteForceGrid() throws {
        let problem = try Fixtures.randomProblem(sites: 12, criteria: 3, seed: 7, topsis: true)
        XCTAssertFalse(try OneAtATime.run(problem, top: 3).stability[0].exact)
        try assertMatchesBruteForce(problem, top: 3)
    }

    func testWSMStabilityMatchesBruteForceGrid() throws {
        try assertMatchesBruteForce(Fixtures.randomProblem(sites: 15, criteria: 4, seed: 11), top: 4)
    }

    /// Brute force for tipping points: for every site and criterion, scan w on a 1e-4 grid outward from w₀
    /// and take the first point where the site's top-N membership changes; the smallest |Δw| over criteria
    /// must agree with the computed tipping point within the grid step.
    private func assertTippingMatchesBruteForce(_ problem: SensitivityProblem, top: Int, tolerance: Double) throws {
        let result = try OneAtATime.run(problem, step: 0.1, top: top, resolution: 0.002)
        let ids = problem.siteIDs
        let inTop0 = Set(Ranking.topIndices(scores: problem.scores(problem.weights), ids: ids, n: top))
        let steps = 10_000
        var best = [Double](repeating: .infinity, count: ids.count)
        for c in 0..<problem.criterionCount {
            let path = WeightPath(weights: problem.weights, criterion: c)
            let k0 = Int((path.current * Double(steps)).rounded())
            var found = Set<Int>()
            for distance in 1...steps {
                for k in [k0 - distance, k0 + distance] where k >= 0 && k <= steps {
                    let t = Double(k) / Double(steps)
                    let set = Set(Ranking.topIndices(scores: problem.scores(path.weights(at: t)), ids: ids, n: top))
                    for s in 0..<ids.count where !found.contains(s) && set.contains(s) != inTop0.contains(s) {
                        found.insert(s)
                        best[s] = min(best[s], abs(t - path.current))
                    }
                }
            }
        }
        for (s, tipping) in result.tipping.enumerated() {
            if best[s].isFinite {
                XCTAssertEqual(abs(tipping.weightChange ?? .nan), best[s], accuracy: tolerance, "site \(s)")
            } else {
                XCTAssertNil(tipping.weightChange, "site \(s)")
            }
        }
    }

    func testWSMTippingMatchesBruteForce() throws {
        try assertTippingMatchesBruteForce(Fixtures.randomProblem(sites: 20, criteria: 3, seed: 5), top: 4, tolerance: 1.01e-4)
    }

    func testTOPSISTippingMatchesBruteForce() throws {
        try assertTippingMatchesBruteForce(Fixtures.randomProblem(sites: 20, criteria: 3, seed: 5, topsis: true), top: 4,
                                           tolerance: 1e-3)
    }

    /// With all other weights 0, the remainder is shared equally (documented rule).
    func testWeightPathSharesRemainderEquallyWhenOthersAreZero() {
        let path = WeightPath(weights: [1, 0, 0], criterion: 0)
        XCTAssertEqual(path.weights(at: 0.4), [0.4, 0.3, 0.3])
        let proportional = WeightPath(weights: [0.5, 0.3, 0.2], criterion: 0)
        let w = proportional.weights(at: 0.8)
        XCTAssertEqual(w[1], 0.12, accuracy: 1e-15) // 0.3 / 0.5 · 0.2
        XCTAssertEqual(w[2], 0.08, accuracy: 1e-15)
    }
}
