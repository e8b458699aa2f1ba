import Foundation

extension SensitivityReport {
    /// Tornado chart: per criterion the weight range keeping the first site first (dark bar) and keeping the
    /// top-N set (light bar), the current weight marked; criteria sorted most sensitive first.
    func tornadoChart(_ oat: OATResult) -> Data {
        let rows = oat.stability.sorted { ($0.rank1High - $0.rank1Low) < ($1.rank1High - $1.rank1Low) }
        let labelWidth = min(260, 40 + 7.5 * Double(criterionIDs.map(\.count).max() ?? 8))
        let (left, right, top, rowHeight) = (labelWidth, 40.0, 96.0, 40.0)
        let plotWidth = 600.0
        let height = top + rowHeight * Double(rows.count) + 64
        var svg = SVGCanvas(width: left + plotWidth + right, height: height)
        let first = oat.stability.first.map { $0.rank1Site.description } ?? ""
        svg.text("Stability of the ranking per criterion weight", x: 16, y: 26, size: 17, weight: "bold")
        svg.text("Other weights rescaled proportionally. Site \(first) stays first inside the dark bar;", x: 16, y: 46, size: 12, fill: "#555")
        svg.text("the top-\(oat.top) set stays the same inside the light bar.", x: 16, y: 62, size: 12, fill: "#555")
        let x = { (w: Double) in left + w * plotWidth }
        let plotBottom = top + rowHeight * Double(rows.count)
        for tick in 0...10 {
            let w = Double(tick) / 10
            svg.line(x1: x(w), y1: top - 6, x2: x(w), y2: plotBottom, stroke: "#e3e3e3")
            svg.text(ReportFormat.fixed(w, 1), x: x(w), y: plotBottom + 18, size: 12, anchor: .middle)
        }
        svg.line(x1: left, y1: plotBottom, x2: left + plotWidth, y2: plotBottom, stroke: "#444")
        svg.text("criterion weight", x: left + plotWidth / 2, y: plotBottom + 40, size: 13, anchor: .middle)
        for (i, s) in rows.enumerated() {
            let y = top + rowHeight * Double(i)
            let mid = y + rowHeight / 2
            svg.text(s.criterion, x: left - 10, y: mid + 4, size: 13, anchor: .end)
            svg.rect(x: x(s.topNLow), y: mid - 12, width: x(s.topNHigh) - x(s.topNLow), height: 24, fill: "#c6dbef")
            svg.rect(x: x(s.rank1Low), y: mid - 6, width: x(s.rank1High) - x(s.rank1Low), height: 12, fill: "#2166ac")
            svg.line(x1: x(s.weight), y1: mid - 15, x2: x(s.weight), y2: mid + 15, stroke: "#d62728", width: 2.5)
            svg.text(ReportFormat.short(s.rank1Low), x: x(s.rank1Low) - 4, y: mid - 15, size: 10, anchor: .end, fill: "#2166ac")
            svg.text(ReportFormat.short(s.rank1High), x: x(s.rank1High) + 4, y: mid - 15, size: 10, fill: "#2166ac")
        }
        // Legend, top right.
        let lx = left + plotWidth - 330
        svg.rect(x: lx, y: 74, width: 18, height: 10, fill: "#2166ac")
        svg.text("site \(first) first", x: lx + 24, y: 83, size: 11)
        svg.rect(x: lx + 130, y: 72, width: 18, height: 14, fill: "#c6dbef")
        svg.text("top-\(oat.top) set kept", x: lx + 154, y: 83, size: 11)
        svg.line(x1: lx + 262, y1: 71, x2: lx + 262, y2: 87, stroke: "#d62728", width: 2.5)
        svg.text("current", x: lx + 268, y: 83, size: 11)
        return svg.data
    }

