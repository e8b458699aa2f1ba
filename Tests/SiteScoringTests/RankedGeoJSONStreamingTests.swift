import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// The ranked GeoJSON written by the direct row encoder (issue 15) — in parts and streamed to a file in
/// rounds of parallel chunks — is byte-identical to encoding the `rankedCollection` `Feature` values with
/// `GeoJSONWriter`, for any thread count and chunk size.
final class RankedGeoJSONStreamingTests: XCTestCase {
    func testDirectEncodingMatchesFeatureEncodingForAnyThreadsAndChunks() throws {
        for variant in ["25832", "4326", "31467"] {
            let url = ScenarioRunnerTests.fixtures.appendingPathComponent("scenario_\(variant).yaml")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let scenario = try ScenarioLoader.load(contentsOf: url)
            var timings = StageTimings()
            let r = try ScenarioRunner.run(scenario, options: RunOptions(), timings: &timings)
            let reference = try GeoJSONWriter().encode(try r.rankedCollection(scenarioPath: "s.yaml", version: "t"))
            for threads in [1, 2, 5] {
                let parts = try r.rankedGeoJSONParts(scenarioPath: "s.yaml", version: "t", threads: threads)
                XCTAssertEqual(Array(parts.joined()), reference, "\(variant), parts, \(threads) threads")
                let out = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).geojson")
                defer { try? FileManager.default.removeItem(at: out) }
                try r.writeRankedGeoJSON(to: out, protecting: [], scenarioPath: "s.yaml", version: "t", threads: threads)
                XCTAssertEqual(Array(try Data(contentsOf: out)), reference, "\(variant), streamed, \(threads) threads")
            }
        }
    }

    func testStreamingIsIndependentOfChunkSize() {
        let writer = GeoJSONWriter()
        let encodeRange: @Sendable (Range<Int>, inout GeoJSONFeatureEncoder) -> Void = { range, e in
            for i in range {
                e.separator(before: i)
                e.beginFeature(id: .number(Double(i)))
                e.member(GeoJSONFeatureEncoder.memberKey("x"))
                e.number(Double(i) / 7)
                e.endFeature(geometry: .point(Position(x: Double(i) * 1e-3, y: 50)))
            }
        }
        var reference: [UInt8] = []
        writer.encodeStreaming(featureCount: 3000, threads: 1, chunkSize: 3000, encodeRange: encodeRange) { reference += $0 }
        for (threads, chunk) in [(1, 1), (2, 7), (3, 1000), (4, 4096)] {
            var bytes: [UInt8] = []
            writer.encodeStreaming(featureCount: 3000, threads: threads, chunkSize: chunk, encodeRange: encodeRange) { bytes += $0 }
            XCTAssertEqual(bytes, reference, "threads \(threads), chunk \(chunk)")
        }
        let features = (0..<3000).map { i in
            Feature(id: .number(Double(i)), geometry: .point(Position(x: Double(i) * 1e-3, y: 50)), properties: ["x": .number(Double(i) / 7)])
        }
        XCTAssertEqual(try writer.encode(FeatureCollection(features: features)), reference)
    }
}
