import Foundation
import XCTest
@testable import GeoCore
#if canImport(Glibc)
import Glibc
#endif

/// Atomic output: a file or directory appears complete or not at all, and existing targets survive failures.
final class AtomicFileWriterTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func testWritesAndReplaces() throws {
        let url = dir.appendingPathComponent("out.geojson")
        try AtomicFileWriter().write(Array("first".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "first")
        try AtomicFileWriter().write(Data("second".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        XCTAssertEqual(try listing(), ["out.geojson"], "no temporary file is left behind")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o644)
    }

    func testMissingDirectoryIsAnErrorAndNotCreated() {
        let missing = dir.appendingPathComponent("nope")
        XCTAssertThrowsError(try AtomicFileWriter().write([1], to: missing.appendingPathComponent("out.geojson"))) {
            XCTAssertEqual($0 as? OutputError, .directoryNotFound(path: missing.path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
    }

    func testUnwritableDirectory() throws {
        // Root ignores permission bits, so use procfs, which nobody can create files in.
        XCTAssertThrowsError(try AtomicFileWriter().write([1], to: URL(fileURLWithPath: "/proc/standort-test.geojson"))) {
            guard case .notWritable(path: "/proc", _)? = $0 as? OutputError else { return XCTFail("\($0)") }
        }
        if getuid() != 0 {
            let locked = dir.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
            chmod(locked.path, 0o555)
            defer { chmod(locked.path, 0o755) }
            XCTAssertThrowsError(try AtomicFileWriter().write([1], to: locked.appendingPathComponent("x"))) {
                guard case .notWritable? = $0 as? OutputError else { return XCTFail("\($0)") }
            }
        }
    }

    func testDiskFullLeavesExistingTargetUntouched() throws {
        let url = dir.appendingPathComponent("out.geojson")
        try AtomicFileWriter().write(Array("old content".utf8), to: url)
        // A writer that accepts 4 bytes and then reports ENOSPC, as write(2) does on a full disk.
        let budget = Budget(4)
        let full = AtomicFileWriter { fd, bytes, count in
            let n = budget.take(count)
            if n == 0 {
                errno = ENOSPC
                return -1
            }
            return systemWrite(fd, bytes, n)
        }
        XCTAssertThrowsError(try full.write(Array(repeating: 65, count: 100), to: url)) {
            XCTAssertEqual($0 as? OutputError, .diskFull(path: url.path))
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "old content")
        XCTAssertEqual(try listing(), ["out.geojson"])

        // A writer that makes no progress counts as a full disk too, and no target is created.
        let stuck = AtomicFileWriter { _, _, _ in 0 }
        let fresh = dir.appendingPathComponent("new.geojson")
        XCTAssertThrowsError(try stuck.write([1, 2, 3], to: fresh)) {
            XCTAssertEqual($0 as? OutputError, .diskFull(path: fresh.path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh.path))

        let failing = AtomicFileWriter { _, _, _ in
            errno = EIO
            return -1
        }
        XCTAssertThrowsError(try failing.write([1], to: fresh)) {
            XCTAssertEqual($0 as? OutputError, .writeFailed(path: fresh.path, reason: String(cString: strerror(EIO))))
        }
        XCTAssertEqual(try listing(), ["out.geojson"])
    }

    /// Whether the test directory's file system takes direct I/O (tmpfs before Linux 6.6 does not).
    private func directIOSupported() -> Bool {
        guard let flag = StagedFileOutput.directFlag else { return false }
        let probe = dir.appendingPathComponent("probe").path
        let fd = open(probe, O_WRONLY | O_CREAT | flag, 0o644)
        defer { unlink(probe) }
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// Bytes that show any misplaced, repeated or lost piece: a 64-bit LCG's high bytes.
    private func pattern(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x5EED
        var words = [UInt64](repeating: 0, count: count / 8 + 1)
        for i in words.indices {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            words[i] = state
        }
        return words.withUnsafeBytes { Array($0.prefix(count)) }
    }

    /// A large streamed file (3 staging buffers and an odd tail, emitted in uneven pieces) arrives byte for
    /// byte; its full buffers go past the page cache (direct I/O) where the file system allows, its tail and
    /// every write of a writer told to keep the pages cached do not.
    func testLargeFilesAreWrittenWholeWithDirectIOForFullBuffers() throws {
        let bytes = pattern(3 * StagedFileOutput.capacity + 12_345)
        let supported = directIOSupported()
        for bypass in [true, false] {
            let modes = WriteModes()
            let writer = AtomicFileWriter(bypassesPageCache: bypass) { fd, raw, count in
                modes.record(direct: fcntl(fd, F_GETFL) & StagedFileOutput.directFlag! != 0, count: count)
                return systemWrite(fd, raw, count)
            }
            let url = dir.appendingPathComponent("large-\(bypass).bin")
            try writer.write(to: url) { emit throws(OutputError) in
                var offset = 0, piece = 1
                while offset < bytes.count {
                    let n = min(piece, bytes.count - offset)
                    let r: Result<Void, OutputError> = bytes.withUnsafeBytes { raw in
                        Result { () throws(OutputError) in try emit(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + n])) }
                    }
                    try r.get()
                    offset += n
                    piece = piece * 7 % 5_000_011 + 1
                }
            }
            XCTAssertEqual(try Data(contentsOf: url), Data(bytes))
            let expectDirect = bypass && supported
            XCTAssertEqual(modes.log.map(\.direct), [expectDirect, expectDirect, expectDirect, false], "bypass \(bypass)")
            XCTAssertEqual(modes.log.map(\.count), [StagedFileOutput.capacity, StagedFileOutput.capacity, StagedFileOutput.capacity, 12_345])
        }
    }

    /// A file system that accepts the direct-I/O flag but refuses the write (`EINVAL`) gets the bytes through
    /// the page cache, not an error.
    func testRefusedDirectWriteFallsBackToBufferedWrites() throws {
        try XCTSkipUnless(directIOSupported(), "the test directory's file system does not take direct I/O")
        let bytes = pattern(2 * StagedFileOutput.capacity + 7)
        let refusals = Budget(1)
        let writer = AtomicFileWriter { fd, raw, count in
            if fcntl(fd, F_GETFL) & StagedFileOutput.directFlag! != 0 && refusals.take(1) == 1 {
                errno = EINVAL
                return -1
            }
            return systemWrite(fd, raw, count)
        }
        let url = dir.appendingPathComponent("fallback.bin")
        try writer.write(bytes, to: url)
        XCTAssertEqual(try Data(contentsOf: url), Data(bytes))
        XCTAssertEqual(refusals.take(1), 0, "the direct write was tried and refused once")
        XCTAssertEqual(try listing(), ["fallback.bin"])
    }

    func testRefusesToOverwriteAnInputOrADirectory() throws {
        let input = dir.appendingPathComponent("in.geojson")
        try Data("input".utf8).write(to: input)
        // Same file reached through a different spelling of the path.
        let sameFile = dir.appendingPathComponent(".").appendingPathComponent("in.geojson")
        XCTAssertThrowsError(try AtomicFileWriter().write([1], to: sameFile, protecting: [input])) {
            XCTAssertEqual($0 as? OutputError, .wouldOverwriteInput(path: input.path))
        }
        XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), "input")
        XCTAssertThrowsError(try AtomicFileWriter().write([1], to: dir)) {
            guard case .wrongKindOfTarget? = $0 as? OutputError else { return XCTFail("\($0)") }
        }
    }

    func testDirectoryAppearsCompleteOrNotAtAll() throws {
        let out = dir.appendingPathComponent("sensitivity")
        try AtomicDirectoryWriter.write(to: out) { tmp in
            XCTAssertTrue(tmp.lastPathComponent.hasPrefix("sensitivity.tmp-"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "not visible before completion")
            try Data("a".utf8).write(to: tmp.appendingPathComponent("a.csv"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["a.csv"])
        XCTAssertEqual(try listing(), ["sensitivity"])

        // Existing and not empty: refused unless replacing is allowed; the old content stays.
        XCTAssertThrowsError(try AtomicDirectoryWriter.write(to: out) { _ in XCTFail("body must not run") }) {
            XCTAssertEqual($0 as? OutputError, .directoryNotEmpty(path: out.path))
        }
        try AtomicDirectoryWriter.write(to: out, replacingExisting: true) { tmp in
            try Data("b".utf8).write(to: tmp.appendingPathComponent("b.csv"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["b.csv"])
        XCTAssertEqual(try listing(), ["sensitivity"])

        // A failing body leaves nothing behind and the existing directory untouched.
        struct Boom: Error {}
        XCTAssertThrowsError(try AtomicDirectoryWriter.write(to: out, replacingExisting: true) { tmp in
            try Data("c".utf8).write(to: tmp.appendingPathComponent("c.csv"))
            throw Boom()
        }) { XCTAssertTrue($0 is Boom) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["b.csv"])
        XCTAssertEqual(try listing(), ["sensitivity"])

        let fresh = dir.appendingPathComponent("fresh")
        XCTAssertThrowsError(try AtomicDirectoryWriter.write(to: fresh) { _ in throw Boom() })
        XCTAssertEqual(try listing(), ["sensitivity"])

        let orphan = dir.appendingPathComponent("missing/child")
        XCTAssertThrowsError(try AtomicDirectoryWriter.write(to: orphan) { _ in }) {
            XCTAssertEqual($0 as? OutputError, .directoryNotFound(path: dir.appendingPathComponent("missing").path))
        }
    }
}

/// A byte budget shared with a `@Sendable` write function.
private final class Budget: @unchecked Sendable {
    private var remaining: Int
    private let lock = NSLock()
    init(_ bytes: Int) { remaining = bytes }
    func take(_ wanted: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let n = min(wanted, remaining)
        remaining -= n
        return n
    }
}

/// The writes a test's write function saw: whether the descriptor was in direct-I/O mode, and the size asked.
private final class WriteModes: @unchecked Sendable {
    private(set) var log: [(direct: Bool, count: Int)] = []
    private let lock = NSLock()
    func record(direct: Bool, count: Int) {
        lock.lock()
        defer { lock.unlock() }
        log.append((direct, count))
    }
}
