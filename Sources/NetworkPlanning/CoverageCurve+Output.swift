extension CoverageCurve {
    /// The curve as CSV: `k,objective,coverage_share,marginal,solver` (empty fields for missing values).
    public var csv: String {
        var out = "k,objective,coverage_share,marginal,solver\n"
        for p in points {
            let fields = [String(p.k), p.objective.map(SVGText.number) ?? "", p.coverageShare.map(SVGText.number) ?? "",
                          p.marginal.map(SVGText.number) ?? "", p.solver?.rawValue ?? ""]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The curve as a standalone SVG chart: the objective (or, for mclp, the covered share) against k as a
    /// line, and each k's marginal as a bar, so the point where new sites stop paying is visible.
    public func svg(width: Double = 720, height: Double = 420) -> String {
        let left = 70.0, right = 20.0, top = 40.0, bottom = 50.0
        let plotW = width - left - right, plotH = height - top - bottom
        let useShare = model != .pmedian && points.allSatisfy { $0.coverageShare != nil }
        let values: [(Int, Double)] = points.compactMap { p in
            if useShare { return p.coverageShare.map { (p.k, $0 * 100) } }
            return p.objective.map { (p.k, $0) }
        }
        let marginals: [(Int, Double)] = points.compactMap { p in p.marginal.map { (p.k, useShare ? $0 / totalDemand * 100 : $0) } }
        let maxK = max(1, points.map(\.k).max() ?? 1)
        let yMax = max(values.map(\.1).max() ?? 1, marginals.map(\.1).max() ?? 0, 1e-9)
        let yTicks = SVGText.ticks(upTo: yMax)
        let yTop = yTicks.last ?? yMax
        func x(_ k: Int) -> Double { left + plotW * Double(k) / Double(maxK) }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yTop) }
        let label = useShare ? "covered share of demand (%)" : (model == .pmedian ? "weighted distance (demand × m)" : "objective")
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(SVGText.px(width))" height="\(SVGText.px(height))" \
        viewBox="0 0 \(SVGText.px(width)) \(SVGText.px(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(SVGText.px(left))" y="22" font-size="15">Coverage curve (\(model.rawValue)): \(SVGText.escape(label)) by number of new sites</text>

        """
        for t in yTicks {
            s += "<line x1=\"\(SVGText.px(left))\" x2=\"\(SVGText.px(left + plotW))\" y1=\"\(SVGText.px(y(t)))\" y2=\"\(SVGText.px(y(t)))\" stroke=\"#ddd\"/>"
            s += "<text x=\"\(SVGText.px(left - 6))\" y=\"\(SVGText.px(y(t) + 4))\" text-anchor=\"end\">\(SVGText.escape(SVGText.number(t)))</text>\n"
        }
        let barW = max(2, plotW / Double(maxK + 1) * 0.5)
        for (k, m) in marginals where m > 0 {
            s += "<rect x=\"\(SVGText.px(x(k) - barW / 2))\" y=\"\(SVGText.px(y(m)))\" width=\"\(SVGText.px(barW))\" height=\"\(SVGText.px(y(0) - y(m)))\" fill=\"#9ecae1\"><title>k = \(k): marginal \(SVGText.number(m))</title></rect>\n"
        }
        let path = values.map { "\(SVGText.px(x($0.0))),\(SVGText.px(y($0.1)))" }.joined(separator: " ")
        s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\"/>\n"
        for (k, v) in values {
            s += "<circle cx=\"\(SVGText.px(x(k)))\" cy=\"\(SVGText.px(y(v)))\" r=\"3.5\" fill=\"#08519c\"><title>k = \(k): \(SVGText.number(v))</title></circle>\n"
        }
        s += "<line x1=\"\(SVGText.px(left))\" x2=\"\(SVGText.px(left + plotW))\" y1=\"\(SVGText.px(y(0)))\" y2=\"\(SVGText.px(y(0)))\" stroke=\"black\"/>"
        s += "<line x1=\"\(SVGText.px(left))\" x2=\"\(SVGText.px(left))\" y1=\"\(SVGText.px(top))\" y2=\"\(SVGText.px(y(0)))\" stroke=\"black\"/>\n"
        let step = max(1, maxK / 10)
        for k in stride(from: 0, through: maxK, by: step) {
            s += "<text x=\"\(SVGText.px(x(k)))\" y=\"\(SVGText.px(y(0) + 18))\" text-anchor=\"middle\">\(k)</text>"
        }
        s += "\n<text x=\"\(SVGText.px(left + plotW / 2))\" y=\"\(SVGText.px(height - 10))\" text-anchor=\"middle\">new sites k (line: value; bars: marginal gain of the k-th site)</text>\n"
        s += "</svg>\n"
        return s
    }
}
