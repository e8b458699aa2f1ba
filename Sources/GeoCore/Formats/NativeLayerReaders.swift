import Foundation

/// GeoJSON through GeoCore's byte-level parser.
public struct GeoJSONLayerReader: LayerReader {
    public init() {}
    public var formats: [LayerFormat] { [.geojson] }
    public var readsBytes: Bool { true }
    public func read(_ request: LayerReadRequest, data: Data) throws -> FeatureCollection {
        try GeoJSONReader.read(data: data, source: request.url.path)
    }
}

/// CSV points through GeoCore's CSV reader (`xColumn`/`yColumn` required).
public struct CSVLayerReader: LayerReader {
    public init() {}
    public var formats: [LayerFormat] { [.csv] }
    public var readsBytes: Bool { true }
    public func read(_ request: LayerReadRequest, data: Data) throws -> FeatureCollection {
        guard let x = request.xColumn, let y = request.yColumn else { preconditionFailure("CSVLayerReader needs xColumn and yColumn; check before reading") }
        return try CSVReader.read(data: data, source: request.url.path, xColumn: x, yColumn: y, crs: request.crs ?? "EPSG:4326")
    }
    /// With the CSV reader's warnings about how numbers were read (`1.200` in a decimal-point column, mixed conventions).
    public func readWithWarnings(_ request: LayerReadRequest, data: Data) throws -> (collection: FeatureCollection, warnings: [String]) {
        guard let x = request.xColumn, let y = request.yColumn else { preconditionFailure("CSVLayerReader needs xColumn and yColumn; check before reading") }
        let result = try CSVReader.readWithWarnings(data: data, source: request.url.path, xColumn: x, yColumn: y, crs: request.crs ?? "EPSG:4326")
        return (result.collection, result.warnings.map(\.description))
    }
}
