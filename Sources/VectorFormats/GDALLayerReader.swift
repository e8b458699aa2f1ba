import Foundation
import GeoCore

/// GDAL behind GeoCore's layer-format seam: GeoPackage, Shapefile, FlatGeobuf, KML, GML, File Geodatabase,
/// spreadsheets and newline-delimited GeoJSON. GeoJSON and CSV stay with GeoCore's faster native readers.
public struct GDALLayerReader: LayerReader {
    public init() {}

    public var formats: [LayerFormat] { [.geopackage, .shapefile, .flatgeobuf, .kml, .gml, .fileGDB, .xlsx, .geojsonSeq] }

    /// GDAL opens the file itself.
    public var readsBytes: Bool { false }

    public func read(_ request: LayerReadRequest, data: Data) throws -> LayerReadResult {
        let layer = try GDALVectorReader.read(url: request.url, layer: request.layerName, crs: request.crs)
        let prefix = request.url.path + ": "
        return LayerReadResult(collection: layer.collection, warnings: layer.warnings.map { prefix + $0 })
    }

    /// Streams the layer feature by feature from GDAL, handing out chunks of `chunkSize`.
    public func readChunks(_ request: LayerReadRequest, chunkSize: Int, _ body: (FeatureCollection, Int) throws -> Void) throws -> [String] {
        let prefix = request.url.path + ": "
        return try GDALVectorReader.readChunks(url: request.url, layer: request.layerName, crs: request.crs, chunkSize: chunkSize, body)
            .map { prefix + $0 }
    }
}
