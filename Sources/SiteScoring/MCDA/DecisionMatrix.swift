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
