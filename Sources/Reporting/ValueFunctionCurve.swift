import Foundation
import SiteScoring

/// A value function drawn as a small inline SVG: raw value (x) against value v ∈ [0, 1] (y), over the range
/// of the function's own parameters and the bulk of the eligible sites' values, with a tick per site along the
/// x axis.
/// Categories and inside/outside are drawn as bars (with the number of ranked sites in each).
struct ValueFunctionCurve {
    let criterion: Criterion
    /// The eligible sites' raw values (numeric criteria) or texts (categories).
    let observed: [Double]
    let observedText: [String]
    let wording: CriterionWording

    static let width = 180.0
    static let plotHeight = 56.0

    func svg() -> String {
        let function = criterion.value ?? .minMax
        if case .categories(let map, let d) = function { return categories(map, default: d) }
        let finite = observed.filter(\.isFinite)
        if case .inside = criterion.kind {
            // Two outcomes only: a bar each, as for categories.
            let lo = finite.min() ?? 0, hi = finite.max() ?? 1
            let yes = value(function, at: 1, lo: lo, hi: hi), no = value(function, at: 0, lo: lo, hi: hi)
            return bars([(wording.raw(1, criterion), yes, finite.filter { $0 >= 0.5 }.count),
                         (wording.raw(0, criterion), no, finite.filter { $0 < 0.5 }.count)])
        }
        // The x range: the function's own parameters and the bulk of the data (2nd to 98th percentile, so one
        // city of 3.7 million does not squash the curve); sites beyond it are ticked at the edge.
        let sorted = finite.sorted()
        let hasParameters: Bool
        switch function {
        case .minMax: hasParameters = false
        default: hasParameters = true
        }
        var lo = sorted.first ?? 0, hi = sorted.last ?? 1
        if hasParameters, sorted.count >= 50 {
            lo = sorted[sorted.count * 2 / 100]
            hi = sorted[sorted.count * 98 / 100]
        }
        switch function {
        case .linear(let a, let b): lo = min(lo, a, b); hi = max(hi, a, b)
        case .threshold(let t): lo = min(lo, t); hi = max(hi, t)
        case .piecewise(let ps): lo = min(lo, ps.first?.x ?? lo); hi = max(hi, ps.last?.x ?? hi)
        case .gaussian(let ideal, let w): lo = min(lo, ideal - 3 * w); hi = max(hi, ideal + 3 * w)
        default: break
        }
        if !(hi > lo) { hi = lo + 1 }
        let left = 22.0, right = Self.width - 6, top = 6.0, bottom = top + Self.plotHeight
        func px(_ x: Double) -> Double { left + (x - lo) / (hi - lo) * (right - left) }
        func py(_ v: Double) -> Double { bottom - v * (bottom - top) }

        var points: [(Double, Double)] = []
        let n = 120
        for i in 0...n {
            let x = lo + (hi - lo) * Double(i) / Double(n)
            points.append((x, value(function, at: x, lo: finite.min() ?? lo, hi: finite.max() ?? hi)))
        }
        // Exact corners of piecewise and threshold functions.
        if case .piecewise(let ps) = function { points += ps.map { ($0.x, $0.v) }; points.sort { $0.0 < $1.0 } }
        if case .threshold(let t) = function {
            let below = criterion.direction == .benefit ? 0.0 : 1.0
            points = [(lo, below), (t, below), (t, 1 - below), (hi, 1 - below)]
        }
        var svg = "<svg class=\"vf\" viewBox=\"0 0 \(HTML.n(Self.width)) \(HTML.n(bottom + 18))\" width=\"\(HTML.n(Self.width))\" height=\"\(HTML.n(bottom + 18))\" role=\"img\" aria-label=\"\(HTML.escape(wording.valueFunction(criterion)))\">"
        svg += "<path d=\"M\(HTML.n(left)) \(HTML.n(top))V\(HTML.n(bottom))H\(HTML.n(right))\" fill=\"none\" stroke=\"#888\" stroke-width=\"0.8\"/>"
        svg += "<path d=\"M\(HTML.n(left)) \(HTML.n(top))H\(HTML.n(right))\" stroke=\"#ddd\" stroke-width=\"0.6\"/>"
        svg += "<text x=\"\(HTML.n(left - 3))\" y=\"\(HTML.n(top + 3))\" class=\"ax\" text-anchor=\"end\">1</text>"
        svg += "<text x=\"\(HTML.n(left - 3))\" y=\"\(HTML.n(bottom))\" class=\"ax\" text-anchor=\"end\">0</text>"
        let d = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(HTML.n(px($0.element.0))) \(HTML.n(py($0.element.1)))" }.joined()
        svg += "<path d=\"\(d)\" fill=\"none\" stroke=\"#2c7fb8\" stroke-width=\"1.8\" stroke-linejoin=\"round\"/>"
        // One tick per distinct observed value (at most 400, so 11,001 sites stay small).
        let ticks = Array(Set(finite.map { (px(min(max($0, lo), hi)) * 2).rounded() / 2 })).sorted().prefix(400)
        if !ticks.isEmpty {
            svg += "<path d=\"" + ticks.map { "M\(HTML.n($0)) \(HTML.n(bottom))v-4" }.joined() + "\" stroke=\"#e6550d\" stroke-width=\"0.8\" stroke-opacity=\"0.6\"/>"
        }
        svg += "<text x=\"\(HTML.n(left))\" y=\"\(HTML.n(bottom + 13))\" class=\"ax\">\(HTML.escape(wording.raw(lo, criterion)))</text>"
        svg += "<text x=\"\(HTML.n(right))\" y=\"\(HTML.n(bottom + 13))\" class=\"ax\" text-anchor=\"end\">\(HTML.escape(wording.raw(hi, criterion)))</text>"
        return svg + "</svg>"
    }

