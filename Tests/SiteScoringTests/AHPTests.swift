import Foundation
import XCTest

@testable import SiteScoring

/// AHP against Saaty's published examples, numpy (`np.linalg.eig`, principal eigenvector normalised to sum 1)
/// and hand calculations.
final class AHPTests: XCTestCase {
    // Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services Sciences 1(1),
    // 83–98, Table 2: relative consumption of drinks in the USA. Published derived weights
    // .177 .019 .042 .116 .190 .129 .327, CR = .022.
    let drinks = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
    let drinkRows: [[Double]] = [
        [1, 9, 5, 2, 1, 1, 1.0 / 2],
        [1.0 / 9, 1, 1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9],
        [1.0 / 5, 3, 1, 1.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 9],
        [1.0 / 2, 9, 3, 1, 1.0 / 2, 1, 1.0 / 3],
        [1, 9, 4, 2, 1, 2, 1.0 / 2],
        [1, 9, 3, 1, 1.0 / 2, 1, 1.0 / 3],
        [2, 9, 9, 3, 2, 3, 1],
    ]
    // numpy.linalg.eig of the matrix above.
    let drinkEigenvector = [
        0.17745674744571682, 0.0191494760243536, 0.04183118166209788, 0.1164170317348587,
        0.18957237532617624, 0.12878054853872253, 0.32679263926807434,
    ]
    let drinkLambdaMax = 7.17662903933035
    // numpy: g = np.prod(A, axis=1)**(1/7); g / g.sum()
    let drinkGeometricMean = [
        0.1787233845910277, 0.01846061616030994, 0.04223438731988099, 0.11649839775440332,
        0.19113550919235567, 0.1286246593204375, 0.324323045661585,
    ]

    // Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. European Journal of
    // Operational Research 48, 9–26, Table 2: criteria for buying a house. Published weights
    // .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669, CI = .238, CR = .169.
    let houseCriteria = ["size", "transport", "neighborhood", "age", "yard", "modern", "condition", "financing"]
    let houseRows: [[Double]] = [
        [1, 5, 3, 7, 6, 6, 1.0 / 3, 1.0 / 4],
        [1.0 / 5, 1, 1.0 / 3, 5, 3, 3, 1.0 / 5, 1.0 / 7],
        [1.0 / 3, 3, 1, 6, 3, 4, 6, 1.0 / 5],
        [1.0 / 7, 1.0 / 5, 1.0 / 6, 1, 1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8],
        [1.0 / 6, 1.0 / 3, 1.0 / 3, 3, 1, 1.0 / 2, 1.0 / 5, 1.0 / 6],
        [1.0 / 6, 1.0 / 3, 1.0 / 4, 4, 2, 1, 1.0 / 5, 1.0 / 6],
        [3, 5, 1.0 / 6, 7, 5, 5, 1, 1.0 / 2],
        [4, 7, 5, 8, 6, 6, 2, 1],
    ]
    let houseEigenvector = [
        0.17301747464834763, 0.05397572299903931, 0.1881102988574409, 0.01750791130819571,
        0.03104373640390229, 0.0363222021546561, 0.16683367362634785, 0.33318898000207015,
    ]

    /// The upper triangle of a matrix as judgements [row, column, value].
    func judgements(_ ids: [String], _ rows: [[Double]]) -> [AHPJudgement] {
        ids.indices.flatMap { i in ((i + 1)..<ids.count).map { j in AHPJudgement(ids[i], ids[j], rows[i][j]) } }
    }

    func testSaatyDrinkExample() throws {
        let result = try AHP.weights(criteria: drinks, judgements: judgements(drinks, drinkRows))
        assertClose(result.weights, [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], accuracy: 0.0005)
        assertClose(result.weights, drinkEigenvector, accuracy: 1e-10)
        XCTAssertEqual(result.lambdaMax, drinkLambdaMax, accuracy: 1e-10)
        // CI = (λ − n)/(n − 1) = 0.17663/6 (not /2), RI(7) = 1.32.
        XCTAssertEqual(result.ci, 0.029438173221724966, accuracy: 1e-10)
        XCTAssertEqual(result.ri, 1.32)
        XCTAssertEqual(result.cr, 0.022, accuracy: 0.0005)
        XCTAssertEqual(result.cr, 0.02230164638009467, accuracy: 1e-10)
        XCTAssertEqual(result.method, .eigenvector)
        XCTAssertEqual(result.weights.reduce(0, +), 1, accuracy: 1e-14)
        XCTAssertEqual(result.weightsByCriterion["water"]!, 0.327, accuracy: 0.0005)
        XCTAssertEqual(result.matrix, drinkRows)
    }

