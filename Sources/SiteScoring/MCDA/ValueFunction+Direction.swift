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