    /// Rank lines: for each criterion a panel with the ranks of the current top sites (up to 10) over the
    /// weight grid; ranks beyond the panel's scale are drawn on its bottom edge.
    func oatRankChart(_ oat: OATResult) -> Data {
        let tracked = Array(byRank.prefix(min(10, oat.top, siteIDs.count)))
        let k = criterionIDs.count
        let columns = min(k, 3)
        let rowsOfPanels = (k + columns - 1) / max(columns, 1)
        let (panelWidth, panelHeight, gapX, gapY) = (300.0, 230.0, 70.0, 80.0)
        let (left, top) = (60.0, 80.0)
        let maxRankSeen = oat.grid.flatMap { p in tracked.map { Int(p.ranks[$0]) } }.max() ?? 1
        let scale = max(min(maxRankSeen, max(2 * oat.top, 10), siteIDs.count), 2)
        let legendRows = (tracked.count + 4) / 5
        let width = left + Double(columns) * (panelWidth + gapX)
        let height = top + Double(rowsOfPanels) * (panelHeight + gapY) + 24 * Double(legendRows) + 10
        var svg = SVGCanvas(width: width, height: height)
        svg.text("Rank of the current top sites when one weight changes", x: 16, y: 26, size: 17, weight: "bold")
        svg.text("Rank 1 at the top; dashed line: current weight; ranks beyond \(scale) drawn on the bottom edge.",
                 x: 16, y: 46, size: 12, fill: "#555")
        for c in 0..<k {
            let px = left + Double(c % columns) * (panelWidth + gapX)
            let py = top + Double(c / columns) * (panelHeight + gapY)
            let x = { (w: Double) in px + w * panelWidth }
            let y = { (r: Int) in py + Double(min(r, scale) - 1) / Double(scale - 1) * panelHeight }
            svg.rect(x: px, y: py, width: panelWidth, height: panelHeight, fill: "#fafafa", stroke: "#999")
            svg.text(criterionIDs[c], x: px + panelWidth / 2, y: py - 10, size: 13, anchor: .middle, weight: "bold")
            for tick in stride(from: 0, through: 10, by: 2) {
                let w = Double(tick) / 10
                svg.line(x1: x(w), y1: py, x2: x(w), y2: py + panelHeight, stroke: "#e6e6e6")
                svg.text(ReportFormat.fixed(w, 1), x: x(w), y: py + panelHeight + 16, size: 11, anchor: .middle)
            }
            let rankStep = max(1, Int((Double(scale) / 5).rounded(.up)))
            for r in Set([1, scale] + Array(stride(from: 1 + rankStep, to: scale, by: rankStep))).sorted() {
                svg.line(x1: px, y1: y(r), x2: px + panelWidth, y2: y(r), stroke: "#eeeeee")
                svg.text(r == scale && maxRankSeen > scale ? "≥\(r)" : String(r), x: px - 6, y: y(r) + 4, size: 11, anchor: .end)
            }
            svg.text("weight of \(criterionIDs[c])", x: px + panelWidth / 2, y: py + panelHeight + 34, size: 12, anchor: .middle)
            svg.text("rank", x: px - 36, y: py + panelHeight / 2, size: 12, anchor: .middle, rotate: true)
            svg.line(x1: x(weights[c]), y1: py, x2: x(weights[c]), y2: py + panelHeight, stroke: "#d62728", width: 1.5, dash: "5,4")
            let points = oat.grid.filter { $0.criterion == c }
            for (n, site) in tracked.enumerated().reversed() {
                let colour = SVGCanvas.palette[n % SVGCanvas.palette.count]
                svg.polyline(points.map { (x($0.weight), y(Int($0.ranks[site]))) }, stroke: colour, width: 2.2)
            }
        }
        let ly = top + Double(rowsOfPanels) * (panelHeight + gapY) - 10
        for (n, site) in tracked.enumerated() {
            let lx = left + Double(n % 5) * 150
            let yy = ly + 24 * Double(n / 5)
            svg.line(x1: lx, y1: yy - 4, x2: lx + 24, y2: yy - 4, stroke: SVGCanvas.palette[n % SVGCanvas.palette.count], width: 3)
            svg.text("\(name(siteIDs[site])) (rank \(currentRanks[site]))", x: lx + 30, y: yy, size: 12)
        }
        return svg.data
    }

