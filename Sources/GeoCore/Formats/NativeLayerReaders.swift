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

    /// Streams the file from disk in blocks of about `chunkSize` rows (`CSVChunkReader`; no size limit).
    public func readChunks(_ request: LayerReadRequest, chunkSize: Int, _ body: (FeatureCollection, Int) throws -> Void) throws -> [String] {
        guard let x = request.xColumn, let y = request.yColumn else { preconditionFailure("CSVLayerReader needs xColumn and yColumn; check before reading") }
        let crs = request.crs ?? "EPSG:4326"
        let reader = try CSVChunkReader(url: request.url, xColumn: x, yColumn: y, crs: crs, blockSize: max(64, chunkSize * 64))
        var any = false
        try reader.forEachChunk { features, first in
            any = true
            try body(FeatureCollection(features: features, crs: crs), first)
        }
        if !any { try body(FeatureCollection(features: [], crs: crs), 0) }
        return reader.warnings.map(\.description)
    }
}
