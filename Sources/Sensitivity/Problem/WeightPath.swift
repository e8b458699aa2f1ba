/// The one-at-a-time weight path for criterion `criterion`: wᵢ = t and the other weights keep their ratios,
/// rescaled to sum 1 − t. When all other weights are 0 the remainder 1 − t is shared equally among them.
///
/// w(t) = t·eᵢ + (1 − t)·r, with r the rescaled "rest" vector, so w is affine in t.
public struct WeightPath: Sendable, Hashable {
    public let criterion: Int
    /// The swept criterion's current weight (t at the scenario).
    public let current: Double
    /// The direction of the other weights: rᵢ = 0, Σ r = 1 (all 0 when there is a single criterion).
    let rest: [Double]

    public init(weights: [Double], criterion: Int) {
        self.criterion = criterion
        current = weights[criterion]
        let others = weights.indices.filter { $0 != criterion }
        let sum = others.reduce(0.0) { $0 + weights[$1] }
        var rest = [Double](repeating: 0, count: weights.count)
        for j in others {
            rest[j] = sum > 0 ? weights[j] / sum : 1 / Double(others.count)
        }
        self.rest = rest
    }

    /// The weight vector at wᵢ = t. With a single criterion the weight stays 1.
    public func weights(at t: Double) -> [Double] {
        if rest.count == 1 { return [1] }
        var w = rest.map { $0 * (1 - t) }
        w[criterion] = t
        return w
    }
}
