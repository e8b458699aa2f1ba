/// Small helpers for writing plain SVG and CSV text without dependencies.
enum SVGText {
    /// Escapes text for XML content and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals (enough for pixels), no trailing zeros.
    static func px(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return number(r)
    }

    /// The shortest decimal text of `x` that reads back as `x`; integers without ".0".
    static func number(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// "Nice" axis ticks (1, 2, 5 × 10ⁿ steps) from 0 to at least `maximum`.
    static func ticks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let raw = maximum / Double(count)
        var p = 1.0
        while p * 10 <= raw { p *= 10 }
        while p > raw { p /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * p }.first { $0 >= raw } ?? 10 * p
        var out: [Double] = []
        var v = 0.0
        while v < maximum + step * 0.999 { out.append(v); v += step }
        return out
    }
}
