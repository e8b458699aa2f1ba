import Foundation
import TestSupport
import XCTest

/// Partition and merge (issue 16), end to end through the binary on a generated scenario: the merged output of
/// N = 1, 3 and 7 partitions (by id hash, and by tile) is byte for byte the single-process output, apart from the
/// manifest's `parts` list, for every method, with constraints, text criteria and polygon candidates; parts
/// that do not belong together are errors naming the file.
final class PartitionMergeTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("standort-partition-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PartitionScenario.write(to: folder, sites: 240, seed: 16)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try StandortProcess.run(args, cwd: folder)
    }

    @discardableResult
    func succeed(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run(args)
        XCTAssertEqual(r.status, 0, "standort \(args.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r.stderr
    }

    func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    /// Measures the N partitions and returns the part file names.
    func measure(_ n: Int, by scheme: String = "hash") throws -> [String] {
        try (1...n).map { i in
            let name = "part-\(scheme.replacingOccurrences(of: ":", with: "_"))-\(i)-of-\(n).ndjson"
            try succeed(["score", "scenario.yaml", "--partition", "\(i)/\(n)", "--partition-by", scheme, "--out", name, "--quiet", "--threads", "\(1 + i % 2)"])
            return name
        }
    }

    func testMergedOutputIsTheSingleProcessOutputForEveryMethodAndPartitionCount() throws {
        let methods = ["wsm", "topsis", "vikor", "promethee2"]
        for method in methods {
            try succeed(["score", "scenario.yaml", "--method", method, "--out", "single-\(method).geojson", "--quiet"])
        }
        try succeed(["score", "scenario.yaml", "--out", "single.csv", "--quiet"])
        let single = try methods.map { try bytes("single-\($0).geojson") }
        XCTAssertTrue(String(decoding: single[0], as: UTF8.self).contains("\"excluded\":true"), "the scenario should exclude some sites")

        for (n, scheme) in [(1, "hash"), (3, "hash"), (7, "hash"), (3, "tile:1500")] {
            // Reversed order on the command line: the merge must not depend on it.
            let parts = try measure(n, by: scheme).reversed()
            for (method, expected) in zip(methods, single) {
                let out = "merged-\(n)-\(method).geojson"
                try succeed(["merge", "scenario.yaml"] + parts + ["--method", method, "--out", out, "--quiet", "--threads", "\(n % 3 + 1)"])
                let merged = try bytes(out)
                let (stripped, listed) = try XCTUnwrap(Self.removingParts(merged), "no parts list in the manifest (\(n) by \(scheme))")
                XCTAssertEqual(listed, n, "the manifest lists \(listed) parts, not \(n)")
                XCTAssertTrue(stripped == expected, "\(method), \(n) partitions by \(scheme): the merged output differs from the single-process output")
            }
            try succeed(["merge", "scenario.yaml"] + parts + ["--out", "merged-\(n).csv", "--quiet"])
            XCTAssertTrue(try bytes("merged-\(n).csv") == bytes("single.csv"), "CSV output, \(n) partitions by \(scheme)")
        }
    }

    func testManifestListsEachPartWithItsSHA256() throws {
        let parts = try measure(3)
        try succeed(["merge", "scenario.yaml"] + parts + ["--out", "merged.geojson", "--quiet"])
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("merged.geojson"))) as? [String: Any]
        let listed = try XCTUnwrap((object?["standort"] as? [String: Any])?["parts"] as? [[String: Any]])
        XCTAssertEqual(listed.map { $0["partition"] as? String }, ["1/3", "2/3", "3/3"])
        for (entry, name) in zip(listed, parts) {
            XCTAssertEqual(entry["sha256"] as? String, try Self.sha256(of: folder.appendingPathComponent(name)))
            XCTAssertTrue((entry["path"] as? String ?? "").hasSuffix(name))
        }
        XCTAssertEqual(listed.compactMap { $0["sites"] as? Int }.reduce(0, +), 240)
    }

    func testPartsThatDoNotBelongTogetherAreErrorsNamingTheFile() throws {
        let three = try measure(3)
        let seven = try measure(7)
        func fails(_ args: [String], status: Int32 = 65, mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws {
            let r = try run(args)
            XCTAssertEqual(r.status, status, "standort \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
            let errors = r.stderr.split(separator: "\n").filter { $0.lowercased().hasPrefix("error:") }
            XCTAssertEqual(errors.count, 1, r.stderr, file: file, line: line)
            for m in mentions { XCTAssertTrue(r.stderr.contains(m), "'\(m)' not in: \(r.stderr)", file: file, line: line) }
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.geojson").path), file: file, line: line)
        }
        // A missing partition.
        try fails(["merge", "scenario.yaml", three[0], three[2], "--out", "bad.geojson"], mentions: ["partition 2/3 is missing"])
        // The same partition twice.
        try fails(["merge", "scenario.yaml", three[0], three[1], three[1], three[2], "--out", "bad.geojson"], mentions: [three[1], "holds partition 2/3"])
        // Parts of two partitionings.
        try fails(["merge", "scenario.yaml", three[0], seven[1], "--out", "bad.geojson"], mentions: [seven[1], "partitioning 7 by hash", "3 by hash"])
        // A part measured for another version of the scenario.
        try FileManager.default.copyItem(at: folder.appendingPathComponent("scenario.yaml"), to: folder.appendingPathComponent("other.yaml"))
        let text = try String(contentsOf: folder.appendingPathComponent("other.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 3", with: "weight: 4").write(to: folder.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
        try succeed(["score", "other.yaml", "--partition", "2/3", "--out", "other-2.ndjson", "--quiet"])
        try fails(["merge", "scenario.yaml", three[0], "other-2.ndjson", three[2], "--out", "bad.geojson"], mentions: ["other-2.ndjson", "another scenario"])
        // A part whose site was moved to another file (the same site twice / a site in the wrong partition).
        let lines = try String(contentsOf: folder.appendingPathComponent(three[0]), encoding: .utf8).split(separator: "\n")
        let moved = try String(contentsOf: folder.appendingPathComponent(three[1]), encoding: .utf8) .split(separator: "\n")
        // The last line ('standort_part_end') counts the site lines.
        let header = String(lines[0])
        let sites = lines.dropFirst().dropLast().map(String.init)
        let trailer = String(lines.last!)
        XCTAssertTrue(trailer.contains("\"standort_part_end\":{\"sites\":\(sites.count)"), trailer)
        let moreSites = trailer.replacingOccurrences(of: "\"sites\":\(sites.count)", with: "\"sites\":\(sites.count + 1)")
        try ([header] + sites + [String(moved[1]), moreSites]).joined(separator: "\n")
            .write(to: folder.appendingPathComponent("edited.ndjson"), atomically: true, encoding: .utf8)
        try fails(["merge", "scenario.yaml", "edited.ndjson", three[1], three[2], "--out", "bad.geojson"], mentions: ["edited.ndjson", "belongs to partition 2"])
        // Not a part file at all, a cut-off part (no last line, or fewer sites than it announces), and a missing file.
        try fails(["merge", "scenario.yaml", "candidates.geojson", "--out", "bad.geojson"], mentions: ["candidates.geojson", "not a Standort partition file"])
        try ([header] + sites.dropLast()).joined(separator: "\n")
            .write(to: folder.appendingPathComponent("short.ndjson"), atomically: true, encoding: .utf8)
        try fails(["merge", "scenario.yaml", "short.ndjson", three[1], three[2], "--out", "bad.geojson"], mentions: ["short.ndjson", "cut off"])
        try ([header] + sites.dropLast() + [trailer]).joined(separator: "\n")
            .write(to: folder.appendingPathComponent("fewer.ndjson"), atomically: true, encoding: .utf8)
        try fails(["merge", "scenario.yaml", "fewer.ndjson", three[1], three[2], "--out", "bad.geojson"], mentions: ["fewer.ndjson", "announces \(sites.count) sites"])
        try fails(["merge", "scenario.yaml", "nope.ndjson", "--out", "bad.geojson"], status: 66, mentions: ["nope.ndjson"])
        // Bad partition specifications are usage errors.
        try fails(["score", "scenario.yaml", "--partition", "4/3", "--out", "bad.geojson"], status: 64, mentions: ["between 1 and the partition count"])
        try fails(["score", "scenario.yaml", "--partition", "1/3", "--partition-by", "tiles", "--out", "bad.geojson"], status: 64, mentions: ["tile:SIZE"])
    }

    func testAnErrorInAPartitionNamesTheFeatureAsTheSingleRunDoes() throws {
        let url = folder.appendingPathComponent("candidates.geojson")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        // Line 0 opens the collection, so feature 150 (0-based) is on line 151.
        let regex = try NSRegularExpression(pattern: "\"spaces\":[0-9]+")
        let line = lines[151]
        XCTAssertEqual(regex.numberOfMatches(in: line, range: NSRange(line.startIndex..., in: line)), 1)
        lines[151] = regex.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "\"spaces\":\"viele\"")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)

        let single = try run(["score", "scenario.yaml", "--out", "x.geojson", "--quiet"])
        XCTAssertEqual(single.status, 65)
        let expected = try XCTUnwrap(single.stderr.split(separator: "\n").first { $0.hasPrefix("error:") }, single.stderr)
        XCTAssertTrue(expected.contains("feature 150"), String(expected))
        var failing: [String] = []
        for i in 1...3 {
            let r = try run(["score", "scenario.yaml", "--partition", "\(i)/3", "--out", "p\(i).ndjson", "--quiet"])
            if r.status != 0 {
                XCTAssertEqual(r.status, 65)
                failing.append(r.stderr.split(separator: "\n").first { $0.hasPrefix("error:") }.map(String.init) ?? r.stderr)
            }
        }
        XCTAssertEqual(failing, [String(expected)], "exactly the partition holding feature 150 fails, with the single run's message")
        let named = try run(["score", "scenario.yaml", "--partition", "1/3", "--out", "p1.geojson", "--quiet"])
        XCTAssertEqual(named.status, 64)
        XCTAssertTrue(named.stderr.contains("name it p1.ndjson"), named.stderr)
    }

    func testHelpShowsACompleteExample() throws {
        for command in ["score", "merge"] {
            let help = try run([command, "--help"]).stdout
            XCTAssertTrue(help.contains("standort score SCEN --partition 2/3 --out part-2.ndjson"), "\(command) --help: \(help)")
            XCTAssertTrue(help.contains("standort merge SCEN part-*.ndjson --out ranked.geojson"), "\(command) --help: \(help)")
        }
    }

    /// The output without the manifest's `"parts":[…]` member, and the number of parts listed.
    static func removingParts(_ bytes: [UInt8]) -> ([UInt8], Int)? {
        let key = Array(",\"parts\":[".utf8)
        guard let start = (0...(bytes.count - key.count)).first(where: { bytes[$0..<($0 + key.count)].elementsEqual(key) }) else { return nil }
        var depth = 0, i = start + key.count - 1, inString = false, count = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                depth += 1
                if depth == 2 && b == UInt8(ascii: "{") { count += 1 }
            } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return (Array(bytes[..<start] + bytes[(i + 1)...]), count) }
            }
            i += 1
        }
        return nil
    }

    static func sha256(of url: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [url.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}

/// A generated scenario for partition tests: polygon and point candidates (text and numeric attributes, some
/// missing), POIs in CSV with a summed field, exits, priority areas (inside criterion) and protected areas
/// (outside constraint); seven criteria and three constraints. The same seed gives the same files.
enum PartitionScenario {
    static func write(to folder: URL, sites: Int, seed: UInt64, candidatesName: String = "candidates.geojson") throws {
        var rng = SeededGenerator(seed: seed)
        func lon() -> Double { Double.random(in: 10.70...10.90, using: &rng) }
        func lat() -> Double { Double.random(in: 52.38...52.46, using: &rng) }
        func square(_ x: Double, _ y: Double, _ d: Double) -> String {
            "[[[\(x),\(y)],[\(x + d),\(y)],[\(x + d),\(y + d * 0.6)],[\(x),\(y + d * 0.6)],[\(x),\(y)]]]"
        }
        let kinds = ["hotel", "supermarket", "garage", "Hotel"]
        var features: [String] = []
        for i in 1...sites {
            let x = lon(), y = lat()
            let geometry = i % 5 == 0 ? "{\"type\":\"Polygon\",\"coordinates\":\(square(x, y, 0.0015))}" : "{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]}"
            let spaces = i % 17 == 0 ? "null" : "\(Int.random(in: 4...120, using: &rng))"
            let id = i % 3 == 0 ? "\(i)" : "\"S-\(i)\""
            features.append("{\"type\":\"Feature\",\"properties\":{\"site_id\":\(id),\"name\":\"Site \(i) \\\"Ä\\\"\",\"spaces\":\(spaces),\"kind\":\"\(kinds[i % kinds.count])\",\"score_hint\":\(Double.random(in: 0...1, using: &rng))},\"geometry\":\(geometry)}")
        }
        try write("{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n", folder, candidatesName)
        var pois = "poi_id,lon,lat,weight\n"
        for i in 1...600 { pois += "\(i),\(lon()),\(lat()),\(Int.random(in: 1...100, using: &rng))\n" }
        try write(pois, folder, "pois.csv")
        let exits = (1...25).map { _ in "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(lon()),\(lat())]}}" }
        try write("{\"type\":\"FeatureCollection\",\"features\":[\(exits.joined(separator: ","))]}", folder, "exits.geojson")
        let areas = (1...6).map { _ in "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(square(lon(), lat(), 0.03))}}" }
        try write("{\"type\":\"FeatureCollection\",\"features\":[\(areas.joined(separator: ","))]}", folder, "areas.geojson")
        let protected = (1...2).map { _ in "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(square(lon(), lat(), 0.02))}}" }
        try write("{\"type\":\"FeatureCollection\",\"features\":[\(protected.joined(separator: ","))]}", folder, "protected.geojson")
        try write("""
        name: Partition test scenario
        crs: EPSG:25832
        method: wsm
        candidates: {path: \(candidatesName), id: site_id}
        layers:
          pois: {path: pois.csv, x: lon, y: lat}
          exits: {path: exits.geojson}
          areas: {path: areas.geojson}
          protected: {path: protected.geojson}
        criteria:
          - {id: exit_distance, kind: distance, layer: exits, direction: cost, weight: 3}
          - {id: pois_1km, kind: count_within, layer: pois, radius: 1000, direction: benefit, weight: 2}
          - {id: poi_weight_1km, kind: sum_within, layer: pois, field: weight, radius: 1000, direction: benefit, weight: 1}
          - {id: in_area, kind: inside, layer: areas, direction: benefit, weight: 1}
          - {id: spaces, kind: attribute, field: spaces, weight: 2, value: {piecewise: [[10, 0], [40, 0.8], [100, 1]]}}
          - {id: dwell_fit, kind: attribute, field: kind, weight: 2, value: {categories: {hotel: 0.6, supermarket: 1.0}, default: 0.1}}
          - {id: lot_area, kind: area, direction: benefit, weight: 1}
        constraints:
          - {id: near_exit, kind: distance, layer: exits, max: 6000}
          - {id: too_small, kind: attribute, field: spaces, min: 8}
          - {id: protected, kind: outside, layer: protected}

        """, folder, "scenario.yaml")
    }

    static func write(_ text: String, _ folder: URL, _ name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
