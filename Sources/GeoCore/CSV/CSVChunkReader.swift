import Foundation

/// Reads a CSV file of points a block of rows at a time, for candidate files larger than memory (issue 16): the
/// same features, errors and warnings as `CSVReader` on the whole file, without the file ever being in memory
/// (read with read(2), not mapped) and without a size limit.
///
/// With `;` the decimal convention of a column (`1.200`: 1200 or 1.2) depends on all its cells, so `init` reads
/// the file once to decide it; every `forEachChunk` then hands out rows read as the whole file would be.
public final class CSVChunkReader {
    public let url: URL
    public let crs: String
    /// Warnings about how numbers were read (decided in `init`).
    public private(set) var warnings: [CSVWarning] = []
    private let layout: CSVLayout
    private let bodyStart: Int
    private let bodyLine: Int
    private var readAsPoint: [Bool]?
    /// Bytes per block (about 130,000 rows of 30 bytes): the rows of one block are in memory at a time.
    let blockSize: Int

    public init(url: URL, xColumn: String, yColumn: String, crs: String = "EPSG:4326", delimiter: CSVDelimiter? = nil,
                blockSize: Int = 4 << 20) throws {
        self.url = url
        self.crs = crs
        self.blockSize = blockSize
        let reader: BlockReader
        do { reader = try BlockReader(url) } catch { throw CSVError(.unreadable(error.reason), source: url.path) }
        // The header: the first record of the first block that has one.
        var found: (CSVLayout, Int, Int)?
        var failure: CSVError?
        do throws(CSVError) {
            try reader.forEachBlock(blockSize: 1 << 16, boundary: Self.recordBoundary) { (bytes: UnsafeBufferPointer<UInt8>, offset: Int) throws(CSVError) in
                guard found == nil else { return }
                let (layout, start, line) = try CSVLayout.read(bytes, source: url.path, xColumn: xColumn, yColumn: yColumn, delimiter: delimiter)
                found = (layout, offset + start, line)
            }
        } catch { failure = error }
        if let failure { throw failure }
        guard let (layout, bodyStart, bodyLine) = found else { throw CSVError(.emptyFile, source: url.path) }
        self.layout = layout
        self.bodyStart = bodyStart
        self.bodyLine = bodyLine
        if layout.decimalComma {
            var evidence = layout.emptyEvidence
            try forEachRawChunk(evidence: &evidence) { _, _, _ in }
            let (readAsPoint, warnings) = try CSVColumnEvidence.resolve(evidence, names: layout.names, source: url.path)
            self.readAsPoint = readAsPoint
            self.warnings = warnings
        }
    }

    /// Calls `body(features, firstFeature)` for consecutive blocks of rows, the whole file in order.
    public func forEachChunk(_ body: ([Feature], Int) throws -> Void) throws {
        var unused = layout.emptyEvidence
        try forEachRawChunk(evidence: &unused) { features, first, evidence in
            if let readAsPoint { layout.apply(readAsPoint, evidence: evidence, to: &features, firstFeature: first) }
            try body(features, first)
        }
    }

    /// The rows block by block, with `1.200` provisionally as thousands; each block's evidence is added to `evidence`
    /// and handed to `body` on its own.
    private func forEachRawChunk(evidence: inout [CSVColumnEvidence], _ body: (inout [Feature], Int, [CSVColumnEvidence]) throws -> Void) throws {
        let reader: BlockReader
        do { reader = try BlockReader(url) } catch { throw CSVError(.unreadable(error.reason), source: url.path) }
        var line = bodyLine
        var featureCount = 0
        var total = evidence
        let layout = self.layout
        let bodyStart = self.bodyStart
        try reader.forEachBlock(blockSize: blockSize, boundary: Self.recordBoundary) { (bytes: UnsafeBufferPointer<UInt8>, offset: Int) throws in
            let start = max(0, bodyStart - offset)
            guard start < bytes.count else { return }
            var blockEvidence = layout.emptyEvidence
            var tokenizerLine = line
            var features = try layout.parseRows(bytes, from: start, line: line, firstFeature: featureCount, evidence: &blockEvidence,
                                                endLine: &tokenizerLine)
            line = tokenizerLine
            for c in blockEvidence.indices { total[c].merge(blockEvidence[c]) }
            try body(&features, featureCount, blockEvidence)
            featureCount += features.count
        }
        evidence = total
    }

    /// The end of the last complete record in `bytes`: a line end outside quotes (quotes pair up within a record,
    /// so a line end after an even number of quotes since the block's start ends a record).
    static func recordBoundary(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var quotes = 0
        var last: Int?
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                quotes += 1
            } else if quotes & 1 == 0 {
                if b == 0x0A {
                    last = i + 1
                } else if b == 0x0D, i + 1 < n, bytes[i + 1] != 0x0A {
                    last = i + 1
                }
            }
            i += 1
        }
        return last
    }
}
