import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// The small scenario in Fixtures/small (designed in EPSG:25832; see make_fixtures.py) scored end to end.
/// Expected values by hand and numpy:
///   exit_distance: A 500 (to X1 straight north), B √(1000²+500²) = 1118.034, E √(1000²+1500²) = 1802.776 (E is a
///   100 m square measured from its centroid 619000/5809000); shops_1km: A 1 (S1 at 500 m), B 2 (S1 806 m,
///   S2 exactly 1000 m: boundary counts), E 1 (S3 exactly 1000 m); in_area: A 1, B 1, E 0; spaces 50/30/80.
///   C is excluded by too_small (5 < 10), D by missing:spaces.
///   numpy: v = min–max, w = [3,2,1,1]/7 → WSM scores A 0.62857143, B 0.65382948, E 0.14285714;
///   TOPSIS on raw values (vector normalisation) → A 0.68996645, B 0.59166464, E 0.19437158.
final class ScenarioRunnerTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/small")

    func run(_ variant: String, method: AggregationMethod? = nil, threads: Int? = nil) throws -> ScoringResult {
        let scenario = try ScenarioLoader.load(contentsOf: Self.fixtures.appendingPathComponent("scenario_\(variant).yaml"))
        var timings = StageTimings()
        return try ScenarioRunner.run(scenario, options: RunOptions(method: method, threads: threads), timings: &timings)
    }

    func index(_ result: ScoringResult, _ id: String) -> Int {
        result.siteIDs.firstIndex(of: .string(id))!
    }

    func testRawValuesExclusionsAndWSMScores() throws {
        let r = try run("25832")
        let a = index(r, "A"), b = index(r, "B"), c = index(r, "C"), d = index(r, "D"), e = index(r, "E")
        XCTAssertEqual(r.criteria[0].raw[a], 500, accuracy: 1e-6)
        XCTAssertEqual(r.criteria[0].raw[b], 1118.03398875, accuracy: 1e-6)
        XCTAssertEqual(r.criteria[0].raw[e], 1802.77563773, accuracy: 1e-6)
        XCTAssertEqual([a, b, e].map { r.criteria[1].raw[$0] }, [1, 2, 1])
        XCTAssertEqual([a, b, e].map { r.criteria[2].raw[$0] }, [1, 1, 0])
        XCTAssertEqual(r.exclusions[c], ["too_small"])
        XCTAssertEqual(r.exclusions[d], ["missing:spaces"])
        XCTAssertEqual(r.criteria[0].values[b]!, 0.52560213, accuracy: 1e-8)
        XCTAssertNil(r.criteria[0].values[c])
        XCTAssertEqual(r.scores[a]!, 0.62857143, accuracy: 1e-8)
        XCTAssertEqual(r.scores[b]!, 0.65382948, accuracy: 1e-8)
        XCTAssertEqual(r.scores[e]!, 0.14285714, accuracy: 1e-8)
        XCTAssertEqual([b, a, e].map { r.ranks[$0] }, [1, 2, 3])
        XCTAssertNil(r.ranks[c])
        XCTAssertEqual(r.outputOrder, [b, a, e, c, d])
        XCTAssertEqual(r.weights, [3.0 / 7, 2.0 / 7, 1.0 / 7, 1.0 / 7])
    }

    /// A layer that only radius criteria read is measured from its radius grid and gets no spatial index (issue 15);
    /// a layer measured by distance or containment keeps its index. The counts are those of
    /// `testRawValuesExclusionsAndWSMScores` (boundary at exactly 1000 m included).
    func testRadiusOnlyLayerIsMeasuredFromItsGridWithoutAnIndex() throws {
        let scenario = try ScenarioLoader.load(contentsOf: Self.fixtures.appendingPathComponent("scenario_25832.yaml"))
        var clock = ScenarioRunner.StageClock()
        var timings = StageTimings()
        let prepared = try ScenarioRunner.prepare(scenario, options: RunOptions(), clock: &clock, timings: &timings)
        XCTAssertNil(prepared.context.indexes["shops"])
        XCTAssertNotNil(prepared.context.grids[MeasureContext.gridKey("shops", [])])
        XCTAssertNotNil(prepared.context.indexes["exits"])
        XCTAssertNotNil(prepared.context.indexes["area"])
        let measured = try prepared.context.measureAll(scenario.criteria)
        let ids = prepared.context.sites.ids
        XCTAssertEqual(["A", "B", "E"].map { id in measured[1].raw[ids.firstIndex(of: .string(id))!] }, [1, 2, 1])
    }

    func testTOPSISScores() throws {
        let r = try run("25832", method: .topsis)
        XCTAssertEqual(r.scores[index(r, "A")]!, 0.68996645, accuracy: 1e-8)
        XCTAssertEqual(r.scores[index(r, "B")]!, 0.59166464, accuracy: 1e-8)
        XCTAssertEqual(r.scores[index(r, "E")]!, 0.19437158, accuracy: 1e-8)
        XCTAssertEqual(r.ranks[index(r, "A")], 1)
        // <id>_value stays the WSM value function's result under TOPSIS.
        XCTAssertEqual(r.criteria[0].values[index(r, "B")]!, 0.52560213, accuracy: 1e-8)
    }

    /// The same places given in EPSG:4326 and in Gauß-Krüger zone 3 (EPSG:31467, through BETA2007) rank the same,
    /// with distances within a few centimetres (the fixtures were written by cs2cs with 4–10 decimals; their
    /// scenarios use a 1000.5 m radius because the exact-boundary shops do not survive a CRS round trip exactly).
    func testSameRankingInEveryInputCRS() throws {
        let reference = try run("25832")
        for variant in ["4326", "31467"] {
            let r = try run(variant)
            XCTAssertEqual(r.siteIDs, reference.siteIDs, variant)
            XCTAssertEqual(r.ranks, reference.ranks, variant)
            XCTAssertEqual(r.exclusions, reference.exclusions, variant)
            for (x, y) in zip(r.criteria[0].raw, reference.criteria[0].raw) where x.isFinite {
                XCTAssertEqual(x, y, accuracy: 0.02, variant)
            }
        }
    }

    func testThreadCountDoesNotChangeResults() throws {
        let one = try run("25832", threads: 1)
        let many = try run("25832", threads: 4)
        XCTAssertEqual(one.scores, many.scores)
        XCTAssertEqual(one.criteria.map { $0.raw.map(\.bitPattern) }, many.criteria.map { $0.raw.map(\.bitPattern) })
    }

    func testRankedCollectionHasExplainingProperties() throws {
        let r = try run("25832")
        let fc = try r.rankedCollection(scenarioPath: "scenario.yaml", version: "test")
        let first = fc.features[0].properties
        XCTAssertEqual(first["site_id"], .string("B"))
        XCTAssertEqual(first["rank"], .number(1))
        XCTAssertEqual(first["excluded"], .bool(false))
        XCTAssertEqual(first["excluded_by"], .string(""))
        XCTAssertEqual(first["shops_1km"], .number(2))
        let last = fc.features[4].properties
        XCTAssertEqual(last["rank"], .null)
        XCTAssertEqual(last["excluded_by"], .string("missing:spaces"))
        XCTAssertEqual(last["spaces_value"], .null)
        // Geometry back in lon/lat: site A at 620000/5810000 is 10.7648963885 E, 52.4270257339 N (cs2cs EPSG:25832 OGC:CRS84).
        guard case .point(let p)? = fc.features[1].geometry else { return XCTFail("A should be a point") }
        XCTAssertEqual(p.x, 10.7648963885, accuracy: 1e-9)
        XCTAssertEqual(p.y, 52.4270257339, accuracy: 1e-9)
        guard case .object(let manifest)? = fc.foreignMembers["standort"], case .object(let counts)? = manifest["counts"] else {
            return XCTFail("manifest missing")
        }
        XCTAssertEqual(counts["scored"], .number(3))
        XCTAssertEqual(counts["excluded_by"], .object(["too_small": .number(1), "missing:spaces": .number(1)]))
    }

    /// SHA-256 of "abc" and of 1,000 bytes, compared with `printf abc | sha256sum` and
    /// `python3 -c "import hashlib;print(hashlib.sha256(bytes(range(256))*4)[:1000]).hexdigest())"`.
    func testSHA256() {
        XCTAssertEqual(SHA256.hex(of: Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: Data("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let bytes = Data((0..<1000).map { UInt8($0 % 256) })
        XCTAssertEqual(SHA256.hex(of: bytes), "a8af099bf2e878609558dbf69d8f88f4a31040a8cf84b549a0cfa912f12ffc3f")
    }

    /// Messages of 56–63 bytes mod 64 need a second padding block (the length no longer fits): the 56-byte
    /// NIST vector (FIPS 180-2, appendix B.2) and lengths 56, 57, 63, 64, 119, 120 of a byte pattern, compared with
    /// `python3 -c "import hashlib; print(hashlib.sha256(bytes((i*7+3)%256 for i in range(n))).hexdigest())"`.
    func testSHA256PaddingBoundaries() {
        XCTAssertEqual(SHA256.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let expected = [
            55: "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b",
            56: "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27",
            57: "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73",
            63: "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055",
            64: "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241",
            119: "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e",
            120: "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5",
        ]
        for (n, hex) in expected {
            XCTAssertEqual(SHA256.hex(of: Data((0..<n).map { UInt8(($0 * 7 + 3) % 256) })), hex, "length \(n)")
        }
    }
}
