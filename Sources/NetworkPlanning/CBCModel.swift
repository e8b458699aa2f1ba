import Dispatch
import CCBC

/// One COIN-OR CBC model (`Cbc_Model*`, from `Cbc_C_Interface.h`), owned by this object: created with
/// `Cbc_newModel`, freed with `Cbc_deleteModel` in `deinit`. Not `Sendable` — CBC models are not
/// thread-safe; each solve builds its own. Logging is off (`Cbc_setLogLevel(0)`); CBC runs single-threaded
/// so runs are reproducible; CBC's MIP preprocessing is off (see `init`).
final class CBCModel {
    private let cbc: CBCFunctions
    private let model: UnsafeMutableRawPointer
    private var timeLimit = Double.infinity

    /// The outcome of `solve()`.
    struct Outcome {
        /// The best integer solution found (nil when none was found).
        var solution: [Double]?
        /// Its objective value (minimisation form).
        var objective: Double
        /// The best bound on the optimum (minimisation form: ≤ every feasible value).
        var bound: Double
        var provenOptimal: Bool
        var provenInfeasible: Bool
        /// CBC's own flag, or the wall clock past the limit: when the limit strikes inside the root LP,
        /// CBC 2.10 reports neither a solution nor the limit, and may even claim infeasibility.
        var timeLimitReached: Bool
        var nodes: Int
    }

    /// Loads `program` (`Cbc_loadProblem`, then `Cbc_setInteger` per integer column).
    /// - Throws: ``PlanningError/Reason/solverUnavailable(detail:)`` when CBC cannot be loaded.
    init(_ program: LinearProgram) throws(PlanningError) {
        cbc = try CBCRuntime.functions()
        // Only fails when out of memory, which Swift treats as fatal everywhere else too.
        guard let created = cbc.Cbc_newModel() else { fatalError("Cbc_newModel returned NULL (out of memory)") }
        model = created
        cbc.Cbc_setLogLevel(model, 0)
        let n = program.columnCount
        // Column-major (CSC) matrix from the row entries, rows ascending within each column.
        var starts = [CoinBigIndex](repeating: 0, count: n + 1)
        for e in program.entries { starts[Int(e.column) + 1] += 1 }
        for j in 0..<n { starts[j + 1] += starts[j] }
        var fill = starts.map(Int.init)
        var index = [Int32](repeating: 0, count: program.entries.count)
        var value = [Double](repeating: 0, count: program.entries.count)
        for e in program.entries {  // entries are appended row by row, so rows come out ascending
            let j = Int(e.column)
            index[fill[j]] = e.row
            value[fill[j]] = e.value
            fill[j] += 1
        }
        // CBC takes ±DBL_MAX, not infinities, for missing bounds.
        func finite(_ xs: [Double]) -> [Double] { xs.map { $0 == .infinity ? .greatestFiniteMagnitude : $0 == -.infinity ? -.greatestFiniteMagnitude : $0 } }
        cbc.Cbc_loadProblem(model, Int32(n), Int32(program.rowCount), starts, index, value,
                            finite(program.lower), finite(program.upper), program.objective,
                            finite(program.rowLower), finite(program.rowUpper))
        cbc.Cbc_setObjSense(model, 1)
        for (j, integer) in program.isInteger.enumerated() where integer { cbc.Cbc_setInteger(model, Int32(j)) }
    }

    deinit { cbc.Cbc_deleteModel(model) }

    /// Wall-clock limit (`Cbc_setMaximumSeconds`, and the `sec` / `timeMode elapsed` parameters CBC's own
    /// driver reads); the solve then stops with its best solution and bound. CBC does not interrupt the
    /// root LP relaxation: on ~150,000 assignment pairs that alone takes about a minute on 2 cores.
    func setTimeLimit(seconds: Double) {
        timeLimit = seconds
        cbc.Cbc_setMaximumSeconds(model, seconds)
        cbc.Cbc_setParameter(model, "sec", String(seconds))
        cbc.Cbc_setParameter(model, "timeMode", "elapsed")
    }

    /// Stop when the relative gap is at most this (`Cbc_setAllowableFractionGap`; default 0: prove optimality).
    func setRelativeGap(_ gap: Double) { cbc.Cbc_setAllowableFractionGap(model, gap) }

    /// Runs branch and cut (`Cbc_solve`) and reads the result (`Cbc_getColSolution`, `Cbc_getObjValue`,
    /// `Cbc_getBestPossibleObjValue`, `Cbc_isProvenOptimal`, `Cbc_isSecondsLimitReached`).
    func solve() -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        _ = cbc.Cbc_solve(model)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let n = Int(cbc.Cbc_getNumCols(model))
        var solution: [Double]?
        if cbc.Cbc_bestSolution(model) != nil, let p = cbc.Cbc_getColSolution(model) {
            solution = Array(UnsafeBufferPointer(start: p, count: n))
        }
        return Outcome(solution: solution,
                       objective: cbc.Cbc_getObjValue(model),
                       bound: cbc.Cbc_getBestPossibleObjValue(model),
                       provenOptimal: cbc.Cbc_isProvenOptimal(model) != 0,
                       provenInfeasible: cbc.Cbc_isProvenInfeasible(model) != 0 && elapsed < timeLimit,
                       timeLimitReached: cbc.Cbc_isSecondsLimitReached(model) != 0 || elapsed >= timeLimit,
                       nodes: Int(cbc.Cbc_getNodeCount(model)))
    }
}
