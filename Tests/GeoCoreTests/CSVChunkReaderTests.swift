import Foundation
import XCTest
@testable import GeoCore

/// `CSVChunkReader` (issue 16) against `CSVReader` on the whole file, which is the reference: the same features,
/// warnings and errors (with the same line numbers) however small the blocks, for quoted line breaks, CRLF, a BOM
/// and the German convention decided over the whole column (`1.200` read as 1.2 because of a `3.5` in a later block).
final class CSVChunkReaderTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-csvchunk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func file(_ text: String, _ name: String = "in.csv") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func chunked(_ url: URL, blockSize: Int) throws -> (features: [Feature], warnings: [String], firsts: [Int]) {
        let reader = try CSVChunkReader(url: url, xColumn: "lon", yColumn: "lat", blockSize: blockSize)
        var features: [Feature] = []
        var firsts: [Int] = []
        try reader.forEachChunk { chunk, first in
            XCTAssertEqual(first, features.count)
            firsts.append(first)
            features += chunk
        }
        return (features, reader.warnings.map(\.description), firsts)
    }

    func assertSameAsWholeFile(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = try self.file(text)
        let whole = try CSVReader.readWithWarnings(contentsOf: url, xColumn: "lon", yColumn: "lat")
        for blockSize in [64, 97, 256, 1 << 20] {
            let (features, warnings, firsts) = try chunked(url, blockSize: blockSize)
            XCTAssertEqual(features, whole.collection.features, "block size \(blockSize)", file: file, line: line)
            XCTAssertEqual(warnings, whole.warnings.map(\.description), "block size \(blockSize)", file: file, line: line)
            if blockSize == 64 { XCTAssertGreaterThan(firsts.count, 3, "64-byte blocks should split the file", file: file, line: line) }
        }
    }

    func testQuotedLineBreaksCRLFAndBOM() throws {
        var text = "\u{FEFF}id,lon,lat,note\r\n"
        for i in 1...40 {
            let note = i % 7 == 0 ? "\"two\r\nlines, \"\"quoted\"\"\"" : (i % 5 == 0 ? "" : "plain \(i)")
            text += "\(i),\(10 + Double(i) / 100),52.\(i),\(note)\r\n"
        }
        try assertSameAsWholeFile(text)
    }

    func testGermanNumbersAreDecidedOverTheWholeColumn() throws {
        // `1.200` in the early blocks; the column's decimal points (`2.5`) come later, so every `1.200` is 1.2 (with a warning).
        var text = "id;lon;lat;rating;spaces\n"
        for i in 1...60 { text += "\(i);10,\(700 + i);52,4\(i % 10);\(i <= 30 ? "1.200" : "2.5");1.\(100 + i)\n" }
        try assertSameAsWholeFile(text)
        let (features, warnings, _) = try chunked(try file(text), blockSize: 64)
        XCTAssertEqual(features[0].properties["rating"], .number(1.2), "read with a decimal point because of the 2.5 in later rows")
        XCTAssertEqual(features[0].properties["spaces"], .number(1101), "thousands: the column has no decimal point")
        XCTAssertEqual(warnings.count, 2, "one per column: rating read as 1.2, spaces as thousands \(warnings)")
    }

    func testErrorsNameTheSameLineAsTheWholeFileRead() throws {
        var text = "id,lon,lat\n"
        for i in 1...50 { text += "\(i),10.\(i),52.\(i)\n" }
        text += "51,10.5\n"  // a ragged row on line 52
        let url = try file(text)
        var wholeError: String?
        XCTAssertThrowsError(try CSVReader.read(contentsOf: url, xColumn: "lon", yColumn: "lat")) { wholeError = "\($0)" }
        XCTAssertThrowsError(try chunked(url, blockSize: 64)) { XCTAssertEqual("\($0)", wholeError) }
        XCTAssertTrue(wholeError?.contains("52") == true, wholeError ?? "")
    }

    func testHeaderOnlyAndEmptyFiles() throws {
        XCTAssertEqual(try chunked(try file("id,lon,lat\n"), blockSize: 64).features.count, 0)
        XCTAssertThrowsError(try chunked(try file("", "empty.csv"), blockSize: 64))
    }
}

/// `readChunks` is a `LayerReader` requirement: through `any LayerReader` the CSV reader's own streaming version
/// runs (chunks follow its blocks of ≈ 64 bytes per requested feature), not the default that reads the whole file
/// and slices it into chunks of exactly `chunkSize` (which held 10 million candidates in memory at once).
final class LayerReaderChunkDispatchTests: XCTestCase {
    func testCSVReaderStreamsThroughTheProtocol() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("standort-dispatch-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "id,lon,lat\n"
        for i in 1...200 { text += "\(i),10.\(i),52.\(i)\n" }  // ≈ 15 bytes per row
        try Data(text.utf8).write(to: url)
        let reader: any LayerReader = CSVLayerReader()
        var sizes: [Int] = []
        _ = try reader.readChunks(LayerReadRequest(url: url, xColumn: "lon", yColumn: "lat"), chunkSize: 10) { chunk, _ in sizes.append(chunk.features.count) }
        XCTAssertEqual(sizes.reduce(0, +), 200)
        XCTAssertGreaterThan(sizes[0], 10, "chunks of \(sizes): the whole-file default ran instead of the streaming reader")
    }
}
