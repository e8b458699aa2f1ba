/// Errors of the MCDA layer: invalid value-function parameters and unusable AHP judgements.
/// Each case carries what a planner needs to find and fix the problem in the scenario file.
public enum MCDAError: Error, Hashable, Sendable, CustomStringConvertible {
    // MARK: Value functions

    /// A parameter that must be a finite number is NaN or infinite.
    case nonFiniteParameter(function: String, parameter: String)
    /// `linear: [a, b]` with `a == b` has no range to interpolate over.
    case emptyLinearRange(a: Double, b: Double)
    /// `gaussian` needs a width greater than 0.
    case nonPositiveGaussianWidth(Double)
    /// `piecewise` needs at least one point.
    case emptyPiecewise
    /// `piecewise` points must be sorted by x, strictly increasing; `index` is the first offending point (0-based).
    case piecewiseNotIncreasing(index: Int, x: Double, previousX: Double)
    /// A `piecewise` point's value is outside [0, 1].
    case piecewiseValueOutOfRange(index: Int, value: Double)
    /// A `categories` value (or the default) is outside [0, 1]; `category` is nil for the default.
    case categoryValueOutOfRange(category: String?, value: Double)
    /// A `categories` function was applied to numbers, or a numeric function to text.
    case valueKindMismatch(function: String, expected: String)

    // MARK: AHP

    /// AHP needs at least one criterion.
    case ahpNoCriteria
    /// The same criterion id is listed twice.
    case ahpDuplicateCriterion(String)
    /// A judgement names a criterion that is not in the list.
    case ahpUnknownCriterion(id: String, judgement: AHPJudgement)
    /// A criterion compared with itself.
    case ahpSelfComparison(AHPJudgement)
    /// A judgement value that is not a finite number in [1/9, 9] (Saaty's scale).
    case ahpValueOutOfScale(AHPJudgement)
    /// The same pair judged twice with different values (also as `[b, a, 1/v]`).
    case ahpContradictoryJudgements(AHPJudgement, AHPJudgement)
    /// A pair of criteria without a judgement.
    case ahpMissingJudgement(String, String)
    /// The consistency ratio exceeds the limit. `judgement` is the most inconsistent one as given;
    /// `consistentValue` (= wₐ/w_b) would make it agree with the derived weights, `suggestedValue` is
    /// that value rounded to Saaty's scale.
    case ahpInconsistent(cr: Double, limit: Double, judgement: AHPJudgement, consistentValue: Double, suggestedValue: Double)
    /// A group AHP without any expert.
    case ahpNoExperts
    /// An error in one expert's judgements of a group AHP (`index` is 0-based).
    indirect case ahpExpert(index: Int, error: MCDAError)
    /// An invalid consistency limit (must be a positive number).
    case ahpInvalidLimit(Double)

    // MARK: Aggregation

    /// A pairwise method (PROMETHEE II) refused because it would compare too many alternatives.
    case tooManyAlternatives(method: String, count: Int, limit: Int)

    public var description: String {
        switch self {
        case .tooManyAlternatives(let method, let count, let limit):
            "\(method) compares every pair of sites (O(n²) time); \(count) eligible sites exceed its limit of \(limit): use wsm, topsis or vikor, tighten the constraints, or raise 'promethee: {max_sites: …}' knowing it takes about (n/10,000)² × 0.5 s per criterion"
        case .nonFiniteParameter(let function, let parameter):
            "value function \(function): \(parameter) must be a finite number"
        case .emptyLinearRange(let a, let b):
            "value function linear: [\(a), \(b)] needs two different ends"
        case .nonPositiveGaussianWidth(let width):
            "value function gaussian: width must be greater than 0, got \(width)"
        case .emptyPiecewise:
            "value function piecewise: needs at least one [x, v] point"
        case .piecewiseNotIncreasing(let index, let x, let previousX):
            "value function piecewise: point \(index + 1) has x = \(x), not greater than the previous x = \(previousX); sort the points by x without repeats"
        case .piecewiseValueOutOfRange(let index, let value):
            "value function piecewise: point \(index + 1) has value \(value), outside [0, 1]"
        case .categoryValueOutOfRange(let category, let value):
            if let category {
                "value function categories: '\(category)' has value \(value), outside [0, 1]"
            } else {
                "value function categories: default \(value) is outside [0, 1]"
            }
        case .valueKindMismatch(let function, let expected):
            "value function \(function) needs \(expected) values"
        case .ahpNoCriteria:
            "AHP: no criteria to compare"
        case .ahpDuplicateCriterion(let id):
            "AHP: criterion '\(id)' is listed twice"
        case .ahpUnknownCriterion(let id, let judgement):
            "AHP: judgement \(judgement) names unknown criterion '\(id)'"
        case .ahpSelfComparison(let judgement):
            "AHP: judgement \(judgement) compares a criterion with itself"
        case .ahpValueOutOfScale(let judgement):
            "AHP: judgement \(judgement) is outside Saaty's scale 1/9 … 9"
        case .ahpContradictoryJudgements(let first, let second):
            "AHP: judgements \(first) and \(second) contradict each other; keep one"
        case .ahpMissingJudgement(let a, let b):
            "AHP: no judgement for the pair [\(a), \(b)]; give one for every pair of criteria"
        case .ahpInconsistent(let cr, let limit, let judgement, let consistentValue, let suggestedValue):
            "AHP: consistency ratio \(Self.format(cr)) exceeds \(Self.format(limit)); the most inconsistent judgement is \(judgement): "
                + "a value of \(AHP.formatSaaty(suggestedValue)) (exactly \(Self.format(consistentValue))) would agree with the other judgements"
        case .ahpNoExperts:
            "AHP group: no expert judgements"
        case .ahpExpert(let index, let error):
            "expert \(index + 1): \(error)"
        case .ahpInvalidLimit(let limit):
            "AHP: the consistency limit must be a positive number, got \(limit)"
        }
    }

    private static func format(_ x: Double) -> String {
        (x * 1000).rounded() == x * 1000 ? String(x) : String((x * 1000).rounded() / 1000)
    }
}
