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

/// Reads one or more layer formats into a `FeatureCollection` (features plus the CRS of their coordinates).
public protocol LayerReader: Sendable {
    /// The formats this reader serves.
    var formats: [LayerFormat] { get }
    /// Reads the layer; errors name the file.
    func read(_ request: LayerReadRequest, data: Data) throws -> FeatureCollection
    /// Whether the reader needs the file's bytes (`data`) or opens the file itself (GDAL).
    var readsBytes: Bool { get }
    /// Reads the layer with warnings about what was read but may be unintended (each one `warning:` line,
    /// naming the file). Default: `read` and no warnings.
    func readWithWarnings(_ request: LayerReadRequest, data: Data) throws -> (collection: FeatureCollection, warnings: [String])
}

extension LayerReader {
    public func readWithWarnings(_ request: LayerReadRequest, data: Data) throws -> (collection: FeatureCollection, warnings: [String]) {
        (try read(request, data: data), [])
    }
}
