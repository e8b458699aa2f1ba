import CCBC
import GeoCore

/// The part of COIN-OR CBC's C interface (`Cbc_C_Interface.h`) the exact solver calls, resolved from
/// `libCbcSolver` when a plan is first solved exactly (``CBCRuntime``), not linked: only `plan` with
/// `solver: exact` needs CBC, and linking it made every run load its dozen libraries (CBC, CLP, CGL, OSI,
/// CoinUtils, LAPACK, BLAS, gfortran; ≈ 5 ms of start-up, issue 15). The model handle (`Cbc_Model *`) is
/// the raw pointer Swift imports it as; call sites read like the C API: `cbc.Cbc_solve(model)`.
struct CBCFunctions: Sendable {
    let Cbc_bestSolution: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Double>?
    let Cbc_deleteModel: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let Cbc_getBestPossibleObjValue: @convention(c) (UnsafeMutableRawPointer?) -> Double
    let Cbc_getColSolution: @convention(c) (UnsafeMutableRawPointer?) -> UnsafePointer<Double>?
    let Cbc_getNodeCount: @convention(c) (UnsafeMutableRawPointer?) -> Int32
    let Cbc_getNumCols: @convention(c) (UnsafeMutableRawPointer?) -> Int32
    let Cbc_getObjValue: @convention(c) (UnsafeMutableRawPointer?) -> Double
    let Cbc_isProvenInfeasible: @convention(c) (UnsafeMutableRawPointer?) -> Int32
    let Cbc_isProvenOptimal: @convention(c) (UnsafeMutableRawPointer?) -> Int32
    let Cbc_isSecondsLimitReached: @convention(c) (UnsafeMutableRawPointer?) -> Int32
    let Cbc_loadProblem: @convention(c) (UnsafeMutableRawPointer?, Int32, Int32, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?) -> Void
    let Cbc_newModel: @convention(c) () -> UnsafeMutableRawPointer?
    let Cbc_setAllowableFractionGap: @convention(c) (UnsafeMutableRawPointer?, Double) -> Void
    let Cbc_setInteger: @convention(c) (UnsafeMutableRawPointer?, Int32) -> Void
    let Cbc_setLogLevel: @convention(c) (UnsafeMutableRawPointer?, Int32) -> Void
    let Cbc_setMaximumSeconds: @convention(c) (UnsafeMutableRawPointer?, Double) -> Void
    let Cbc_setObjSense: @convention(c) (UnsafeMutableRawPointer?, Double) -> Void
    let Cbc_setParameter: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void
    let Cbc_solve: @convention(c) (UnsafeMutableRawPointer?) -> Int32

    /// Resolves every function from `library`; fails on the first one it lacks.
    init(_ library: DynamicLibrary) throws(DynamicLibrary.LoadError) {
        Cbc_bestSolution = try library.function("Cbc_bestSolution")
        Cbc_deleteModel = try library.function("Cbc_deleteModel")
        Cbc_getBestPossibleObjValue = try library.function("Cbc_getBestPossibleObjValue")
        Cbc_getColSolution = try library.function("Cbc_getColSolution")
        Cbc_getNodeCount = try library.function("Cbc_getNodeCount")
        Cbc_getNumCols = try library.function("Cbc_getNumCols")
        Cbc_getObjValue = try library.function("Cbc_getObjValue")
        Cbc_isProvenInfeasible = try library.function("Cbc_isProvenInfeasible")
        Cbc_isProvenOptimal = try library.function("Cbc_isProvenOptimal")
        Cbc_isSecondsLimitReached = try library.function("Cbc_isSecondsLimitReached")
        Cbc_loadProblem = try library.function("Cbc_loadProblem")
        Cbc_newModel = try library.function("Cbc_newModel")
        Cbc_setAllowableFractionGap = try library.function("Cbc_setAllowableFractionGap")
        Cbc_setInteger = try library.function("Cbc_setInteger")
        Cbc_setLogLevel = try library.function("Cbc_setLogLevel")
        Cbc_setMaximumSeconds = try library.function("Cbc_setMaximumSeconds")
        Cbc_setObjSense = try library.function("Cbc_setObjSense")
        Cbc_setParameter = try library.function("Cbc_setParameter")
        Cbc_solve = try library.function("Cbc_solve")
    }
}
