/// Whether larger (benefit) or smaller (cost) raw values are better.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case benefit
    case cost
}

/// A dense alternatives × criteria matrix of numbers, row-major (one row per site).
/// MCDA code works on this and knows nothing of geometry.
public struct DecisionMatrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major values: `values[row * columns + column]`.
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "DecisionMatrix: values.count must be rows × columns")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from an array of rows (all of equal length).
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        self.init(rows: rowArrays.count, columns: columns, values: rowArrays.flatMap { $0 })
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One column as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + j] }
    }
}

/// An aggregation method prepared for one decision problem, so that only the weights change between calls:
/// the spatial criteria and the normalisation are computed once, then sensitivity analyses call
/// `scores(weights:into:)` thousands of times.
public protocol ScoringModel: Sendable {
    /// Number of alternatives (sites).
    var alternativeCount: Int { get }
    /// Number of criteria (weights).
    var criterionCount: Int { get }
    /// Writes one score per alternative for the given weights (summing to 1) into `scores`
    /// (which has `alternativeCount` elements). Higher is better.
    func scores(weights: UnsafeBufferPointer<Double>, into scores: UnsafeMutableBufferPointer<Double>)
}

extension ScoringModel {
    /// Convenience: the scores for `weights` as a new array.
    public func scores(weights: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: alternativeCount)
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { scores(weights: w, into: $0) }
        }
        return out
    }
}
