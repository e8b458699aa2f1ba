import Foundation
import XCTest
@testable import GeoCore

/// `BlockReader`: blocks end at the caller's record boundaries, together they are the file, a record without an
/// end is cut at `maximumRecord` (a file without line ends cannot fill memory), and `read(offset:length:)` reads lines back.
final class BlockReaderTests: XCTestCase {
    func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("standort-blocks-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testBlocksEndAtLineEndsAndCoverTheFile() throws {
        let text = (1...300).map { "line \($0)" }.joined(separator: "\n") + "\nlast without end"
        let reader = try BlockReader(try file(Array(text.utf8)))
        var joined: [UInt8] = []
        var offsets: [Int] = []
        reader.forEachBlock(blockSize: 100, boundary: BlockReader.lineBoundary) { (block: UnsafeBufferPointer<UInt8>, offset: Int) in
            XCTAssertEqual(offset, joined.count)
            offsets.append(offset)
            if offsets.count > 1 { XCTAssertEqual(joined.last, 10, "a block ends at a line end") }
            joined += block
        }
        XCTAssertEqual(joined, Array(text.utf8))
        XCTAssertGreaterThan(offsets.count, 10)
        XCTAssertEqual(reader.read(offset: 5, length: 6).map { String(decoding: $0, as: UTF8.self) }, "1\nline")
    }

    func testARecordWithoutAnEndIsCutAtTheMaximum() throws {
        let reader = try BlockReader(try file(Array(repeating: UInt8(ascii: "x"), count: 5000)))
        var sizes: [Int] = []
        reader.forEachBlock(blockSize: 64, maximumRecord: 1024, boundary: BlockReader.lineBoundary) { (block: UnsafeBufferPointer<UInt8>, _: Int) in
            sizes.append(block.count)
        }
        XCTAssertEqual(sizes.reduce(0, +), 5000)
        XCTAssertLessThanOrEqual(sizes.max() ?? 0, 2048, "\(sizes)")
    }
}
