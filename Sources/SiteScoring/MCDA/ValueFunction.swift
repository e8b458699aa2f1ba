/// Maps a criterion's raw value x to a value v in [0, 1] (higher is better).
///
/// Cases follow the scenario file's `value:` key (issue 3). Build freely, then call ``validate()``
/// (the `values` methods validate too).
public enum ValueFunction: Hashable, Sendable {
    /// Min–max over the given (eligible) sites: benefit (x − min)/(max − min), cost (max − x)/(max − min);
    /// 1 for every site when max == min. The default.
    case minMax
    /// Benefit: clamp((x − a)/(b − a), 0, 1); cost: 1 − that.
    case linear(a: Double, b: Double)
    /// Benefit: 1 if x ≥ t else 0; cost: 1 if x ≤ t else 0.
    case threshold(Double)
    /// Linear interpolation between points sorted by x (strictly increasing), constant beyond the ends.
    /// Direction is ignored.
    case piecewise([Point])
    /// A value per text category, `default` for a text not in the map. Direction is ignored.
    case categories([String: Double], default: Double)
    /// exp(−(x − ideal)² / (2·width²)). Direction is ignored.
    case gaussian(ideal: Double, width: Double)

    /// One point `[x, v]` of a piecewise-linear value function.
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var v: Double
        public init(x: Double, v: Double) {
            self.x = x
            self.v = v
        }
    }

    /// The name used in the scenario file.
    public var name: String {
        switch self {
        case .minMax: "min_max"
        case .linear: "linear"
        case .threshold: "threshold"
        case .piecewise: "piecewise"
        case .categories: "categories"
        case .gaussian: "gaussian"
        }
    }

    /// Whether the function reads text values (`categories`) rather than numbers.
    public var isCategorical: Bool {
        if case .categories = self { return true }
        return false
    }
}
