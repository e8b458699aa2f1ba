import Foundation

/// GeoJSON through GeoCore's byte-level parser.
public struct GeoJSONLayerReader: LayerReader {
    public init() {}
    public var formats: [LayerFormat] { [.geojson] }
    public var readsBytes: Bool { true }
    public func read(_ request: LayerReadRequest, data: Data) throws -> LayerReadResult {
        LayerReadResult(collection: try GeoJSONReader.read(data: data, source: request.url.path))
    }
}

/// CSV points through GeoCore's CSV reader (`xColumn`/`yColumn` required).
public struct CSVLayerReader: LayerReader {
    public init() {}
    public var formats: [LayerFormat] { [.csv] }
    public var readsBytes: Bool { true }
    public func read(_ request: LayerReadRequest, data: Data) throws -> LayerReadResult {
        guard let x = request.xColumn, let y = request.yColumn else { preconditionFailure("CSVLayerReader needs xColumn and yColumn; check before reading") }
        // With the reader's warnings about how numbers were read (`1.200` in a decimal-point column, mixed conventions).
        let result = try CSVReader.readWithWarnings(data: data, source: request.url.path, xColumn: x, yColumn: y, crs: request.crs ?? "EPSG:4326")
        return LayerReadResult(collection: result.collection, warnings: result.warnings.map(\.description))
    }
}