    private func value(_ f: ValueFunction, at x: Double, lo: Double, hi: Double) -> Double {
        switch f {
        case .minMax:
            guard hi > lo else { return 1 }
            let t = min(max((x - lo) / (hi - lo), 0), 1)
            return criterion.direction == .benefit ? t : 1 - t
        default:
            return (try? f.values(for: [x], direction: criterion.direction).first) ?? .nan
        }
    }

    private func categories(_ map: [String: Double], default d: Double) -> String {
        let counts = Dictionary(observedText.map { ($0, 1) }, uniquingKeysWith: +)
        var items = map.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value, counts[$0.key] ?? 0) }
        items.append((wording.language.pick("other", "andere"), d, observedText.filter { map[$0] == nil }.count))
        return bars(items)
    }

    /// One bar per outcome: its name, its value v and how many ranked sites have it.
    private func bars(_ items: [(String, Double, Int)]) -> String {
        let row = 13.0, labelWidth = 92.0, barWidth = Self.width - labelWidth - 52
        var svg = "<svg class=\"vf\" viewBox=\"0 0 \(HTML.n(Self.width)) \(HTML.n(Double(items.count) * row + 4))\" width=\"\(HTML.n(Self.width))\" height=\"\(HTML.n(Double(items.count) * row + 4))\" role=\"img\" aria-label=\"\(HTML.escape(wording.valueFunction(criterion)))\">"
        for (i, (name, v, n)) in items.enumerated() {
            let y = 2 + Double(i) * row
            let shown = name.count > 17 ? String(name.prefix(16)) + "…" : name
            svg += "<text x=\"\(HTML.n(labelWidth - 3))\" y=\"\(HTML.n(y + 9))\" class=\"ax\" text-anchor=\"end\">\(HTML.escape(shown))</text>"
            svg += "<rect x=\"\(HTML.n(labelWidth))\" y=\"\(HTML.n(y + 2))\" width=\"\(HTML.n(max(0.5, v * barWidth)))\" height=\"8\" fill=\"#2c7fb8\"/>"
            svg += "<text x=\"\(HTML.n(labelWidth + v * barWidth + 3))\" y=\"\(HTML.n(y + 9))\" class=\"ax\">\(HTML.escape(wording.numbers.decimal(v, digits: 1)))\(n > 0 ? " (\(n))" : "")</text>"
        }
        return svg + "</svg>"
    }
}
