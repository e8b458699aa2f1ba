import Dispatch
import Foundation
import GeoCore

extension MergedRanking {
    /// Output positions encoded per chunk: each chunk's sites are re-read from their part lines.
    static let outputChunk = 16_384

    /// Writes the ranking as `format` to `url` atomically, the same bytes as ``ScoringResult/write(_:to:scenarioPath:version:options:protecting:)``
    /// of the single-process run. GeoJSON and CSV are written a chunk of sites at a time; GeoPackage, FlatGeobuf and
    /// XLSX are written from the whole ranking in memory (as a single-process run does).
    @discardableResult
    public func write(_ format: RankedOutputFormat, to url: URL, scenarioPath: String, version: String,
                      options: RankedOutputOptions = RankedOutputOptions(), protecting inputs: [URL]) throws -> [String] {
        switch format {
        case .geojson, .csv:
            let warnings = ScoringResult.mixedGeometryWarnings(types: geometryTypes, format: format, options: options)
            let head = try chunk(0..<0)
            let failure = FirstError()
            let writer = GeoJSONWriter(coordinateDecimals: options.coordinateDecimals)
            let names = head.outputPropertyPositions
            let keys = head.outputPropertyNames.map { GeoJSONFeatureEncoder.memberKey($0) }
            let columns = head.rankedCSVColumns(propertyNames: propertyNames)
            let pool = TransformerPool()
            try AtomicFileWriter().write(to: url, protecting: inputs) { (emit: ([UInt8]) throws -> Void) in
                if format == .csv {
                    // Rounds of one chunk per thread and one more, encoded in parallel, written in order.
                    try emit(head.rankedCSVHeader(columns, dialect: options.csvDialect))
                    let perRound = max(1, options.threads) * 2
                    var start = 0
                    while start < count {
                        let ranges = (0..<perRound).map { r in
                            min(count, start + r * Self.outputChunk)..<min(count, start + (r + 1) * Self.outputChunk)
                        }.filter { !$0.isEmpty }
                        let slots = ConcurrentSlots<Result<[UInt8], Error>>(count: ranges.count)
                        DispatchQueue.concurrentPerform(iterations: ranges.count) { [self] r in
                            slots.set(r, Result {
                                var out: [UInt8] = []
                                try chunk(ranges[r]).appendRankedCSVRows(columns, dialect: options.csvDialect, to: &out, pool: pool)
                                return out
                            })
                        }
                        for part in slots.values { try emit(try part.get()) }
                        start = ranges.last!.upperBound
                        options.progress?("writing", Double(start) / Double(count))
                    }
                    return
                }
                let manifest = head.manifest(scenarioPath: scenarioPath, version: version)
                try writer.encodeStreaming(featureCount: count, foreignMembers: ["standort": .object(manifest)], threads: options.threads,
                                           chunkSize: Self.outputChunk, encodeRange: { [self] range, encoder in
                    do {
                        let part = try chunk(range)
                        let geometries = try part.lonLatGeometries(options.geometry, pool: pool)
                        part.encodeRankedFeatures(0..<range.count, lonLatGeometries: geometries, addedNames: names, keys: keys,
                                                  schemas: PropertySchemas(part.candidates), into: &encoder,
                                                  positionOffset: range.lowerBound)
                        options.progress?("writing", Double(range.upperBound) / Double(count))
                    } catch {
                        failure.note(error)
                    }
                }) { (part: [UInt8]) throws in
                    if let error = failure.error { throw error }
                    try emit(part)
                }
            }
            return warnings
        case .gpkg, .fgb, .xlsx:
            return try materialized().write(format, to: url, scenarioPath: scenarioPath, version: version, options: options, protecting: inputs)
        }
    }
}

/// The first error of parallel work, kept to be thrown once the work is done.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    var error: (any Error)? { lock.withLock { first } }

    func note(_ error: any Error) {
        lock.withLock { if first == nil { first = error } }
    }
}

/// Coordinate transformers lent to the chunks being encoded at once: a PROJ transformer serves one thread at a
/// time, and creating one costs milliseconds, which thousands of chunks would pay again and again.
final class TransformerPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [String: [CoordinateTransformer]] = [:]

    /// Runs `body` with a transformer from `source` to `target` that no other thread uses meanwhile.
    func with<T>(from source: CRS, to target: CRS, _ body: (CoordinateTransformer) throws -> T) throws -> T {
        let key = source.definition + "\u{0}" + target.definition
        let lent = lock.withLock { idle[key]?.popLast() }
        let transformer = try lent ?? CoordinateTransformer(from: source, to: target)
        defer { lock.withLock { idle[key, default: []].append(transformer) } }
        return try body(transformer)
    }
}
