/// Several independent problems found in one pass (`RunOptions.collectsErrors`, used by `validate`): every
/// layer that cannot be read, every field that does not resolve — so a planner fixes them all at once instead of
/// one per run.
public struct ScoringErrors: Error, CustomStringConvertible, Sendable {
    /// The problems in a deterministic order (layers in scenario order, then fields in scenario order).
    public let errors: [any Error & Sendable]

    public var description: String { errors.map { "\($0)" }.joined(separator: "\n") }

    /// Throws nothing for no errors, the error itself for one, `ScoringErrors` for several.
    static func raise(_ errors: [any Error & Sendable]) throws {
        if errors.count == 1 { throw errors[0] }
        if errors.count > 1 { throw ScoringErrors(errors: errors) }
    }
}
