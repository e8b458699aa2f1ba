/// One pairwise judgement `[a, b, value]` on Saaty's 1–9 scale: how much more important criterion `a` is than `b`
/// (3 = moderately, 5 = strongly, 7 = very strongly, 9 = extremely; reciprocals for the reverse).
public struct AHPJudgement: Hashable, Sendable, CustomStringConvertible {
    public var a: String
    public var b: String
    public var value: Double

    public init(_ a: String, _ b: String, _ value: Double) {
        self.a = a
        self.b = b
        self.value = value
    }

    /// As written in the scenario file: `[a, b, 3]`.
    public var description: String { "[\(a), \(b), \(AHP.formatSaaty(value))]" }
}

/// How AHP derives weights from the pairwise matrix.
public enum AHPMethod: String, Hashable, Sendable, CaseIterable {
    /// The principal right eigenvector, normalised to sum 1 (Saaty 1980).
    case eigenvector
    /// The normalised geometric means of the rows (Crawford & Williams 1985, logarithmic least squares).
    case geometricMean = "geometric_mean"
}
