import Foundation
import GeoCore

/// Tells a layer in the wrong CRS or axis order (most positions implausible: an error naming the values as
/// written and the CRS they look like) from a few outliers in real data (a warning listing them, or per the
/// layer's `outliers:` policy dropped or refused). Positions are plausible inside the working CRS's area of use
/// plus `ScenarioRunner.areaOfUseMargin` degrees, or inside its documented extended use (Germany for the German
/// projected CRSs).
struct AreaOfUseCheck {
    /// How many outliers a warning lists by name.
    static let listed = 10

    struct Outcome {
        var warnings: [String] = []
        /// Feature indices to remove (`outliers: drop`).
        var dropped: [Int] = []
    }

    /// An outlier: the feature (its index in the whole layer), its first implausible position, and how it was written.
    private struct Outlier {
        var feature: Int
        var id: String?
        var position: Position
        var given: (text: String, likely: String?)
    }

    let source: LayerSource
    let file: String
    let crs: CRS
    let working: CRS
    let allowed: BoundingBox
    let extended: BoundingBox?
    let areaText: String
    private var outlierCount = 0
    private var withGeometry = 0
    /// The first outliers (listed in the warning; the first is named in an error).
    private var first: [Outlier] = []
    /// The first outlier that becomes plausible with x and y exchanged.
    private var swapped: Outlier?

    init(layer: LoadedLayer, area: BoundingBox, working: CRS) {
        let m = ScenarioRunner.areaOfUseMargin
        source = layer.source
        file = layer.file
        crs = layer.crs
        self.working = working
        allowed = BoundingBox(minX: area.minX - m, minY: area.minY - m, maxX: area.maxX + m, maxY: area.maxY + m)
        extended = working.extendedUse
        areaText = "lon \(Int(area.minX))…\(Int(area.maxX)), lat \(Int(area.minY))…\(Int(area.maxY))"
            + (extended != nil ? ", extended to Germany" : "")
    }

    /// Checks a whole layer: `finish()` after one `add`.
    static func run(_ layer: LoadedLayer, _ lonLat: [Position], area: BoundingBox, working: CRS) throws -> Outcome {
        var check = AreaOfUseCheck(layer: layer, area: area, working: working)
        let dropped = check.add(layer, lonLat, firstIndex: 0)
        var outcome = Outcome(warnings: try check.finish())
        outcome.dropped = dropped
        return outcome
    }

    private func plausible(_ p: Position) -> Bool {
        p.isFinite && (allowed.contains(p) || extended?.contains(p) == true)
    }

    /// Notes the outliers of `layer` (all of a layer, or one chunk of it whose first feature is feature
    /// `firstIndex` of the whole layer); returns the chunk's features to drop (`outliers: drop`), as chunk indices.
    mutating func add(_ layer: LoadedLayer, _ lonLat: [Position], firstIndex: Int) -> [Int] {
        var dropped: [Int] = []
        var offset = 0
        // Features and positions read in place: a slice and a geometry copy per feature retained and released
        // their storage each time (serial work at 1,000,000 candidates).
        let features = layer.features
        for i in features.indices {
            let count = features.withUnsafeBufferPointer { $0[i].geometry?.positionCount ?? 0 }
            if count > 0 { withGeometry += 1 }
            let bad: Position? = lonLat.withUnsafeBufferPointer { ll in
                for k in offset..<(offset + count) where !plausible(ll[k]) { return ll[k] }
                return nil
            }
            if let bad {
                outlierCount += 1
                let isSwapped = plausible(Position(x: bad.y, y: bad.x))
                if first.count < Self.listed || (isSwapped && swapped == nil) {
                    let outlier = Outlier(feature: firstIndex + i, id: layer.idText(i), position: bad, given: Self.givenCoordinates(layer, i, index: firstIndex + i))
                    if first.count < Self.listed { first.append(outlier) }
                    if isSwapped && swapped == nil { swapped = outlier }
                }
                if source.outliers == .drop { dropped.append(i) }
            }
            offset += count
        }
        return dropped
    }

    /// The warning for the outliers seen, or the error when they are not a few outliers in real data: most of the
    /// layer (a wrong CRS or axis order), a feature with swapped axes, or outliers the layer refuses.
    func finish() throws -> [String] {
        guard let firstOutlier = first.first else { return [] }
        let isWholeLayer = outlierCount * 2 > withGeometry
        // An outlier that becomes plausible with x and y exchanged is an axis-order mistake in that feature, not a
        // position in the world: an error unless the layer says what to do with outliers.
        if source.outliers == nil, !isWholeLayer, let swapped {
            throw ScoringError(
                .outsideAreaOfUse(position: Self.lonLatText(swapped.position), workingCRS: working.definition, area: areaText,
                                  layerCRS: crs.definition, given: swapped.given.text, outside: outlierCount, of: withGeometry,
                                  likely: "with x and y exchanged it would lie inside: are lon/lat swapped in this feature?"),
                file: file, featureIndex: swapped.feature, featureID: swapped.id
            )
        }
        if isWholeLayer || source.outliers == .error {
            throw ScoringError(
                .outsideAreaOfUse(position: Self.lonLatText(firstOutlier.position), workingCRS: working.definition, area: areaText,
                                  layerCRS: crs.definition, given: firstOutlier.given.text, outside: outlierCount, of: withGeometry,
                                  likely: isWholeLayer ? firstOutlier.given.likely : "or set 'outliers: keep' or 'drop' on the layer if these are known outliers"),
                file: file, featureIndex: firstOutlier.feature, featureID: firstOutlier.id
            )
        }
        let list = first.map { "feature \($0.feature)\($0.id.map { " (id \($0))" } ?? "") at \(Self.lonLatText($0.position))" }
            .joined(separator: "; ") + (outlierCount > Self.listed ? "; …" : "")
        let action = source.outliers == .drop ? "they are dropped (outliers: drop)" : "they are kept (outliers: keep; set 'outliers: drop' or 'error' on the layer to change that)"
        return ["\(file): \(outlierCount) of \(withGeometry) features of layer '\(source.name)' lie outside the area of use of \(working.definition) (\(areaText)): \(list); \(action)"]
    }

    static func lonLatText(_ p: Position) -> String {
        p.isFinite ? String(format: "lon %.4f, lat %.4f", p.x, p.y) : "a non-finite position"
    }

    /// The feature's first position as written in the file (CSV: with its column names and data row), and the
    /// CRS such values are likely in.
    static func givenCoordinates(_ layer: LoadedLayer, _ i: Int, index: Int? = nil) -> (text: String, likely: String?) {
        let index = index ?? i
        var position: Position?
        layer.features[i].geometry?.forEachPosition { if position == nil { position = $0 } }
        guard let p = position else { return ("feature \(index)", nil) }
        func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }
        let text: String
        if let x = layer.source.xColumn, let y = layer.source.yColumn {
            text = "row \(index + 1): \(x) \(number(p.x)), \(y) \(number(p.y))"
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
