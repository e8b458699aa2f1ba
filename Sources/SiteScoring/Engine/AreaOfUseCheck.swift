import Foundation
import GeoCore

/// Tells a layer in the wrong CRS or axis order (most positions implausible: an error naming the values as
/// written and the CRS they look like) from a few outliers in real data (a warning listing them, or per the
/// layer's `outliers:` policy dropped or refused). Positions are plausible inside the working CRS's area of use
/// plus `ScenarioRunner.areaOfUseMargin` degrees, or inside its documented extended use (Germany for the German
/// projected CRSs).
enum AreaOfUseCheck {
    /// How many outliers a warning lists by name.
    static let listed = 10

    struct Outcome {
        var warnings: [String] = []
        /// Feature indices to remove (`outliers: drop`).
        var dropped: [Int] = []
    }

    static func run(_ layer: LoadedLayer, _ lonLat: [Position], area: BoundingBox, working: CRS) throws -> Outcome {
        let m = ScenarioRunner.areaOfUseMargin
        let allowed = BoundingBox(minX: area.minX - m, minY: area.minY - m, maxX: area.maxX + m, maxY: area.maxY + m)
        let extended = working.extendedUse
        func plausible(_ p: Position) -> Bool {
            p.isFinite && (allowed.contains(p) || extended?.contains(p) == true)
        }
        var outliers: [(feature: Int, position: Position)] = []
        var withGeometry = 0
        var offset = 0
        for (i, f) in layer.features.enumerated() {
            let count = f.geometry?.positionCount ?? 0
            if count > 0 { withGeometry += 1 }
            if let bad = lonLat[offset..<(offset + count)].first(where: { !plausible($0) }) { outliers.append((i, bad)) }
            offset += count
        }
        guard let first = outliers.first else { return Outcome() }

        let areaText = "lon \(Int(area.minX))…\(Int(area.maxX)), lat \(Int(area.minY))…\(Int(area.maxY))"
            + (extended != nil ? ", extended to Germany" : "")
        let isWholeLayer = outliers.count * 2 > withGeometry
        // An outlier that becomes plausible with x and y exchanged is an axis-order mistake in that feature, not a
        // position in the world: an error unless the layer says what to do with outliers.
        let swapped = outliers.first { plausible(Position(x: $0.position.y, y: $0.position.x)) }
        if layer.source.outliers == nil, !isWholeLayer, let swapped {
            throw ScoringError(
                .outsideAreaOfUse(position: lonLatText(swapped.position), workingCRS: working.definition, area: areaText,
                                  layerCRS: layer.crs.definition, given: givenCoordinates(layer, swapped.feature).text, outside: outliers.count, of: withGeometry,
                                  likely: "with x and y exchanged it would lie inside: are lon/lat swapped in this feature?"),
                file: layer.file, featureIndex: swapped.feature, featureID: layer.idText(swapped.feature)
            )
        }
        if isWholeLayer || layer.source.outliers == .error {
            let given = givenCoordinates(layer, first.feature)
            throw ScoringError(
                .outsideAreaOfUse(position: lonLatText(first.position), workingCRS: working.definition, area: areaText,
                                  layerCRS: layer.crs.definition, given: given.text, outside: outliers.count, of: withGeometry,
                                  likely: isWholeLayer ? given.likely : "or set 'outliers: keep' or 'drop' on the layer if these are known outliers"),
                file: layer.file, featureIndex: first.feature, featureID: layer.idText(first.feature)
            )
        }
        let list = outliers.prefix(listed).map { "feature \($0.feature)\(layer.idText($0.feature).map { " (id \($0))" } ?? "") at \(lonLatText($0.position))" }
            .joined(separator: "; ") + (outliers.count > listed ? "; …" : "")
        let action = layer.source.outliers == .drop ? "they are dropped (outliers: drop)" : "they are kept (outliers: keep; set 'outliers: drop' or 'error' on the layer to change that)"
        var outcome = Outcome()
        outcome.warnings.append("\(layer.file): \(outliers.count) of \(withGeometry) features of layer '\(layer.source.name)' lie outside the area of use of \(working.definition) (\(areaText)): \(list); \(action)")
        if layer.source.outliers == .drop { outcome.dropped = outliers.map(\.feature) }
        return outcome
    }

    static func lonLatText(_ p: Position) -> String {
        p.isFinite ? String(format: "lon %.4f, lat %.4f", p.x, p.y) : "a non-finite position"
    }

    /// The feature's first position as written in the file (CSV: with its column names and data row), and the
    /// CRS such values are likely in.
    static func givenCoordinates(_ layer: LoadedLayer, _ i: Int) -> (text: String, likely: String?) {
        var position: Position?
        layer.features[i].geometry?.forEachPosition { if position == nil { position = $0 } }
        guard let p = position else { return ("feature \(i)", nil) }
        func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }
        let text: String
        if let x = layer.source.xColumn, let y = layer.source.yColumn {
            text = "row \(i + 1): \(x) \(number(p.x)), \(y) \(number(p.y))"
        } else {
            text = "coordinates \(number(p.x)), \(number(p.y))"
        }
        return (text, CRS.likelySource(x: p.x, y: p.y))
    }
}

extension LoadedLayer {
    /// The layer without the features at `indices` (sorted ascending).
    func removing(_ indices: [Int]) -> LoadedLayer {
        let drop = Set(indices)
        var collection = self.collection
        collection.features = collection.features.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        return LoadedLayer(source: source, collection: collection, crs: crs, sha256: sha256, readWarnings: readWarnings)
    }
}
