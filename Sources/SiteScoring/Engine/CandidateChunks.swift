import Foundation
import GeoCore

/// The candidate layer read a chunk of features at a time (issue 16), so a run keeps one chunk of candidates in
/// memory rather than the file. CSV is streamed from disk block by block (any size); the other formats are read
/// whole by their reader and handed out in chunks (their features are in memory once, the measuring is not).
final class CandidateChunks {
    let source: LayerSource
    /// The CRS of the candidates' coordinates.
    let crs: CRS
    /// The reader's warnings (number conventions), known before the first chunk.
    let readWarnings: [String]
    private let csv: CSVChunkReader?
    private let loaded: LoadedLayer?
    /// Features per chunk of a layer read whole (`STANDORT_STREAM_CHUNK_FEATURES` overrides it, for tests and tuning).
    static let chunkSize = ProcessInfo.processInfo.environment["STANDORT_STREAM_CHUNK_FEATURES"].flatMap(Int.init).map { max(1, $0) } ?? 65_536
    /// Bytes per block of a streamed CSV (`STANDORT_STREAM_BLOCK_BYTES` overrides it): about 130,000 rows of 30 bytes.
    static let blockBytes = ProcessInfo.processInfo.environment["STANDORT_STREAM_BLOCK_BYTES"].flatMap(Int.init).map { max(64, $0) } ?? 4 << 20
    /// SHA-256 of the file, known after the first `forEachChunk`.
    private(set) var sha256: String?

    /// Whether `source` can be streamed (read without holding the file): CSV.
    static func canStream(_ source: LayerSource, registry: LayerReaderRegistry = .standard) -> Bool {
        (try? registry.reader(for: source.url).0) == .csv
    }

    init(_ source: LayerSource, registry: LayerReaderRegistry = .standard) throws {
        self.source = source
        if Self.canStream(source, registry: registry), source.xColumn != nil, source.yColumn != nil {
            let path = source.url.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ScoringError(.layerFileNotFound(layer: source.name, path: source.path), file: path)
            }
            guard !isDirectory.boolValue else { throw ScoringError(.layerIsDirectory(layer: source.name), file: path) }
            let reader = try CSVChunkReader(url: source.url, xColumn: source.xColumn!, yColumn: source.yColumn!, crs: source.crs?.definition ?? "EPSG:4326",
                                            blockSize: Self.blockBytes)
            csv = reader
            loaded = nil
            crs = source.crs ?? CRS(reader.crs)
            readWarnings = reader.warnings.map(\.description)
        } else {
            let layer = try LoadedLayer.read(source, registry: registry)
            loaded = layer
            csv = nil
            crs = layer.crs
            readWarnings = layer.readWarnings
            sha256 = layer.sha256
        }
    }

    /// Calls `body(chunk, firstIndex)` for consecutive chunks of the candidates (each a layer of its own whose first
    /// feature is feature `firstIndex` of the file), the whole file in order.
    func forEachChunk(_ body: (LoadedLayer, Int) throws -> Void) throws {
        if let loaded {
            var first = 0
            let features = loaded.features
            repeat {
                let end = min(features.count, first + Self.chunkSize)
                var collection = loaded.collection
                collection.features = Array(features[first..<end])
                try body(LoadedLayer(source: source, collection: collection, crs: crs, sha256: loaded.sha256, readWarnings: []), first)
                first = end
            } while first < features.count
            return
        }
        var hasher = sha256 == nil ? SHA256.Hasher() : nil
        try csv!.forEachChunk(raw: { hasher?.update($0) }) { features, first in
            try body(LoadedLayer(source: source, collection: FeatureCollection(features: features, crs: crs.definition), crs: crs,
                                 sha256: "", readWarnings: []), first)
        }
        if let done = hasher.take() { sha256 = done.hex() }
    }
}
