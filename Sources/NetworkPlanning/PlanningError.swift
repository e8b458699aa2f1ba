import Foundation

/// Why a plan cannot be made. The CLI prints `description` as one `error:` line; tests and exit codes use
/// `reason`.
public struct PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No eligible candidate sites.
        case noCandidates
        /// No demand points, or all weights are 0.
        case noDemand
        /// `count` is < 1 for mclp or pmedian.
        case countNotPositive(count: Int)
        /// `count` exceeds the number of candidates.
        case countExceedsCandidates(count: Int, candidates: Int)
        /// mclp and setcover need a positive radius.
        case missingRadius(model: PlanModel)
        /// A radius that is negative, zero (where required) or not finite.
        case invalidRadius(Double)
        /// setcover needs 0 < target ≤ 1.
        case invalidTarget(Double?)
        /// min_spacing must be finite and ≥ 0.
        case invalidMinSpacing(Double)
        /// The exact solver's time limit must be positive.
        case invalidTimeLimit(Double)
        /// A position that is not finite.
        case nonFinitePosition(kind: String, id: String)
        /// A demand weight that is negative or not finite.
        case invalidWeight(demandID: String, weight: Double)
        /// attractiveness `score` needs scores in [0, 1].
        case scoreOutOfRange(candidateID: String, score: Double)
        /// A budget that is negative or not finite.
        case invalidBudget(Double)
        /// With a budget every candidate needs a finite, non-negative cost.
        case missingCost(candidateID: String)
        /// per_unit must be positive and finite.
        case invalidPerUnit(Double)
        /// With capacities every candidate needs a finite, non-negative capacity.
        case missingCapacity(candidateID: String)
        /// An existing facility's capacity is negative or not finite.
        case invalidExistingCapacity(facilityID: String, capacity: Double)
        /// Capacities are supported for mclp and pmedian only.
        case capacityUnsupported(model: PlanModel)
        /// Capacitated p-median must assign all demand, but the capacity that can be opened falls short.
        case insufficientCapacity(totalDemand: Double, capacity: Double, shortfall: Double)
        /// setcover: even opening every allowed site covers less than the target.
        case targetUnreachable(target: Double, reachableShare: Double)
        /// No set of new sites satisfies count, min_spacing, budget (and, for setcover, the target) together.
        case infeasible
        /// The MILP solver failed (status text from CBC).
        case solverFailed(String)
        /// The exact solver's library (COIN-OR CBC) cannot be loaded; `detail` is the dynamic loader's reason.
        case solverUnavailable(detail: String)
    }

    public let reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// The scenario key the problem is about (`plan.count`, `plan.capacity.per_unit`, …), so the CLI can
    /// point at its line in the scenario file; nil when it is about the data or the solver run.
    public var key: String? {
        switch reason {
        case .countNotPositive, .countExceedsCandidates: return "plan.count"
        case .missingRadius, .invalidRadius: return "plan.radius"
        case .invalidTarget, .targetUnreachable: return "plan.target"
        case .invalidMinSpacing: return "plan.min_spacing"
        case .invalidTimeLimit: return "plan.time_limit"
        case .noDemand: return "plan.demand"
        case .invalidWeight: return "plan.demand.weight"
        case .scoreOutOfRange: return "plan.attractiveness"
        case .invalidBudget: return "plan.budget.limit"
        case .missingCost: return "plan.budget.cost"
        case .invalidPerUnit: return "plan.capacity.per_unit"
        case .missingCapacity: return "plan.capacity.field"
        case .invalidExistingCapacity: return "plan.capacity.existing_field"
        case .capacityUnsupported, .insufficientCapacity: return "plan.capacity"
        case .solverFailed, .solverUnavailable: return "plan.solver"
        case .noCandidates, .nonFinitePosition, .infeasible: return nil
        }
    }

    public var description: String {
        switch reason {
        case .noCandidates:
            return "plan: there are no eligible candidate sites; relax the constraints or check the candidates layer"
        case .noDemand:
            return "plan: there is no demand (no demand points, or all weights are 0); check plan.demand"
        case .countNotPositive(let count):
            return "plan: count is \(count); it must be at least 1"
        case .countExceedsCandidates(let count, let candidates):
            return "plan: count \(count) is larger than the \(candidates) eligible candidate sites; lower plan.count"
        case .missingRadius(let model):
            return "plan: model \(model.rawValue) needs a positive radius in metres (plan.radius)"
        case .invalidRadius(let r):
            return "plan: radius \(Self.number(r)) is not a positive number of metres"
        case .invalidTarget(let t):
            return "plan: setcover needs a target share with 0 < target ≤ 1, got \(t.map(Self.number) ?? "none")"
        case .invalidMinSpacing(let s):
            return "plan: min_spacing \(Self.number(s)) must be a number of metres ≥ 0"
        case .invalidTimeLimit(let t):
            return "plan: the solver time limit \(Self.number(t)) s must be positive"
        case .nonFinitePosition(let kind, let id):
            return "plan: \(kind) '\(id)' has no finite position"
        case .invalidWeight(let id, let w):
            return "plan: demand point '\(id)' has weight \(Self.number(w)); weights must be finite and ≥ 0"
        case .scoreOutOfRange(let id, let s):
            return "plan: attractiveness 'score' needs scores in [0, 1], but site '\(id)' has \(Self.number(s))"
        case .invalidBudget(let b):
            return "plan: budget limit \(Self.number(b)) must be finite and ≥ 0"
        case .missingCost(let id):
            return "plan: site '\(id)' has no valid cost, but plan.budget needs one for every site"
        case .invalidPerUnit(let p):
            return "plan: capacity per_unit \(Self.number(p)) must be positive"
        case .missingCapacity(let id):
            return "plan: site '\(id)' has no valid capacity, but plan.capacity needs one for every site"
        case .invalidExistingCapacity(let id, let c):
            return "plan: existing facility '\(id)' has capacity \(Self.number(c)); it must be finite and ≥ 0"
        case .capacityUnsupported(let model):
            return "plan: capacities are supported for mclp and pmedian, not \(model.rawValue)"
        case .insufficientCapacity(let total, let capacity, let shortfall):
            return "plan: capacitated pmedian must serve all \(Self.number(total)) demand units, but the sites that "
                + "can be opened serve at most \(Self.number(capacity)): \(Self.number(shortfall)) short; raise "
                + "plan.count or per_unit, or use mclp"
        case .targetUnreachable(let target, let share):
            return "plan: setcover target \(Self.number(target)) cannot be reached: all allowed sites together "
                + "cover \(Self.number(share)) of the demand; lower the target or raise the radius"
        case .infeasible:
            return "plan: no set of new sites satisfies count, min_spacing, budget and the target together; relax one of them"
        case .solverFailed(let status):
            return "plan: the exact solver (CBC) failed: \(status); try solver: heuristic"
        case .solverUnavailable(let detail):
            return "plan: the exact solver needs COIN-OR CBC, and \(detail); install it (Debian: apt-get install coinor-libcbc3), "
                + "set \(CBCRuntime.libraryVariable) to its path, or use solver: heuristic"
        }
    }

    static func number(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }
}
