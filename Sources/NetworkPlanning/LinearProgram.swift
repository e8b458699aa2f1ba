/// A mixed-integer linear program in minimisation form, built column by column and row by row, then handed
/// to `CBCModel` in one `Cbc_loadProblem` call.
struct LinearProgram {
    var lower: [Double] = []
    var upper: [Double] = []
    var objective: [Double] = []
    var isInteger: [Bool] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    /// Row entries as (row, column, coefficient), turned into column-major order on load.
    var entries: [(row: Int32, column: Int32, value: Double)] = []

    var columnCount: Int { lower.count }
    var rowCount: Int { rowLower.count }

    /// Adds a column; returns its index.
    mutating func addColumn(lower: Double, upper: Double, objective: Double, integer: Bool = false) -> Int {
        self.lower.append(lower)
        self.upper.append(upper)
        self.objective.append(objective)
        isInteger.append(integer)
        return self.lower.count - 1
    }

    /// Adds the row `lower ≤ Σ coefficient·column ≤ upper`.
    mutating func addRow(_ terms: [(Int, Double)], lower: Double = -.infinity, upper: Double = .infinity) {
        let r = Int32(rowLower.count)
        rowLower.append(lower)
        rowUpper.append(upper)
        for (c, v) in terms where v != 0 { entries.append((r, Int32(c), v)) }
    }
}
