/// A PROMETHEE generalised criterion: how strongly a difference d = f(a) − f(b) on the value scale [0, 1]
/// makes a preferred to b (Brans & Vincke 1985, types I–V). q is the indifference threshold, p the
/// preference threshold.
public enum PreferenceFunction: Sendable, Hashable {
    /// Type I: P = 1 for any d > 0.
    case usual
    /// Type II (quasi-criterion): P = 1 for d > q.
    case ushape(q: Double)
    /// Type III: P = d/p for 0 < d ≤ p, 1 beyond.
    case vshape(p: Double)
    /// Type IV: P = ½ for q < d ≤ p, 1 for d > p.
    case level(q: Double, p: Double)
    /// Type V (V-shape with indifference): P = (d − q)/(p − q) for q < d ≤ p, 1 beyond.
    case linear(q: Double, p: Double)

    /// The keywords a scenario uses (`promethee: {function: …}`).
    public static let keywords = ["usual", "ushape", "vshape", "level", "linear"]

    /// P(d) ∈ [0, 1]; 0 for d ≤ 0.
    @inline(__always)
    public func preference(_ d: Double) -> Double {
        guard d > 0 else { return 0 }
        switch self {
        case .usual: return 1
        case .ushape(let q): return d > q ? 1 : 0
        case .vshape(let p): return d >= p ? 1 : d / p
        case .level(let q, let p): return d > p ? 1 : (d > q ? 0.5 : 0)
        case .linear(let q, let p): return d > p ? 1 : (d > q ? (d - q) / (p - q) : 0)
        }
    }

    /// Why the thresholds are invalid, or nil: 0 ≤ q, 0 < p ≤ 1 on the value scale, and q < p where both apply.
    public var problem: String? {
        switch self {
        case .usual: return nil
        case .ushape(let q): return (0...1).contains(q) ? nil : "q must lie in [0, 1] (the value scale), not \(q)"
        case .vshape(let p): return p > 0 && p <= 1 ? nil : "p must lie in (0, 1] (the value scale), not \(p)"
        case .level(let q, let p), .linear(let q, let p):
            if !(q >= 0) { return "q must be 0 or more, not \(q)" }
            if !(p > q && p <= 1) { return "p must be greater than q (\(q)) and at most 1, not \(p)" }
            return nil
        }
    }

    /// The function's keyword.
    public var keyword: String {
        switch self {
        case .usual: "usual"
        case .ushape: "ushape"
        case .vshape: "vshape"
        case .level: "level"
        case .linear: "linear"
        }
    }
}

extension PreferenceFunction {
    /// The function as a scenario writes it (`vshape(p=0.3)`), for manifests and reports.
    public var specification: String {
        func f(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
        switch self {
        case .usual: return "usual"
        case .ushape(let q): return "ushape(q=\(f(q)))"
        case .vshape(let p): return "vshape(p=\(f(p)))"
        case .level(let q, let p): return "level(q=\(f(q)), p=\(f(p)))"
        case .linear(let q, let p): return "linear(q=\(f(q)), p=\(f(p)))"
        }
    }
}
