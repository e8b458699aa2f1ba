import Foundation
import TestSupport
import XCTest

@testable import SiteScoring

/// The system libcrypto path of `SHA256` (issue 15) gives the digests of the portable Swift code,
/// for lengths around the 64-byte block and padding boundaries and for a large buffer.
final class SHA256SystemTests: XCTestCase {
    func testSystemAndPortableDigestsAgree() {
        var rng = SeededGenerator(seed: 256)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 4096 + 17, 1 << 20] {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
            XCTAssertEqual(SHA256.digest(of: data), SHA256.portableDigest(of: data), "length \(length)")
        }
        XCTAssertEqual(SHA256.portableDigest(of: Data("abc".utf8)).map { String(format: "%02x", $0) }.joined(),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// The incremental hasher (files read block by block, issue 16) gives the one-shot digest for any split of the
    /// input, through libcrypto and through the portable code.
    func testIncrementalDigestEqualsOneShotForAnySplit() {
        var rng = SeededGenerator(seed: 16)
        for length in [0, 3, 64, 65, 200, 4096 + 17] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let expected = SHA256.hex(of: Data(bytes))
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, length), alignment: 1)
            defer { buffer.deallocate() }
            buffer.copyBytes(from: bytes)
            for split in [1, 7, 64, 100] {
                var hasher = SHA256.Hasher()
                var portable = SHA256.PortableHasher()
                var start = 0
                while start < length {
                    let end = min(length, start + split)
                    let piece = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
                    hasher.update(piece)
                    portable.update(piece)
                    start = end
                }
                let digest = hasher.hex()
                XCTAssertEqual(digest, expected, "length \(length), pieces of \(split)")
                XCTAssertEqual(SHA256.hexText(portable.finalize()), expected, "portable, length \(length), pieces of \(split)")
            }
        }
    }
}
