extension ValueFunction {
    /// Checks the parameters: finite numbers, `a ≠ b`, width > 0, piecewise x strictly increasing,
    /// piecewise and category values in [0, 1].
    /// - Throws: ``MCDAError``.
    public func validate() throws {
        switch self {
        case .minMax:
            return
        case .linear(let a, let b):
            try Self.requireFinite(a, "a", in: name)
            try Self.requireFinite(b, "b", in: name)
            guard a != b else { throw MCDAError.emptyLinearRange(a: a, b: b) }
        case .threshold(let t):
            try Self.requireFinite(t, "t", in: name)
        case .piecewise(let points):
            guard !points.isEmpty else { throw MCDAError.emptyPiecewise }
            for (index, point) in points.enumerated() {
                try Self.requireFinite(point.x, "x of point \(index + 1)", in: name)
                guard point.v >= 0, point.v <= 1 else {
                    throw MCDAError.piecewiseValueOutOfRange(index: index, value: point.v)
                }
                if index > 0, !(point.x > points[index - 1].x) {
                    throw MCDAError.piecewiseNotIncreasing(index: index, x: point.x, previousX: points[index - 1].x)
                }
            }
        case .categories(let map, let defaultValue):
            // Sorted so that the reported category does not depend on dictionary order.
            for (category, value) in map.sorted(by: { $0.key < $1.key }) where !(value >= 0 && value <= 1) {
                throw MCDAError.categoryValueOutOfRange(category: category, value: value)
            }
            guard defaultValue >= 0, defaultValue <= 1 else {
                throw MCDAError.categoryValueOutOfRange(category: nil, value: defaultValue)
            }
        case .gaussian(let ideal, let width):
            try Self.requireFinite(ideal, "ideal", in: name)
            guard width > 0 else { throw MCDAError.nonPositiveGaussianWidth(width) }
            try Self.requireFinite(width, "width", in: name)
        }
    }

    private static func requireFinite(_ x: Double, _ parameter: String, in function: String) throws {
        guard x.isFinite else { throw MCDAError.nonFiniteParameter(function: function, parameter: parameter) }
    }
}
