/// Errors of the sensitivity layer: a problem or a run parameter that cannot be analysed.
/// Each message says what is wrong and what to change.
public enum SensitivityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The model scores `modelCount` sites (or criteria) but `listed` ids were given.
    case countMismatch(what: String, listed: Int, modelCount: Int)
    /// A weight is negative, NaN or infinite, or all weights are 0.
    case invalidWeights([Double])
    /// A run parameter is outside its range.
    case invalidParameter(name: String, value: Double, expected: String)

    public var description: String {
        switch self {
        case .countMismatch(let what, let listed, let modelCount):
            "sensitivity: \(listed) \(what) ids given but the scoring model has \(modelCount) \(what); pass one id per \(what)"
        case .invalidWeights(let weights):
            "sensitivity: weights \(weights) are not usable; weights must be finite, ≥ 0 and not all 0"
        case .invalidParameter(let name, let value, let expected):
            "sensitivity: \(name) = \(value) is out of range; expected \(expected)"
        }
    }
}
