import Foundation
import GeoCore
import SiteScoring

/// The report's map: inline SVG in the working CRS (x east, y north, so north is up), fitted to the candidates
/// and the context polygons around them. Context polygons and lines are drawn as outlines; point layers that a
/// distance criterion or constraint measures to (existing chargers, junctions, stores) as small squares;
/// candidates as dots coloured by score class, excluded sites grey, the top N with their rank and name; with a
/// plan, the planned sites and their coverage circles. A scale bar and a north arrow complete it.
///
/// Size stays sensible for large scenarios: with many sites the dots of one class are one `<path>` of
/// zero-length round-capped segments, polygon vertices closer than 0.7 px to the previous one are dropped,
/// and only the top N get labels.
struct ReportMap {
    let result: ScoringResult
    let names: SiteNames
    let classes: ScoreClasses?
    /// Site indices of the top N, best first.
    let top: [Int]
    /// Planned sites in the working CRS with their plan order, and the coverage radius in metres.
    let planned: [(position: Position, order: Int?, site: Int?)]
    let planRadius: Double?
    let language: ReportLanguage

    static let width = 760.0
    static let maxHeight = 900.0
    static let margin = 14.0
    /// Above this many candidates, dots are drawn as one path per class without tooltips.
    static let manySites = 2000

    /// A context layer as drawn.
    struct DrawnLayer {
        let name: String
        let kind: Kind
        let style: String
        enum Kind { case area, points }
    }

    static let areaStyles = [("#f3f0e8", "#9c9282", 1.2), ("none", "#6b7a8f", 0.8), ("none", "#b39c6b", 0.8), ("none", "#8f6b8a", 0.8)]
    static let pointColours = ["#d62728", "#7b3294", "#8c510a", "#e7298a", "#1b7837"]

    /// The layers drawn: every layer with polygons or lines, and point layers a `distance` criterion or constraint reads.
    func drawnLayers() -> [DrawnLayer] {
        let scenario = result.scenario
        var distanceLayers = Set<String>()
        for c in scenario.criteria { if case .distance(let l) = c.kind { distanceLayers.insert(l) } }
        for c in scenario.constraints { if case .distance(let l, _, _) = c.kind { distanceLayers.insert(l) } }
        var out: [DrawnLayer] = []
        var areas = 0, points = 0
        for layer in result.contextLayers {
            let hasExtent = layer.geometries.contains { g in
                switch g {
                case .point?, .multiPoint?, nil: false
                default: true
                }
            }
            if hasExtent {
                let s = Self.areaStyles[min(areas, Self.areaStyles.count - 1)]
                out.append(DrawnLayer(name: layer.name, kind: .area, style: "fill=\"\(s.0)\" stroke=\"\(s.1)\" stroke-width=\"\(HTML.n(s.2))\""))
                areas += 1
            } else if distanceLayers.contains(layer.name) {
                out.append(DrawnLayer(name: layer.name, kind: .points, style: Self.pointColours[points % Self.pointColours.count]))
                points += 1
            }
        }
        return out
    }

    /// The map's extent in the working CRS: the candidates, widened by the context polygons that reach into their box.
    func extent(_ layers: [DrawnLayer]) -> BoundingBox {
        var box = BoundingBox(enclosing: result.referencePoints.filter(\.isFinite)) ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let pad = max(250, 0.04 * max(box.maxX - box.minX, box.maxY - box.minY))
        box = BoundingBox(minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad)
        let core = box
        for layer in layers where layer.kind == .area {
            guard let geometries = result.contextLayers.first(where: { $0.name == layer.name })?.geometries else { continue }
            for g in geometries {
                guard let b = g?.boundingBox, b.intersects(core) else { continue }
                box.expand(toInclude: b)
            }
        }
        return box
    }