    /// Stacked horizontal bars of the rank acceptability indices b¹…b^top for the sites with the largest
    /// b¹ (then current rank), up to 15; the rest of each bar (rank beyond top) in grey.
    func acceptabilityChart(_ smaa: SMAAResult) -> Data {
        let shown = smaa.sites.indices.sorted {
            let (a, b) = (smaa.sites[$0].acceptability, smaa.sites[$1].acceptability)
            let (ta, tb) = (a.reduce(0, +), b.reduce(0, +))
            if a[0] != b[0] { return a[0] > b[0] }
            if ta != tb { return ta > tb }
            return currentRanks[$0] < currentRanks[$1]
        }.prefix(15)
        let labelWidth = min(260, 40 + 7.5 * Double(shown.map { name(siteIDs[$0]).count }.max() ?? 6))
        let (left, top, barHeight, gap, plotWidth) = (labelWidth, 80.0, 22.0, 8.0, 560.0)
        let legendColumns = 6
        let legendRows = (smaa.top + 1 + legendColumns - 1) / legendColumns
        let plotBottom = top + Double(shown.count) * (barHeight + gap)
        let height = plotBottom + 56 + 22 * Double(legendRows) + 10
        var svg = SVGCanvas(width: left + plotWidth + 40, height: height)
        let kind = smaa.ordinal ? "weights keeping the scenario's order" : "uniform random weights"
        svg.text("Rank acceptability (SMAA-2)", x: 16, y: 26, size: 17, weight: "bold")
        svg.text("Share of \(smaa.samples) \(kind) for which each site takes rank 1, 2, … \(smaa.top)", x: 16, y: 46, size: 12, fill: "#555")
        let x = { (share: Double) in left + share * plotWidth }
        for tick in 0...10 {
            let share = Double(tick) / 10
            svg.line(x1: x(share), y1: top - 6, x2: x(share), y2: plotBottom, stroke: "#e3e3e3")
            svg.text("\(tick * 10) %", x: x(share), y: plotBottom + 18, size: 11, anchor: .middle)
        }
        svg.text("share of weight vectors", x: left + plotWidth / 2, y: plotBottom + 38, size: 13, anchor: .middle)
        let colour = { (r: Int) in SVGCanvas.ramp(smaa.top == 1 ? 0 : Double(r) / Double(smaa.top - 1) * 0.9) }
        for (row, i) in shown.enumerated() {
            let y = top + Double(row) * (barHeight + gap)
            svg.text(name(siteIDs[i]), x: left - 10, y: y + barHeight / 2 + 4, size: 13, anchor: .end)
            var start = 0.0
            for (r, b) in smaa.sites[i].acceptability.enumerated() where b > 0 {
                svg.rect(x: x(start), y: y, width: x(start + b) - x(start), height: barHeight, fill: colour(r))
                start += b
            }
            svg.rect(x: x(start), y: y, width: x(1) - x(start), height: barHeight, fill: "#dddddd")
            if let b1 = smaa.sites[i].acceptability.first, b1 >= 0.08 {
                svg.text(ReportFormat.percent(b1), x: x(b1 / 2), y: y + barHeight / 2 + 4, size: 11, anchor: .middle, fill: "white")
            }
        }
        let ly = plotBottom + 62
        for r in 0...smaa.top {
            let lx = left + Double(r % legendColumns) * 90 - labelWidth + 16
            let yy = ly + 22 * Double(r / legendColumns)
            svg.rect(x: lx, y: yy - 11, width: 16, height: 14, fill: r < smaa.top ? colour(r) : "#dddddd")
            svg.text(r < smaa.top ? "rank \(r + 1)" : "rank > \(smaa.top)", x: lx + 22, y: yy, size: 12)
        }
        return svg.data
    }
}
