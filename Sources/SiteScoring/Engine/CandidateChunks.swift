import Foundation
import GeoCore

/// The candidate layer read a chunk of features at a time (issue 16), so a run holds one chunk of candidates rather
/// than the file. CSV (block by block from disk, any size) and the GDAL formats (FlatGeobuf, GeoJSON text sequences,
/// GeoPackage, Shapefile: feature by feature) stream; GeoJSON is read whole by its reader and handed out in chunks.
final class CandidateChunks {
    let source: LayerSource
    private let reader: any LayerReader
    private let request: LayerReadRequest
    /// Features per chunk (`STANDORT_STREAM_CHUNK_FEATURES` overrides it, for tests and tuning; a CSV block is
    /// about 64 bytes per feature).
    static let chunkSize = ProcessInfo.processInfo.environment["STANDORT_STREAM_CHUNK_FEATURES"].flatMap(Int.init).map { max(1, $0) } ?? 65_536
    /// The CRS of the candidates' coordinates, known after the first `forEachChunk`.
    private(set) var crs: CRS?
    /// The reader's warnings (number conventions, driver notes), known after the first `forEachChunk`.
    private(set) var readWarnings: [String] = []
    /// SHA-256 of the file (read on its own, block by block).
    let sha256: String

    init(_ source: LayerSource, registry: LayerReaderRegistry = .standard) throws {
        self.source = source
        let isDirectory: Bool
        (reader, request, isDirectory) = try LoadedLayer.opening(source, registry: registry)
        sha256 = isDirectory ? SHA256.hex(of: Data()) : try Self.digest(source)
    }

    /// Calls `body(chunk, firstIndex)` for consecutive chunks of the candidates (each a layer of its own whose first
    /// feature is feature `firstIndex` of the file), the whole file in order.
    func forEachChunk(_ body: (LoadedLayer, Int) throws -> Void) throws {
        let warnings = try reader.readChunks(request, chunkSize: Self.chunkSize) { collection, first in
            let crs = source.crs ?? CRS(collection.crs)
            self.crs = crs
            try body(LoadedLayer(source: source, collection: collection, crs: crs, sha256: sha256), first)
        }
        readWarnings = warnings
    }

    /// The file's SHA-256, read in blocks (not mapped: the file may be larger than memory).
    private static func digest(_ source: LayerSource) throws -> String {
        let reader: BlockReader
        do throws(BlockReader.OpenError) { reader = try BlockReader(source.url) } catch {
            throw ScoringError(.layerUnreadable(layer: source.name, detail: error.reason), file: source.url.path)
        }
        var hasher = SHA256.Hasher()
        reader.forEachBlock(boundary: { $0.count }) { (block: UnsafeBufferPointer<UInt8>, _: Int) in hasher.update(UnsafeRawBufferPointer(block)) }
        return hasher.hex()
    }
}
