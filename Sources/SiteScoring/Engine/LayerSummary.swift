import Foundation
import GeoCore

/// What `standort validate` reports about one input layer.
public struct LayerSummary: Sendable {
    public var name: String
    public var path: String
    public var featureCount: Int
    /// Geometry type → feature count (`null` for features without geometry), sorted by type.
    public var geometryTypes: [(type: String, count: Int)]
    /// The CRS the coordinates were read in.
    public var crs: CRS
    /// The bounding box in lon/lat degrees.
    public var lonLatBox: BoundingBox?
    /// Whether the file lies outside the scenario's folder (allowed, but worth a look when sharing scenarios).
    public var outsideScenarioFolder: Bool

    init(_ layer: LoadedLayer, lonLat: [Position], scenarioFolder: URL?) {
        name = layer.source.name
        path = layer.source.url.path
        featureCount = layer.features.count
        // Counted in runs of one type (hashing the type name per feature was 1.7 % of an L run's samples).
        var counts: [String: Int] = [:]
        var runName = "", runLength = 0
        for f in layer.features {
            let name = f.geometry?.typeName ?? "null"
            if name == runName {
                runLength += 1
            } else {
                if runLength > 0 { counts[runName, default: 0] += runLength }
                runName = name
                runLength = 1
            }
        }
        if runLength > 0 { counts[runName, default: 0] += runLength }
        geometryTypes = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        crs = layer.crs
        lonLatBox = BoundingBox(enclosing: lonLat)
        if let folder = scenarioFolder?.standardizedFileURL.path {
            outsideScenarioFolder = !layer.source.url.standardizedFileURL.path.hasPrefix(folder + "/")
        } else {
            outsideScenarioFolder = false
        }
    }
}