    func testGeometricMeanOption() throws {
        let result = try AHP.weights(criteria: drinks, judgements: judgements(drinks, drinkRows), method: .geometricMean)
        assertClose(result.weights, drinkGeometricMean, accuracy: 1e-14)
        XCTAssertEqual(result.method, .geometricMean)
        // CR stays a property of the matrix (principal eigenvalue), whichever method gives the weights.
        XCTAssertEqual(result.lambdaMax, drinkLambdaMax, accuracy: 1e-10)
    }

    func testSaatyHouseExampleIsInconsistent() throws {
        let given = judgements(houseCriteria, houseRows)
        guard case .ahpInconsistent(let cr, let limit, let judgement, let exact, let suggested)? = mcdaError({
            try AHP.weights(criteria: houseCriteria, judgements: given)
        }) else { return XCTFail("expected an inconsistency error") }
        XCTAssertEqual(cr, 0.169, accuracy: 0.0005)
        XCTAssertEqual(limit, 0.1)
        // numpy: argmax over i<j of |log(a_ij·w_j/w_i)| is (neighborhood, condition) with a = 6;
        // w_neighborhood/w_condition = 0.1881102988574409/0.16683367362634785 = 1.1275319590381114 → Saaty 1.
        XCTAssertEqual(judgement, AHPJudgement("neighborhood", "condition", 6))
        XCTAssertEqual(exact, 1.1275319590381114, accuracy: 1e-9)
        XCTAssertEqual(suggested, 1)

        // With the limit raised, the published weights and consistency.
        let result = try AHP.weights(criteria: houseCriteria, judgements: given, maxCR: 0.2)
        assertClose(result.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], accuracy: 0.0005)
        assertClose(result.weights, houseEigenvector, accuracy: 1e-10)
        XCTAssertEqual(result.lambdaMax, 9.669, accuracy: 0.0005)
        XCTAssertEqual(result.ci, 0.238, accuracy: 0.0005)
        XCTAssertEqual(result.ri, 1.41)
        XCTAssertEqual(result.cr, 0.16908686090356168, accuracy: 1e-9)
    }

    func testInconsistentJudgementIsReportedAsGiven() {
        // The same house judgements, but the offending pair written the other way round.
        var given = judgements(houseCriteria, houseRows)
        let index = given.firstIndex { $0.a == "neighborhood" && $0.b == "condition" }!
        given[index] = AHPJudgement("condition", "neighborhood", 1.0 / 6)
        guard case .ahpInconsistent(_, _, let judgement, let exact, let suggested)? = mcdaError({
            try AHP.weights(criteria: houseCriteria, judgements: given)
        }) else { return XCTFail("expected an inconsistency error") }
        XCTAssertEqual(judgement, AHPJudgement("condition", "neighborhood", 1.0 / 6))
        XCTAssertEqual(exact, 1 / 1.1275319590381114, accuracy: 1e-9)
        XCTAssertEqual(suggested, 1)
        XCTAssertTrue(
            MCDAError.ahpInconsistent(cr: 0.169, limit: 0.1, judgement: judgement, consistentValue: exact, suggestedValue: suggested)
                .description.contains("[condition, neighborhood, 1/6]"))
    }

    func testThreeByThreeInconsistencySuggestsSaatyValue() {
        // a > b (3), b > c (3), but c > a (3): a cycle. By hand, the matrix is circulant, so w = 1/3 each and every
        // pair deviates by |log 3|: a tie, the first pair [a, b] is named; consistent value w_a/w_b = 1.
        // λmax (numpy) = 1 + 3 + 1/3 = 4.3333, CI = 0.6667, CR = 0.6667/0.58 = 1.1494.
        let given = [AHPJudgement("a", "b", 3), AHPJudgement("b", "c", 3), AHPJudgement("c", "a", 3)]
        guard case .ahpInconsistent(let cr, _, let judgement, let exact, let suggested)? = mcdaError({
            try AHP.weights(criteria: ["a", "b", "c"], judgements: given)
        }) else { return XCTFail("expected an inconsistency error") }
        XCTAssertEqual(cr, (13.0 / 3 - 3) / 2 / 0.58, accuracy: 1e-9)
        XCTAssertEqual(judgement, given[0])
        XCTAssertEqual(exact, 1, accuracy: 1e-9)
        XCTAssertEqual(suggested, 1)
    }

    func testThreeByThreeNamesTheFirstPairOfATie() {
        // numpy.linalg.eig of [[1, 5, 1/2], [1/5, 1, 5], [2, 1/5, 1]]: w = (0.43865617, 0.32320463, 0.23813921),
        // λmax = 4.95547326029988, CR = 1.6857528106033448; |log(a_ij·w_j/w_i)| = 1.3040076684760 for all three pairs
        // (always so for n = 3), so the first pair [a, b] is named, consistent value w_a/w_b = 1.3572088082974523.
        let given = [AHPJudgement("a", "b", 5), AHPJudgement("b", "c", 5), AHPJudgement("a", "c", 0.5)]
        guard case .ahpInconsistent(let cr, _, let judgement, let exact, let suggested)? = mcdaError({
            try AHP.weights(criteria: ["a", "b", "c"], judgements: given)
        }) else { return XCTFail("expected an inconsistency error") }
        XCTAssertEqual(cr, 1.6857528106033448, accuracy: 1e-9)
        XCTAssertEqual(judgement, given[0])
        XCTAssertEqual(exact, 1.3572088082974523, accuracy: 1e-9)
        XCTAssertEqual(suggested, 1)
    }

    func testSmallProblemsAreAlwaysConsistent() throws {
        let one = try AHP.weights(criteria: ["only"], judgements: [])
        XCTAssertEqual(one.weights, [1])
        XCTAssertEqual(one.cr, 0)
        // n = 2, [a, b, 3]: w = (3/4, 1/4) by hand; λmax = 2, CR = 0.
        let two = try AHP.weights(criteria: ["a", "b"], judgements: [AHPJudgement("a", "b", 3)])
        assertClose(two.weights, [0.75, 0.25], accuracy: 1e-12)
        XCTAssertEqual(two.lambdaMax, 2, accuracy: 1e-12)
        XCTAssertEqual(two.cr, 0)
        XCTAssertEqual(two.ri, 0)
    }

    func testRandomIndexTable() {
        // Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill: RI for n = 1…15. Indexed by n, not n − 1
        // (the known off-by-one gives RI(3) = 0 or 0.90).
        let saaty: [Double] = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]
        for n in 1...15 { XCTAssertEqual(AHP.randomIndex(n: n), saaty[n - 1], "n = \(n)") }
        XCTAssertEqual(AHP.randomIndex(n: 3), 0.58)
        XCTAssertEqual(AHP.randomIndex(n: 20), 1.59)
    }

    func testGroupAggregationOfIndividualJudgements() throws {
        let experts: [[AHPJudgement]] = [
            [.init("a", "b", 3), .init("a", "c", 5), .init("b", "c", 2)],
            [.init("a", "b", 2), .init("a", "c", 7), .init("b", "c", 3)],
            [.init("a", "b", 4), .init("c", "a", 1.0 / 4), .init("b", "c", 1)],
        ]
        let result = try AHP.groupWeights(criteria: ["a", "b", "c"], experts: experts)
        // numpy: G = exp(mean(log(E))) element-wise; its principal eigenvector and eigenvalue.
        XCTAssertEqual(result.matrix[0][1], 2.8844991406148166, accuracy: 1e-14)
        XCTAssertEqual(result.matrix[0][2], 5.1924941018511035, accuracy: 1e-14)
        XCTAssertEqual(result.matrix[1][2], 1.8171205928321397, accuracy: 1e-14)
        XCTAssertEqual(result.matrix[2][1], 0.5503212081491045, accuracy: 1e-14)
        assertClose(result.weights, [0.6494555362132436, 0.2258595161279204, 0.12468494765883602], accuracy: 1e-10)
        XCTAssertEqual(result.lambdaMax, 3.000009797517988, accuracy: 1e-10)
        XCTAssertEqual(result.cr, 8.446136196568468e-06, accuracy: 1e-9)
    }

    func testGroupNamesTheExpert() {
        let experts: [[AHPJudgement]] = [
            [.init("a", "b", 3)],
            [.init("a", "b", 12)],
        ]
        XCTAssertEqual(
            mcdaError { try AHP.groupWeights(criteria: ["a", "b"], experts: experts) },
            .ahpExpert(index: 1, error: .ahpValueOutOfScale(AHPJudgement("a", "b", 12))))
        XCTAssertEqual(mcdaError { try AHP.groupWeights(criteria: ["a", "b"], experts: []) }, .ahpNoExperts)
    }

    func testJudgementErrorsNameThePair() {
        let ids = ["a", "b", "c"]
        let complete = [AHPJudgement("a", "b", 3), AHPJudgement("a", "c", 5), AHPJudgement("b", "c", 2)]
        func error(_ judgements: [AHPJudgement], criteria: [String] = ids) -> MCDAError? {
            mcdaError { try AHP.weights(criteria: criteria, judgements: judgements) }
        }
        XCTAssertEqual(error(Array(complete.prefix(2))), .ahpMissingJudgement("b", "c"))
        XCTAssertEqual(
            error(complete + [AHPJudgement("b", "a", 1.0 / 5)]),
            .ahpContradictoryJudgements(complete[0], AHPJudgement("b", "a", 1.0 / 5)))
        XCTAssertEqual(
            error(complete + [AHPJudgement("a", "b", 4)]),
            .ahpContradictoryJudgements(complete[0], AHPJudgement("a", "b", 4)))
        XCTAssertEqual(error(complete + [AHPJudgement("c", "c", 1)]), .ahpSelfComparison(AHPJudgement("c", "c", 1)))
        XCTAssertEqual(
            error(complete + [AHPJudgement("a", "d", 2)]),
            .ahpUnknownCriterion(id: "d", judgement: AHPJudgement("a", "d", 2)))
        XCTAssertEqual(error([AHPJudgement("a", "b", 10)] + complete), .ahpValueOutOfScale(AHPJudgement("a", "b", 10)))
        XCTAssertEqual(error([AHPJudgement("a", "b", 0.1)] + complete), .ahpValueOutOfScale(AHPJudgement("a", "b", 0.1)))
        XCTAssertEqual(error([AHPJudgement("a", "b", 0)] + complete), .ahpValueOutOfScale(AHPJudgement("a", "b", 0)))
        XCTAssertEqual(error([AHPJudgement("a", "b", -3)] + complete), .ahpValueOutOfScale(AHPJudgement("a", "b", -3)))
        XCTAssertEqual(error([], criteria: []), .ahpNoCriteria)
        XCTAssertEqual(error([], criteria: ["a", "a"]), .ahpDuplicateCriterion("a"))
        XCTAssertEqual(
            mcdaError { try AHP.weights(criteria: ids, judgements: complete, maxCR: 0) }, .ahpInvalidLimit(0))
    }

    func testConsistentRepeatsAndRoundedReciprocalsAreAccepted() throws {
        // [b, a, 0.333] repeats [a, b, 3]; 0.111 is 1/9 as typed. Consistent matrix a:b:c = 9:3:1
        // → weights 9/13, 3/13, 1/13 by hand, CR ≈ 0.
        let given = [
            AHPJudgement("a", "b", 3), AHPJudgement("b", "a", 0.333), AHPJudgement("a", "b", 3),
            AHPJudgement("c", "a", 0.111), AHPJudgement("b", "c", 3),
        ]
        let result = try AHP.weights(criteria: ["a", "b", "c"], judgements: given)
        assertClose(result.weights, [9.0 / 13, 3.0 / 13, 1.0 / 13], accuracy: 1e-3)
        XCTAssertLessThan(result.cr, 0.01)
    }

    func testSaatyRounding() {
        XCTAssertEqual(AHP.roundToSaatyScale(1.1275), 1)
        XCTAssertEqual(AHP.roundToSaatyScale(2.6), 3)
        XCTAssertEqual(AHP.roundToSaatyScale(14), 9)
        XCTAssertEqual(AHP.roundToSaatyScale(1.0 / 4.4), 1.0 / 4)
        XCTAssertEqual(AHP.roundToSaatyScale(0.01), 1.0 / 9)
        XCTAssertEqual(AHP.formatSaaty(1.0 / 6), "1/6")
        XCTAssertEqual(AHP.formatSaaty(7), "7")
    }
}
