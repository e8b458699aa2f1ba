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
