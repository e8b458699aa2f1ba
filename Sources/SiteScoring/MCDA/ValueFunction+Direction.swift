extension ValueFunction {
    /// Whether the function maps raw values without regard to the criterion's direction
    /// (piecewise, categories and gaussian define the value curve themselves).
    public var ignoresDirection: Bool {
        switch self {
        case .piecewise, .categories, .gaussian: true
        case .minMax, .linear, .threshold: false
        }
    }
}

extension ValueFunction {
    /// Why an explicit `direction:` contradicts this curve, or nil. A curve that defines its own values
    /// (piecewise, categories, gaussian) already says which raw values are better; a `direction` that says
    /// otherwise would be silently ignored, and a `linear` range written from high to low with `cost` would be
    /// flipped twice — both are planner mistakes, not preferences.
    public func conflict(with direction: Direction) -> String? {
        switch self {
        case .piecewise(let points):
            guard let first = points.first, let last = points.last, first.v != last.v else { return nil }
            let rises = last.v > first.v
            guard rises != (direction == .benefit) else { return nil }
            return "direction: \(direction.rawValue), but the piecewise curve \(rises ? "rises" : "falls") (v \(Self.short(first.v)) at \(Self.short(first.x)) → \(Self.short(last.v)) at \(Self.short(last.x))), so it already rates \(rises ? "larger" : "smaller") values better; remove 'direction:' (the curve decides) or reverse the curve's values"
        case .categories, .gaussian:
            guard direction == .cost else { return nil }
            return "direction: cost does not apply to a \(isCategorical ? "categories" : "gaussian") value function, which gives each value its own score; remove 'direction:'"
        case .linear(let a, let b) where a > b && direction == .cost:
            return "linear: [\(Self.short(a)), \(Self.short(b))] already runs from high to low, and direction: cost would flip it a second time; write [\(Self.short(b)), \(Self.short(a))] with direction: cost, or keep [\(Self.short(a)), \(Self.short(b))] with direction: benefit"
        default:
            return nil
        }
    }

    private static func short(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
