import Foundation
import TestSupport
import XCTest

/// Same inputs → byte-identical output, across runs and for any `--threads` (README: "results are
/// byte-identical for any N"). Uses 3000 seeded random sites so the per-site work is split into many
/// chunks, with ties in the count and inside criteria to exercise the id tie-break.
final class BadInputDeterminismTests: XCTestCase {
    func testScoreIsByteIdenticalAcrossRunsAndThreadCounts() throws {
        let workspace = try BadInputWorkspace()
        defer { workspace.destroy() }
        var rng = SeededGenerator(seed: 5)
        var features: [String] = []
        for i in 0..<3000 {
            let lon = Double.random(in: 10.70...10.85, using: &rng), lat = Double.random(in: 52.38...52.47, using: &rng)
            let spaces = Int.random(in: 0...60, using: &rng)
            // Numeric and text ids mixed, as real exports have them.
            let id = i % 3 == 0 ? "\(i)" : "\"s\(i)\""
            features.append(#"{"type": "Feature", "properties": {"site_id": \#(id), "spaces": \#(spaces)}, "geometry": {"type": "Point", "coordinates": [\#(lon), \#(lat)]}}"#)
        }
        try workspace.write("sites.geojson", #"{"type": "FeatureCollection", "features": [\#(features.joined(separator: ",\n"))]}"#)

        for (name, extra) in [("a.geojson", []), ("b.geojson", []), ("t1.geojson", ["--threads", "1"]), ("t4.geojson", ["--threads", "4"]),
                              ("c.csv", ["--threads", "1"]), ("d.csv", ["--threads", "4"]), ("x.geojson", ["--threads", "3", "--method", "topsis"]),
                              ("y.geojson", ["--threads", "1", "--method", "topsis"])] {
            try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", name, "--quiet"] + extra)
        }
        func bytes(_ name: String) throws -> Data { try Data(contentsOf: workspace.url(name)) }
        XCTAssertGreaterThan(try bytes("a.geojson").count, 100_000)
        XCTAssertEqual(try bytes("a.geojson"), try bytes("b.geojson"), "two runs differ")
        XCTAssertEqual(try bytes("a.geojson"), try bytes("t1.geojson"), "default threads vs --threads 1 differ")
        XCTAssertEqual(try bytes("t1.geojson"), try bytes("t4.geojson"), "--threads 1 vs 4 differ")
        XCTAssertEqual(try bytes("c.csv"), try bytes("d.csv"), "CSV output differs between thread counts")
        XCTAssertEqual(try bytes("x.geojson"), try bytes("y.geojson"), "TOPSIS output differs between thread counts")
    }
}
