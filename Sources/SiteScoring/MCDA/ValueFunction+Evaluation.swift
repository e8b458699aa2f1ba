import Foundation

extension ValueFunction {
    /// The values v ∈ [0, 1] of a numeric column (the eligible sites only: `minMax` takes its range from `raw`).
    /// - Throws: ``MCDAError`` for invalid parameters, or `valueKindMismatch` for `categories`.
    public func values(for raw: [Double], direction: Direction) throws -> [Double] {
        try validate()
        switch self {
        case .minMax:
            guard let lo = raw.min(), let hi = raw.max() else { return [] }
            guard hi > lo else { return [Double](repeating: 1, count: raw.count) }
            // For columns whose range exceeds Double's (e.g. ±1e308) hi − lo overflows to infinity and every
            // value would become 0 or NaN; halving both sides first keeps the same ratios finite.
            let scale = (hi - lo).isFinite ? 1.0 : 0.5
            let span = hi * scale - lo * scale
            return switch direction {
            case .benefit: raw.map { ($0 * scale - lo * scale) / span }
            case .cost: raw.map { (hi * scale - $0 * scale) / span }
            }
        case .categories:
            throw MCDAError.valueKindMismatch(function: name, expected: "text")
        default:
            return raw.map { value(at: $0, direction: direction) }
        }
    }

    /// The values v ∈ [0, 1] of a text column (`categories` only; direction is ignored).
    /// - Throws: ``MCDAError`` for invalid parameters, or `valueKindMismatch` for a numeric function.
    public func values(forText raw: [String]) throws -> [Double] {
        try validate()
        guard case .categories(let map, let defaultValue) = self else {
            throw MCDAError.valueKindMismatch(function: name, expected: "numeric")
        }
        return raw.map { map[$0] ?? defaultValue }
    }

    /// v for one raw value of a function that does not depend on the other sites
    /// (not `minMax`, not `categories`). Assumes validated parameters.
    func value(at x: Double, direction: Direction) -> Double {
        switch self {
        case .linear(let a, let b):
            let benefit = min(max((x - a) / (b - a), 0), 1)
            return direction == .benefit ? benefit : 1 - benefit
        case .threshold(let t):
            return switch direction {
            case .benefit: x >= t ? 1 : 0
            case .cost: x <= t ? 1 : 0
            }
        case .piecewise(let points):
            return Self.interpolate(points, at: x)
        case .gaussian(let ideal, let width):
            let d = x - ideal
            return exp(-(d * d) / (2 * width * width))
        case .minMax, .categories:
            preconditionFailure("ValueFunction.value(at:) needs a column-free numeric function")
        }
    }

    private static func interpolate(_ points: [Point], at x: Double) -> Double {
        if x.isNaN { return .nan }
        guard let first = points.first, let last = points.last else { return .nan }
        if x <= first.x { return first.v }
        if x >= last.x { return last.v }
        // First point with p.x ≥ x (binary search: points are strictly increasing).
        var lo = 1, hi = points.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].x < x { lo = mid + 1 } else { hi = mid }
        }
        let p1 = points[lo], p0 = points[lo - 1]
        if x == p1.x { return p1.v }
        return p0.v + (p1.v - p0.v) * (x - p0.x) / (p1.x - p0.x)
    }
}
