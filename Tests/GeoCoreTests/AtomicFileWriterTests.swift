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
