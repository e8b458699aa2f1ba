import Foundation
import GeoCore

/// A standalone SVG map of a plan in the working CRS (north up, equal scale on both axes): demand points
/// as grey discs with area proportional to weight, candidate sites not chosen as small dots, existing
/// facilities as dark squares, new sites as red discs labelled with their order, and — when the plan has
/// a radius — each facility's coverage circle; for p-median (up to 20,000 demand points) a thin line from
/// each demand point to the facility serving it. Plain text, no dependencies.
public enum PlanMap {
    public static func svg(_ problem: PlanningProblem, _ result: PlanResult, width: Double = 800) -> String {
        let all = problem.candidates.map(\.position) + problem.demand.map(\.position) + problem.existing.map(\.position)
        var minX = all.map(\.x).min() ?? 0, maxX = all.map(\.x).max() ?? 1
        var minY = all.map(\.y).min() ?? 0, maxY = all.map(\.y).max() ?? 1
        let radius = problem.settings.radius ?? 0
        let showCircles = radius > 0 && problem.settings.model != .pmedian
        if showCircles {
            let facilities = result.selected.map { problem.candidates[$0].position } + problem.existing.map(\.position)
            for p in facilities {
                minX = min(minX, p.x - radius); maxX = max(maxX, p.x + radius)
                minY = min(minY, p.y - radius); maxY = max(maxY, p.y + radius)
            }
        }
        let spanX = max(maxX - minX, 1), spanY = max(maxY - minY, 1)
        let margin = 20.0, legendH = 60.0
        let scale = (width - 2 * margin) / spanX
        let height = spanY * scale + 2 * margin + legendH
        func sx(_ p: Position) -> String { SVGText.px(margin + (p.x - minX) * scale) }
        func sy(_ p: Position) -> String { SVGText.px(margin + (maxY - p.y) * scale) }
        let maxW = max(problem.demand.map(\.weight).max() ?? 1, 1e-12)

        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(SVGText.px(width))" height="\(SVGText.px(height))" \
        viewBox="0 0 \(SVGText.px(width)) \(SVGText.px(height))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>

        """
        s += "<g fill=\"#888\" fill-opacity=\"0.45\">\n"
        for d in problem.demand where d.weight > 0 {
            let r = 1 + 6 * (d.weight / maxW).squareRoot()
            s += "<circle cx=\"\(sx(d.position))\" cy=\"\(sy(d.position))\" r=\"\(SVGText.px(r))\"><title>\(SVGText.escape(d.id)): \(SVGText.number(d.weight))</title></circle>\n"
        }
        s += "</g>\n"
        if showCircles {
            let r = SVGText.px(radius * scale)
            s += "<g fill=\"none\" stroke-width=\"1\">\n"
            for e in problem.existing {
                s += "<circle cx=\"\(sx(e.position))\" cy=\"\(sy(e.position))\" r=\"\(r)\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>\n"
            }
            for j in result.selected {
                let p = problem.candidates[j].position
                s += "<circle cx=\"\(sx(p))\" cy=\"\(sy(p))\" r=\"\(r)\" stroke=\"#d62728\" fill=\"#d62728\" fill-opacity=\"0.06\"/>\n"
            }
            s += "</g>\n"
        }
        if problem.settings.model == .pmedian && problem.demand.count <= 20_000 {
            s += "<g stroke=\"#d62728\" stroke-opacity=\"0.25\" stroke-width=\"0.6\">\n"
            for (i, o) in result.demand.enumerated() {
                guard let f = o.servedBy else { continue }
                let q: Position
                switch f {
                case .candidate(let j): q = problem.candidates[j].position
                case .existing(let e): q = problem.existing[e].position
                }
                let p = problem.demand[i].position
                s += "<line x1=\"\(sx(p))\" y1=\"\(sy(p))\" x2=\"\(sx(q))\" y2=\"\(sy(q))\"/>\n"
            }
            s += "</g>\n"
        }
        s += "<g fill=\"#1f77b4\">\n"
        for (j, c) in problem.candidates.enumerated() where !result.sites[j].selected {
            s += "<circle cx=\"\(sx(c.position))\" cy=\"\(sy(c.position))\" r=\"1.5\"><title>\(SVGText.escape(c.id))</title></circle>\n"
        }
        s += "</g>\n<g fill=\"#333\">\n"
        for e in problem.existing {
            s += "<rect x=\"\(SVGText.px(margin + (e.position.x - minX) * scale - 4))\" y=\"\(SVGText.px(margin + (maxY - e.position.y) * scale - 4))\" width=\"8\" height=\"8\"><title>existing \(SVGText.escape(e.id))</title></rect>\n"
        }
        s += "</g>\n<g>\n"
        for (k, j) in result.selected.enumerated() {
            let c = problem.candidates[j]
            s += "<circle cx=\"\(sx(c.position))\" cy=\"\(sy(c.position))\" r=\"6\" fill=\"#d62728\" stroke=\"white\"><title>\(k + 1). \(SVGText.escape(c.id))</title></circle>"
            s += "<text x=\"\(SVGText.px(margin + (c.position.x - minX) * scale + 8))\" y=\"\(SVGText.px(margin + (maxY - c.position.y) * scale + 4))\" fill=\"#d62728\">\(k + 1)</text>\n"
        }
        s += "</g>\n"
        s += scaleBarAndNorthArrow(metresPerPixel: 1 / scale, width: width, mapBottom: height - legendH, margin: margin)
        let ly = height - legendH + 20
        let summary = result.summary
        s += """
        <g transform="translate(\(SVGText.px(margin)),\(SVGText.px(ly)))">
        <circle cx="5" cy="0" r="5" fill="#888" fill-opacity="0.45"/><text x="14" y="4">demand (area ∝ weight)</text>
        <rect x="170" y="-4" width="8" height="8" fill="#333"/><text x="184" y="4">existing</text>
        <circle cx="255" cy="0" r="6" fill="#d62728"/><text x="265" y="4">new site (order)</text>
        <circle cx="385" cy="0" r="1.5" fill="#1f77b4"/><text x="393" y="4">candidate</text>
        <text x="0" y="24">\(SVGText.escape("\(summary.model.rawValue), \(summary.selectedCount) new sites, \(summary.solver.rawValue) solver, objective \(SVGText.number(summary.objective))" + (summary.coverageShare.map { ", coverage \(SVGText.number(($0 * 1000).rounded() / 10)) %" } ?? "")))</text>
        </g>
        </svg>

        """
        return s
    }

    /// A scale bar of a round length (1, 2 or 5 × 10ⁿ metres, about a fifth of the map's width) at the map's
    /// bottom right and a north arrow at its top right: the map is in the working CRS, north up.
    static func scaleBarAndNorthArrow(metresPerPixel: Double, width: Double, mapBottom: Double, margin: Double) -> String {
        let target = (width - 2 * margin) * 0.2 * metresPerPixel
        let magnitude = pow(10, floor(log10(max(target, 1))))
        let length = [5.0, 2.0, 1.0].map { $0 * magnitude }.first { $0 <= target } ?? magnitude
        let pixels = length / metresPerPixel
        let x0 = width - margin - pixels, y = mapBottom - 8
        let label = length >= 1000 ? "\(SVGText.number(length / 1000)) km" : "\(SVGText.number(length)) m"
        return """
        <g stroke="#333" stroke-width="1.5" fill="none">
        <path d="M\(SVGText.px(x0)) \(SVGText.px(y - 4))V\(SVGText.px(y))H\(SVGText.px(x0 + pixels))V\(SVGText.px(y - 4))"/>
        </g>
        <text x="\(SVGText.px(x0 + pixels))" y="\(SVGText.px(y - 7))" text-anchor="end" fill="#333">\(label)</text>
        <g fill="#333"><path d="M\(SVGText.px(width - margin - 8)) 44L\(SVGText.px(width - margin)) 24L\(SVGText.px(width - margin + 8)) 44Z"/>
        <text x="\(SVGText.px(width - margin))" y="58" text-anchor="middle">N</text></g>

        """
    }
}
