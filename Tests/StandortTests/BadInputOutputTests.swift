import Foundation
import XCTest

/// Output that cannot be written: README exit statuses 73 (cannot create: missing or unwritable directory),
/// 74 (I/O error while writing: disk full), 64 (would overwrite an input). Nothing may be left behind.
/// (The injected-write-failure unit tests are GeoCoreTests.AtomicFileWriterTests.)
final class BadInputOutputTests: XCTestCase {
    private var workspace: BadInputWorkspace!

    override func setUpWithError() throws { workspace = try BadInputWorkspace() }
    override func tearDown() { workspace?.destroy() }

    func testOutputDirectoryThatDoesNotExistIsNotCreated() throws {
        let out = workspace.url("missing/sub/out.geojson").path
        try assertFailure(workspace, status: 73, mentions: ["missing/sub", "does not exist"],
                          args: ["score", "scenario.yaml", "--out", out, "--quiet"], output: out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.url("missing").path))
    }

    func testOutputDirectoryIsAFile() throws {
        let out = workspace.url("sites.geojson/out.geojson").path
        try assertFailure(workspace, status: 73, mentions: ["sites.geojson"], args: ["score", "scenario.yaml", "--out", out, "--quiet"], output: out)
    }

    func testOutputIsADirectory() throws {
        try FileManager.default.createDirectory(at: workspace.url("ranked"), withIntermediateDirectories: false)
        let result = try workspace.run(["score", "scenario.yaml", "--out", "ranked", "--quiet"])
        checkOneErrorLine(result, status: 73, mentions: ["ranked", "must be a file"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workspace.url("ranked").path), [])
    }

    func testUnwritableOutputDirectory() throws {
        // /sys refuses file creation even to root (sysfs), unlike a chmod 0555 folder, which root ignores.
        guard FileManager.default.fileExists(atPath: "/sys/kernel") else { throw XCTSkip("no sysfs here") }
        let result = try workspace.run(["score", "scenario.yaml", "--out", "/sys/kernel/standort-out.geojson", "--quiet"])
        checkOneErrorLine(result, status: 73, mentions: ["/sys/kernel", "cannot write"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/sys/kernel/standort-out.geojson"))
    }

    func testReadOnlyMountedDirectory() throws {
        let mount = try TemporaryMount(options: "ro,size=64k")
        defer { mount.unmount() }
        try assertFailure(workspace, status: 73, mentions: [mount.folder.path, "cannot write"],
                          args: ["score", "scenario.yaml", "--out", mount.folder.appendingPathComponent("out.geojson").path, "--quiet"],
                          output: mount.folder.appendingPathComponent("out.geojson").path)
    }

    func testDiskFullLeavesNothingAndKeepsTheOldFile() throws {
        let mount = try TemporaryMount(options: "size=64k")
        defer { mount.unmount() }
        let out = mount.folder.appendingPathComponent("out.geojson")
        let old = Array("the previous ranking\n".utf8)
        try Data(old).write(to: out)
        // Fill the file system: write until ENOSPC (tmpfs rounds to pages, so the size is found by trying).
        let fillerURL = mount.folder.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: fillerURL.path, contents: nil)
        let filler = try FileHandle(forWritingTo: fillerURL)
        let block = Data(repeating: 0x20, count: 1024)
        while (try? filler.write(contentsOf: block)) != nil {}
        try? filler.close()

        let result = try workspace.run(["score", "scenario.yaml", "--out", out.path, "--quiet"])
        checkOneErrorLine(result, status: 74, mentions: [out.path, "disk is full"])
        XCTAssertEqual(try Array(Data(contentsOf: out)), old)
        XCTAssertEqual(workspace.leftoverTemporaryFiles(in: mount.folder), [])
    }

    func testOutputOverAnInputIsRefused() throws {
        let before = try Data(contentsOf: workspace.url("sites.geojson"))
        let result = try workspace.run(["score", "scenario.yaml", "--out", "sites.geojson", "--quiet"])
        checkOneErrorLine(result, status: 64, mentions: ["sites.geojson", "input"])
        XCTAssertEqual(try Data(contentsOf: workspace.url("sites.geojson")), before)
        // Also through another path to the same file (a symbolic link).
        try FileManager.default.createSymbolicLink(at: workspace.url("link.geojson"), withDestinationURL: workspace.url("shops.csv"))
        let viaLink = try workspace.run(["score", "scenario.yaml", "--out", "link.geojson", "--quiet"])
        checkOneErrorLine(viaLink, status: 64, mentions: ["link.geojson", "input"])
    }

    func testTimingsFileIsWrittenAtomicallyToo() throws {
        let result = try workspace.run(["score", "scenario.yaml", "--out", "out.geojson", "--timings", "nowhere/t.json", "--quiet"])
        checkOneErrorLine(result, status: 73, mentions: ["nowhere", "does not exist"])
    }
}

/// A small tmpfs mounted for one test (needs root or CAP_SYS_ADMIN; the test is skipped otherwise).
struct TemporaryMount {
    let folder: URL

    init(options: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-mount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/bin/mount"), (try? process.run()) != nil else {
            try? FileManager.default.removeItem(at: folder)
            throw XCTSkip("cannot run mount")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw XCTSkip("mounting a tmpfs is not permitted here")
        }
    }

    func unmount() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [folder.path]
        if (try? process.run()) != nil { process.waitUntilExit() }
        try? FileManager.default.removeItem(at: folder)
    }
}