    /// The SVG element, the HTML legend and the attribution lines.
    func render() -> (svg: String, legend: String, layersShown: [String]) {
        let layers = drawnLayers()
        let box = extent(layers)
        let dx = box.maxX - box.minX, dy = box.maxY - box.minY
        let scale = min((Self.width - 2 * Self.margin) / dx, (Self.maxHeight - 2 * Self.margin) / dy)
        let w = Self.width, h = (dy * scale + 2 * Self.margin).rounded()
        let x0 = Self.margin + ((w - 2 * Self.margin) - dx * scale) / 2
        func px(_ p: Position) -> (Double, Double) { (x0 + (p.x - box.minX) * scale, Self.margin + (box.maxY - p.y) * scale) }

        var svg = "<svg id=\"map-svg\" class=\"map\" viewBox=\"0 0 \(HTML.n(w)) \(HTML.n(h))\" role=\"img\" aria-label=\"\(HTML.escape(language.pick("Map of the candidate sites", "Karte der Standorte")))\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(HTML.n(w))\" height=\"\(HTML.n(h))\" fill=\"#fbfbf9\"/>"

        // Context areas and lines.
        for layer in layers where layer.kind == .area {
            guard let geometries = result.contextLayers.first(where: { $0.name == layer.name })?.geometries else { continue }
            var d = ""
            for g in geometries {
                guard let g, let b = g.boundingBox, b.intersects(box) else { continue }
                appendPath(g, to: &d, px)
            }
            if !d.isEmpty { svg += "<path class=\"ctx\" d=\"\(d)\" \(layer.style) fill-rule=\"evenodd\" stroke-linejoin=\"round\"><title>\(HTML.escape(layer.name))</title></path>" }
        }
        // Coverage circles of the plan, under the sites.
        if let r = planRadius, r > 0 {
            for p in planned {
                let (x, y) = px(p.position)
                svg += "<circle cx=\"\(HTML.n(x))\" cy=\"\(HTML.n(y))\" r=\"\(HTML.n(r * scale))\" fill=\"#fd8d3c\" fill-opacity=\"0.12\" stroke=\"#e6550d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            }
        }
        // Point layers measured to.
        for layer in layers where layer.kind == .points {
            guard let geometries = result.contextLayers.first(where: { $0.name == layer.name })?.geometries else { continue }
            var positions: [Position] = []
            for g in geometries { g?.forEachPosition { if box.contains($0) { positions.append($0) } } }
            let size = positions.count > 300 ? 2.6 : 5.0
            let d = positions.map { p -> String in
                let (x, y) = px(p)
                return "M\(HTML.n(x - size / 2)) \(HTML.n(y - size / 2))h\(HTML.n(size))v\(HTML.n(size))h-\(HTML.n(size))z"
            }.joined()
            if !d.isEmpty {
                svg += "<path d=\"\(d)\" fill=\"\(layer.style)\" stroke=\"#fff\" stroke-width=\"\(positions.count > 300 ? "0.3" : "0.8")\"><title>\(HTML.escape(layer.name))</title></path>"
            }
        }
        // Candidates: excluded, then eligible by class (best on top).
        let many = result.siteIDs.count > Self.manySites
        let excluded = result.exclusions.indices.filter { !result.exclusions[$0].isEmpty }
        let topSet = Set(top)
        svg += dots(excluded, colour: "#a6a6a6", radius: many ? 0.9 : 3, many: many, px, title: { s in
            "\(names[s]): \(language.pick("excluded", "ausgeschlossen")) (\(result.exclusions[s].joined(separator: ", ")))"
        })
        if let classes {
            for c in 0..<classes.classCount {
                let sites = result.eligibleIndices.filter { !topSet.contains($0) && classes.index(of: result.scores[$0]!) == c }
                svg += dots(sites, colour: classes.colour(c), radius: many ? 1.4 : 4.2, many: many, px, title: { s in
                    "\(names[s]): \(language.pick("rank", "Rang")) \(result.ranks[s]!), \(language.pick("score", "Wert")) \(language.numbers.score(result.scores[s]!))"
                })
            }
        }
        // Planned sites.
        for p in planned {
            let (x, y) = px(p.position)
            svg += "<circle cx=\"\(HTML.n(x))\" cy=\"\(HTML.n(y))\" r=\"11\" fill=\"none\" stroke=\"#e6550d\" stroke-width=\"2.4\"/>"
        }
        // Top N: numbered markers (drawn worst first, so #1 is on top) and name labels placed greedily.
        var occupied: [(Double, Double, Double, Double)] = top.map { s in let (x, y) = px(result.referencePoints[s]); return (x - 8, y - 8, x + 8, y + 8) }
        var labels = ""
        for s in top {
            let (x, y) = px(result.referencePoints[s])
            let name = names[s].count > 28 ? String(names[s].prefix(27)) + "…" : names[s]
            let tw = Double(name.count) * 5.6 + 4, th = 11.0
            let candidates: [(Double, Double, String)] = [(x + 10, y + 4, "start"), (x - 10, y + 4, "end"), (x, y - 12, "middle"), (x, y + 20, "middle")]
            for (lx, ly, anchor) in candidates {
                let left = anchor == "start" ? lx : anchor == "end" ? lx - tw : lx - tw / 2
                let rect = (left, ly - th + 2, left + tw, ly + 3)
                guard rect.0 >= 0, rect.2 <= w, rect.1 >= 0, rect.3 <= h else { continue }
                if occupied.contains(where: { !($0.2 < rect.0 || rect.2 < $0.0 || $0.3 < rect.1 || rect.3 < $0.1) }) { continue }
                occupied.append(rect)
                labels += "<text x=\"\(HTML.n(lx))\" y=\"\(HTML.n(ly))\" class=\"lbl\" text-anchor=\"\(anchor)\">\(HTML.escape(name))</text>"
                break
            }
        }
        for s in top.reversed() {
            let (x, y) = px(result.referencePoints[s])
            let colour = classes.map { $0.colour($0.index(of: result.scores[s]!)) } ?? "#253494"
            let rank = result.ranks[s]!
            svg += "<g class=\"top\"><title>\(HTML.escape("\(rank). \(names[s])"))</title><circle cx=\"\(HTML.n(x))\" cy=\"\(HTML.n(y))\" r=\"7.5\" fill=\"\(colour)\" stroke=\"#111\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(HTML.n(x))\" y=\"\(HTML.n(y + 3))\" class=\"rk\" text-anchor=\"middle\" fill=\"\(rank <= 99 && (classes?.index(of: result.scores[s]!) ?? 4) >= 2 ? "#fff" : "#111")\">\(rank)</text></g>"
        }
        svg += labels
        for p in planned {
            guard let order = p.order else { continue }
            let (x, y) = px(p.position)
            svg += "<text x=\"\(HTML.n(x + 9))\" y=\"\(HTML.n(y - 9))\" class=\"po\">P\(order)</text>"
        }
        svg += scaleBar(scale: scale, height: h)
        svg += northArrow(width: w)
        svg += "</svg>"
        return (svg, legend(layers, planned: !planned.isEmpty), layers.map(\.name))
    }

    private func dots(_ sites: [Int], colour: String, radius: Double, many: Bool, _ px: (Position) -> (Double, Double), title: (Int) -> String) -> String {
        guard !sites.isEmpty else { return "" }
        if many {
            let d = sites.map { s -> String in let (x, y) = px(result.referencePoints[s]); return "M\(HTML.n(x)) \(HTML.n(y))h0" }.joined()
            return "<path d=\"\(d)\" stroke=\"\(colour)\" stroke-width=\"\(HTML.n(2 * radius))\" stroke-linecap=\"round\" fill=\"none\"/>"
        }
        return sites.map { s in
            let (x, y) = px(result.referencePoints[s])
            return "<circle cx=\"\(HTML.n(x))\" cy=\"\(HTML.n(y))\" r=\"\(HTML.n(radius))\" fill=\"\(colour)\" stroke=\"#333\" stroke-width=\"0.5\"><title>\(HTML.escape(title(s)))</title></circle>"
        }.joined()
    }

    /// Appends the geometry's rings and lines as path data, dropping vertices within 0.7 px of the last one kept.
    private func appendPath(_ g: Geometry, to d: inout String, _ px: (Position) -> (Double, Double)) {
        func line(_ ps: [Position], closed: Bool) {
            guard let first = ps.first else { return }
            var (lx, ly) = px(first)
            var part = "M\(HTML.n(lx)) \(HTML.n(ly))"
            var kept = 1
            for p in ps.dropFirst() {
                let (x, y) = px(p)
                if abs(x - lx) + abs(y - ly) < 0.7 { continue }
                part += "L\(HTML.n(x)) \(HTML.n(y))"
                (lx, ly) = (x, y)
                kept += 1
            }
            guard kept >= (closed ? 3 : 2) else { return }
            d += part + (closed ? "Z" : "")
        }
        switch g {
        case .point, .multiPoint: break
        case .lineString(let ps): line(ps, closed: false)
        case .multiLineString(let ls): ls.forEach { line($0, closed: false) }
        case .polygon(let p): p.rings.forEach { line($0, closed: true) }
        case .multiPolygon(let ps): ps.forEach { $0.rings.forEach { line($0, closed: true) } }
        case .geometryCollection(let gs): gs.forEach { appendPath($0, to: &d, px) }
        }
    }

    /// A scale bar of a round length (1, 2 or 5 × 10ᵏ m) about a fifth of the map wide, bottom left.
    private func scaleBar(scale: Double, height: Double) -> String {
        let target = Self.width / 5 / scale
        let magnitude = pow(10, floor(log10(target)))
        let length = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let bar = length * scale, x = 16.0, y = height - 16
        var s = "<g class=\"scale\"><rect x=\"\(HTML.n(x - 4))\" y=\"\(HTML.n(y - 16))\" width=\"\(HTML.n(bar + 8 + 40))\" height=\"24\" fill=\"#fff\" fill-opacity=\"0.8\"/>"
        s += "<rect x=\"\(HTML.n(x))\" y=\"\(HTML.n(y - 4))\" width=\"\(HTML.n(bar / 2))\" height=\"4\" fill=\"#222\"/>"
        s += "<rect x=\"\(HTML.n(x + bar / 2))\" y=\"\(HTML.n(y - 4))\" width=\"\(HTML.n(bar / 2))\" height=\"4\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"0.8\"/>"
        s += "<text x=\"\(HTML.n(x))\" y=\"\(HTML.n(y - 7))\" class=\"sc\">0</text>"
        s += "<text x=\"\(HTML.n(x + bar))\" y=\"\(HTML.n(y - 7))\" class=\"sc\" text-anchor=\"middle\">\(HTML.escape(language.numbers.length(length)))</text></g>"
        return s
    }

    private func northArrow(width: Double) -> String {
        let x = width - 26, y = 18.0
        return "<g class=\"north\"><path d=\"M\(HTML.n(x)) \(HTML.n(y))l7 20l-7 -5l-7 5z\" fill=\"#222\"/><text x=\"\(HTML.n(x))\" y=\"\(HTML.n(y + 32))\" class=\"sc\" text-anchor=\"middle\">N</text></g>"
    }

    /// The legend as an HTML list with inline swatches.
    private func legend(_ layers: [DrawnLayer], planned: Bool) -> String {
        func swatch(_ body: String) -> String { "<svg class=\"sw\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">\(body)</svg>" }
        var items: [String] = []
        let numbers = language.numbers
        if let classes {
            for c in (0..<classes.classCount).reversed() {
                let (a, b) = classes.range(c)
                items.append("<li>\(swatch("<circle cx=\"8\" cy=\"8\" r=\"5\" fill=\"\(classes.colour(c))\" stroke=\"#333\" stroke-width=\"0.5\"/>"))\(language.pick("score", "Wert")) \(numbers.decimal(a, digits: 3))–\(numbers.decimal(b, digits: 3))</li>")
            }
        }
        items.append("<li>\(swatch("<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#2c7fb8\" stroke=\"#111\"/><text x=\"8\" y=\"11\" font-size=\"8\" text-anchor=\"middle\" fill=\"#fff\">1</text>"))\(language.pick("top \(top.count), with rank", "beste \(top.count), mit Rang"))</li>")
        items.append("<li>\(swatch("<circle cx=\"8\" cy=\"8\" r=\"3.5\" fill=\"#a6a6a6\"/>"))\(language.pick("excluded by a constraint", "durch eine Bedingung ausgeschlossen"))</li>")
        for layer in layers {
            switch layer.kind {
            case .points:
                items.append("<li>\(swatch("<rect x=\"5\" y=\"5\" width=\"6\" height=\"6\" fill=\"\(layer.style)\"/>"))\(HTML.escape(layer.name))</li>")
            case .area:
                items.append("<li>\(swatch("<rect x=\"2\" y=\"3\" width=\"12\" height=\"10\" \(layer.style)/>"))\(HTML.escape(layer.name))</li>")
            }
        }
        if planned {
            items.append("<li>\(swatch("<circle cx=\"8\" cy=\"8\" r=\"6\" fill=\"none\" stroke=\"#e6550d\" stroke-width=\"2\"/>"))\(language.pick("planned site (P = order in the plan)", "geplanter Standort (P = Reihenfolge im Plan)"))</li>")
            if planRadius != nil {
                items.append("<li>\(swatch("<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#fd8d3c\" fill-opacity=\"0.2\" stroke=\"#e6550d\" stroke-dasharray=\"2 2\"/>"))\(language.pick("coverage radius", "Abdeckungsradius"))</li>")
            }
        }
        return "<ul class=\"legend\">" + items.joined() + "</ul>"
    }
}
