import Foundation
import XCTest
@testable import SiteScoring

/// Part files are read back through kept-open descriptors when there are few, else opened for each use; both read
/// the same bytes, and a vanished part is an error naming it.
final class PartReadersTests: XCTestCase {
    func testKeptOpenAndOpenedPerUseReadTheSameLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = try (0..<3).map { i -> URL in
            let url = folder.appendingPathComponent("part-\(i).ndjson")
            try Data("line zero of \(i)\nline one of \(i)\n".utf8).write(to: url)
            return url
        }
        let kept = try PartReaders(urls, keptOpen: 10)
        let perUse = try PartReaders(urls, keptOpen: 1)
        for i in 0..<3 {
            let offset = "line zero of \(i)\n".utf8.count
            let expected = Array("line one of \(i)".utf8)
            XCTAssertEqual(try kept.reader(i).read(offset: offset, length: expected.count), expected)
            XCTAssertEqual(try perUse.reader(i).read(offset: offset, length: expected.count), expected)
        }
        try FileManager.default.removeItem(at: urls[1])
        XCTAssertThrowsError(try perUse.reader(1)) { XCTAssertTrue("\($0)".contains("part-1.ndjson"), "\($0)") }
    }
}
