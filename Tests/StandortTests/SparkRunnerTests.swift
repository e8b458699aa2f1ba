import Foundation
import XCTest

/// Tools/spark/standort_spark.py in Spark local mode (issue 16): the partitions are measured by Spark tasks
/// running the shipped binary, the driver merges, and the result equals the single-machine run (apart from the
/// manifest's parts list). Skipped, saying why, when pyspark or Java is missing (`pip install 'pyspark>=4,<5'`,
/// Debian `openjdk-17-jre-headless`).
final class SparkRunnerTests: XCTestCase {
    func testLocalModeRunEqualsTheSingleMachineRun() throws {
        let python = try XCTUnwrap(Self.which("python3") ?? Self.which("python"), "python3 not found")
        guard Self.succeeds(python, ["-c", "import pyspark"]) else {
            throw XCTSkip("pyspark is not installed (pip install 'pyspark>=4,<5'); the Spark runner test is skipped")
        }
        guard let java = Self.which("java"), Self.succeeds(java, ["-version"]) else {
            throw XCTSkip("Java is not installed (Debian: apt-get install openjdk-17-jre-headless); the Spark runner test is skipped")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-spark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try PartitionScenario.write(to: folder, sites: 150, seed: 1616)

        let single = try StandortProcess.run(["score", "scenario.yaml", "--out", "single.geojson", "--quiet"], cwd: folder)
        XCTAssertEqual(single.status, 0, single.stderr)

        let script = StandortProcess.repositoryRoot.appendingPathComponent("Tools/spark/standort_spark.py")
        let binary = try StandortProcess.binary()
        let run = try Self.run(python, [script.path, "--master", "local[2]", "--standort", binary.path,
                                        "--scenario", folder.appendingPathComponent("scenario.yaml").path, "--partitions", "3",
                                        "--out", folder.appendingPathComponent("spark.geojson").path], cwd: folder)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("3 partitions measured"), run.output)

        let expected = Array(try Data(contentsOf: folder.appendingPathComponent("single.geojson")))
        let merged = Array(try Data(contentsOf: folder.appendingPathComponent("spark.geojson")))
        let (stripped, parts) = try XCTUnwrap(PartitionMergeTests.removingParts(merged), "the Spark run's manifest lists no parts")
        XCTAssertEqual(parts, 3)
        XCTAssertTrue(stripped == expected, "the Spark run's output differs from the single-machine run")
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func succeeds(_ executable: String, _ args: [String]) -> Bool {
        (try? run(executable, args, cwd: nil).status) == 0
    }

    static func run(_ executable: String, _ args: [String], cwd: URL?) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("standort-spark-log-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try handle.close()
        return (p.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }
}
