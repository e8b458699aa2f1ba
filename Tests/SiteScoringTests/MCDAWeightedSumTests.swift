import TestSupport
import XCTest

@testable import SiteScoring

final class MCDAWeightedSumTests: XCTestCase {
    func testScoresByHand() {
        let values = DecisionMatrix([[1.0, 0.5, 0.0], [0.0, 1.0, 1.0], [0.25, 0.0, 0.5]])
        let weights = [0.5, 0.3, 0.2]
        // 0.5·1 + 0.3·0.5 + 0.2·0 = 0.65; 0 + 0.3 + 0.2 = 0.5; 0.125 + 0 + 0.1 = 0.225.
        assertClose(WeightedSum.scores(values: values, weights: weights), [0.65, 0.5, 0.225], accuracy: 1e-15)
    }

    func testModelEqualsPlainRowSumsOnRandomMatrix() {
        var generator = SeededGenerator(seed: 42)
        let (rows, columns) = (257, 8)
        let values = (0..<(rows * columns)).map { _ in Double.random(in: 0...1, using: &generator) }
        let matrix = DecisionMatrix(rows: rows, columns: columns, values: values)
        let model = WeightedSumModel(values: matrix)
        for _ in 0..<5 {
            let raw = (0..<columns).map { _ in Double.random(in: 0...1, using: &generator) }
            let weights = raw.map { $0 / raw.reduce(0, +) }
            // Σⱼ wⱼ·vᵢⱼ row by row, in criterion order: the model must agree bit for bit.
            let expected = (0..<rows).map { i in
                (0..<columns).reduce(0.0) { $0 + weights[$1] * values[i * columns + $1] }
            }
            XCTAssertEqual(model.scores(weights: weights), expected)
        }
        XCTAssertEqual(model.alternativeCount, rows)
        XCTAssertEqual(model.criterionCount, columns)
    }

    func testEmptyShapes() {
        XCTAssertEqual(WeightedSumModel(values: DecisionMatrix(rows: 0, columns: 3, values: [])).scores(weights: [0.2, 0.3, 0.5]), [])
        XCTAssertEqual(WeightedSumModel(values: DecisionMatrix(rows: 2, columns: 0, values: [])).scores(weights: []), [0, 0])
    }
}
