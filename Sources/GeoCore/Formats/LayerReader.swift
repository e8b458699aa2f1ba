import Foundation

/// What a layer reader needs to know besides the file: CSV coordinate columns, a CRS override, a table name.
public struct LayerReadRequest: Sendable {
    /// The file.
    public var url: URL
    /// CSV: the column holding x / longitude.
    public var xColumn: String?
    /// CSV: the column holding y / latitude.
    public var yColumn: String?
    /// The CRS of a CSV's coordinates (default EPSG:4326); other formats carry their own.
    public var crs: String?
    /// GeoPackage and other multi-layer containers: the table to read.
    public var layerName: String?

    public init(url: URL, xColumn: String? = nil, yColumn: String? = nil, crs: String? = nil, layerName: String? = nil) {
        self.url = url
        self.xColumn = xColumn
        self.yColumn = yColumn
        self.crs = crs
        self.layerName = layerName
    }
}

/// What a reader read: the features with the CRS of their coordinates, and warnings for the planner
/// (a CSV column that mixes number conventions, a GDAL driver's notes).
public struct LayerReadResult: Sendable {
    public var collection: FeatureCollection
    public var warnings: [String]

    public init(collection: FeatureCollection, warnings: [String] = []) {
        self.collection = collection
        self.warnings = warnings
    }
}

/// Reads one or more layer formats into a `FeatureCollection` (features plus the CRS of their coordinates).
public protocol LayerReader: Sendable {
    /// The formats this reader serves.
    var formats: [LayerFormat] { get }
    /// Reads the layer; errors name the file.
    func read(_ request: LayerReadRequest, data: Data) throws -> LayerReadResult
    /// Whether the reader needs the file's bytes (`data`) or opens the file itself (GDAL).
    var readsBytes: Bool { get }
    /// Reads the layer a chunk of features at a time (see the default implementation); a requirement, so that a
    /// streaming reader's own version is the one called through `any LayerReader`.
    func readChunks(_ request: LayerReadRequest, chunkSize: Int, _ body: (FeatureCollection, Int) throws -> Void) throws -> [String]
}

extension LayerReader {
    /// Reads the layer a chunk of about `chunkSize` features at a time, for candidate files larger than memory
    /// (issue 16): `body(chunk, firstIndex)` for consecutive chunks in file order (at least one, possibly empty),
    /// each a collection in the layer's CRS whose first feature is feature `firstIndex` of the file. Returns the
    /// reader's warnings. This default reads the whole layer and slices it; streaming readers (CSV, GDAL) hold one
    /// chunk at a time.
    public func readChunks(_ request: LayerReadRequest, chunkSize: Int, _ body: (FeatureCollection, Int) throws -> Void) throws -> [String] {
        let data = readsBytes ? try Data(contentsOf: request.url, options: .alwaysMapped) : Data()
        let result = try read(request, data: data)
        try LayerChunks.slice(result.collection, chunkSize: chunkSize, body)
        return result.warnings
    }
}

/// Chunks of a collection held whole.
public enum LayerChunks {
    /// Hands `collection` to `body` in chunks of `chunkSize` features (one empty chunk for an empty collection).
    public static func slice(_ collection: FeatureCollection, chunkSize: Int, _ body: (FeatureCollection, Int) throws -> Void) throws {
        var first = 0
        repeat {
            let end = min(collection.features.count, first + max(1, chunkSize))
            var chunk = collection
            chunk.features = Array(collection.features[first..<end])
            try body(chunk, first)
            first = end
        } while first < collection.features.count
    }
}
