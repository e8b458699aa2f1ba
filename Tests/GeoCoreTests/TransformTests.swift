import Foundation
import XCTest
@testable import GeoCore

/// Transforms against PROJ 9.1.1's `cs2cs` (proj-bin). cs2cs uses the authority axis order, so EPSG:4326
/// input is "lat lon" and EPSG:31467/31468 input is "northing easting"; our API is always x = east.
/// Commands (output: easting northing):
///   echo "52.42 10.78" | cs2cs -f %.6f EPSG:4326 EPSG:25832      → 621046.095774 5809243.802658
///   echo "51.42 12.24" | cs2cs -f %.6f EPSG:4326 EPSG:25833      → 308102.059698 5700146.576276
///   echo "51.42 12.24" | cs2cs -f %.6f EPSG:4326 EPSG:25832      → 725264.179309 5701513.573246
///   echo "51.51 7.47"  | cs2cs -f %.6f EPSG:4326 EPSG:25832      → 393824.582181 5707651.020919
///   echo "51.68 7.82"  | cs2cs -f %.6f EPSG:4326 EPSG:25832      → 418417.352230 5726107.019355
///   echo "5700000 4500000" | cs2cs -f %.6f EPSG:31468 EPSG:25833 → 291380.339064 5702436.146838
///   echo "5700000 4500000" | cs2cs -f %.6f EPSG:31468 EPSG:25832 → 708409.770320 5702427.546017
///   echo "5700000 4500000" | cs2cs -f %.10f EPSG:31468 EPSG:4326 → 51.4346534647 11.9984897949
///   echo "5810000 3620000" | cs2cs -f %.6f EPSG:31467 EPSG:25832 → 619879.976608 5808114.408972
///   echo "10.78 52.42" | cs2cs -f %.6f +proj=longlat +ellps=GRS80 +to +proj=utm +zone=32 +ellps=GRS80
///                                                                → 621046.095774 5809243.802658
/// `PROJ_DEBUG=2 cs2cs … EPSG:31468 EPSG:25833` shows the BETA2007 grid being opened (BETA2007.gsb,
/// the proj-data name of de_adv_BETA2007.tif).
final class TransformTests: XCTestCase {
    struct Case {
        var from: String, to: String, input: Position, expected: Position, tolerance: Double
    }

    static let millimetre = 1e-3
    static let centimetre = 1e-2

    static let cases: [Case] = [
        Case(from: "EPSG:4326", to: "EPSG:25832", input: Position(lon: 10.78, lat: 52.42),
             expected: Position(x: 621046.095774, y: 5809243.802658), tolerance: millimetre),  // Wolfsburg
        Case(from: "EPSG:4326", to: "EPSG:25833", input: Position(lon: 12.24, lat: 51.42),
             expected: Position(x: 308102.059698, y: 5700146.576276), tolerance: millimetre),  // Halle/Leipzig airport
        Case(from: "EPSG:4326", to: "EPSG:25832", input: Position(lon: 12.24, lat: 51.42),
             expected: Position(x: 725264.179309, y: 5701513.573246), tolerance: millimetre),
        Case(from: "EPSG:4326", to: "EPSG:25832", input: Position(lon: 7.47, lat: 51.51),
             expected: Position(x: 393824.582181, y: 5707651.020919), tolerance: millimetre),  // Dortmund
        Case(from: "EPSG:4326", to: "EPSG:25832", input: Position(lon: 7.82, lat: 51.68),
             expected: Position(x: 418417.352230, y: 5726107.019355), tolerance: millimetre),  // Hamm
        Case(from: "EPSG:31468", to: "EPSG:25833", input: Position(x: 4_500_000, y: 5_700_000),
             expected: Position(x: 291380.339064, y: 5702436.146838), tolerance: centimetre),  // GK zone 4, BETA2007
        Case(from: "EPSG:31468", to: "EPSG:25832", input: Position(x: 4_500_000, y: 5_700_000),
             expected: Position(x: 708409.770320, y: 5702427.546017), tolerance: centimetre),
        Case(from: "EPSG:31467", to: "EPSG:25832", input: Position(x: 3_620_000, y: 5_810_000),
             expected: Position(x: 619879.976608, y: 5808114.408972), tolerance: centimetre),  // GK zone 3, BETA2007
        Case(from: "urn:ogc:def:crs:EPSG::4326", to: "urn:ogc:def:crs:EPSG::25833", input: Position(lon: 12.24, lat: 51.42),
             expected: Position(x: 308102.059698, y: 5700146.576276), tolerance: millimetre),
        Case(from: "OGC:CRS84", to: "EPSG:25832", input: Position(lon: 10.78, lat: 52.42),
             expected: Position(x: 621046.095774, y: 5809243.802658), tolerance: millimetre),
        Case(from: "OGC:CRS84", to: "+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs +type=crs",
             input: Position(lon: 10.78, lat: 52.42),
             expected: Position(x: 621046.095774, y: 5809243.802658), tolerance: millimetre),
        Case(from: "EPSG:4326", to: CRSTests.wkt25832, input: Position(lon: 10.78, lat: 52.42),
             expected: Position(x: 621046.095774, y: 5809243.802658), tolerance: millimetre),
    ]

    func testAgainstCS2CS() throws {
        for c in Self.cases {
            let transformer = try CoordinateTransformer(from: CRS(c.from), to: CRS(c.to))
            let out = try transformer.transform(c.input)
            XCTAssertEqual(out.x, c.expected.x, accuracy: c.tolerance, "\(c.from) → \(c.to.prefix(40))")
            XCTAssertEqual(out.y, c.expected.y, accuracy: c.tolerance, "\(c.from) → \(c.to.prefix(40))")
            XCTAssertEqual(transformer.warnings, [], "\(c.from) → \(c.to.prefix(40))")
        }
    }

    func testBatchEqualsSinglePointsAndKeepsOrder() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        var batch = Self.cases.filter { $0.from == "EPSG:4326" && $0.to == "EPSG:25832" }.map(\.input)
        let expected = Self.cases.filter { $0.from == "EPSG:4326" && $0.to == "EPSG:25832" }.map(\.expected)
        try transformer.transform(&batch)
        XCTAssertEqual(batch.count, expected.count)
        for (out, want) in zip(batch, expected) {
            XCTAssertEqual(out.x, want.x, accuracy: Self.millimetre)
            XCTAssertEqual(out.y, want.y, accuracy: Self.millimetre)
        }
    }

    /// A GK zone 4 point to lon/lat through BETA2007: 1e-7° is about 1 cm.
    func testGaussKruegerToLonLat() throws {
        let transformer = try CoordinateTransformer(from: CRS("EPSG:31468"), to: .wgs84)
        let out = try transformer.transform(Position(x: 4_500_000, y: 5_700_000))
        XCTAssertEqual(out.x, 11.9984897949, accuracy: 1e-7) // longitude first despite EPSG's lat/lon order
        XCTAssertEqual(out.y, 51.4346534647, accuracy: 1e-7)
    }

    /// Without the grid PROJ would land on the Helmert path, 0.5 m away
    /// (`PROJ_DATA=<dir with only proj.db> cs2cs … EPSG:31468 EPSG:25833` → 291380.844372 5702436.161135),
    /// so agreeing with the grid value to 1 cm shows the grid is really used.
    func testBETA2007GridIsUsed() throws {
        let transformer = try CoordinateTransformer(from: CRS("EPSG:31468"), to: CRS("EPSG:25833"))
        let out = try transformer.transform(Position(x: 4_500_000, y: 5_700_000))
        XCTAssertEqual(out.x, 291380.339064, accuracy: Self.centimetre)
        XCTAssertGreaterThan(abs(out.x - 291380.844372), 0.4)
        XCTAssertEqual(transformer.warnings, [])
        XCTAssertTrue(transformer.operationDescription.contains("DHDN to ETRS89 (8)"), transformer.operationDescription)
    }

    /// PROJ pointed at a resource directory holding only proj.db: the BETA2007 grid is missing, PROJ falls
    /// back to Helmert, and the transformer must say so, naming the grid.
    func testMissingGridFallbackIsDetected() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("standort-proj-nogrid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("proj.db").path, withDestinationPath: try Self.projDatabasePath())

        let transformer = try CoordinateTransformer(
            from: CRS("EPSG:31468"), to: CRS("EPSG:25833"), resourceSearchPaths: [directory.path])
        XCTAssertEqual(transformer.warnings.count, 1)
        let warning = try XCTUnwrap(transformer.warnings.first)
        XCTAssertTrue(warning.contains("de_adv_BETA2007.tif"), warning)
        XCTAssertTrue(warning.contains("EPSG:31468 → EPSG:25833"), warning)
        XCTAssertTrue(warning.contains("proj-data"), warning)

        let out = try transformer.transform(Position(x: 4_500_000, y: 5_700_000))
        XCTAssertEqual(out.x, 291380.844372, accuracy: Self.centimetre)
        XCTAssertEqual(out.y, 5702436.161135, accuracy: Self.centimetre)

        // A pair that needs no grid gives no warning even without grids.
        let plain = try CoordinateTransformer(
            from: .wgs84, to: CRS("EPSG:25832"), resourceSearchPaths: [directory.path])
        XCTAssertEqual(plain.warnings, [])
    }

    func testRoundTrips() throws {
        let forward = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        let back = try CoordinateTransformer(from: CRS("EPSG:25832"), to: .wgs84)
        let original = Self.cases.filter { $0.from == "EPSG:4326" }.map(\.input)
        var positions = original
        try forward.transform(&positions)
        try back.transform(&positions)
        for (a, b) in zip(positions, original) {
            XCTAssertEqual(a.x, b.x, accuracy: 1e-9)
            XCTAssertEqual(a.y, b.y, accuracy: 1e-9)
        }

        let gk = Position(x: 4_500_000, y: 5_700_000)
        let there = try CoordinateTransformer(from: CRS("EPSG:31468"), to: CRS("EPSG:25833")).transform(gk)
        let again = try CoordinateTransformer(from: CRS("EPSG:25833"), to: CRS("EPSG:31468")).transform(there)
        XCTAssertEqual(again.x, gk.x, accuracy: Self.millimetre)
        XCTAssertEqual(again.y, gk.y, accuracy: Self.millimetre)
    }

    func testIdentityReturnsPositionsUnchanged() throws {
        let transformer = try CoordinateTransformer(from: CRS("EPSG:25832"), to: CRS("EPSG:25832"))
        XCTAssertTrue(transformer.isIdentity)
        var positions = [Position(x: 621046.095774, y: 5809243.802658), Position(x: .infinity, y: 1)]
        let before = positions
        try transformer.transform(&positions)
        XCTAssertEqual(positions, before)
        XCTAssertThrowsError(try CoordinateTransformer(from: CRS("EPSG:999999"), to: CRS("EPSG:999999")))
    }

    func testUnknownCRSAndInvalidPROJStringThrow() {
        XCTAssertThrowsError(try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:999999"))) { error in
            guard case ProjectionError.unknownCRS(let definition, _) = error else {
                return XCTFail("expected unknownCRS, got \(error)")
            }
            XCTAssertEqual(definition, "EPSG:999999")
        }
        XCTAssertThrowsError(try CoordinateTransformer(from: CRS("+proj=nonsense +type=crs"), to: .wgs84)) { error in
            guard case ProjectionError.unknownCRS(let definition, _) = error else {
                return XCTFail("expected unknownCRS, got \(error)")
            }
            XCTAssertEqual(definition, "+proj=nonsense +type=crs")
        }
    }

    func testImpossiblePointsAreReportedByIndex() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        var positions = [
            Position(lon: 10.78, lat: 52.42),
            Position(lon: 10.78, lat: 95),     // beyond the pole
            Position(lon: 7.47, lat: 51.51),
            Position(lon: .nan, lat: 51),
        ]
        XCTAssertThrowsError(try transformer.transform(&positions)) { error in
            guard case ProjectionError.transformFailed(let from, let to, let indices, let failed, let total, _) = error else {
                return XCTFail("expected transformFailed, got \(error)")
            }
            XCTAssertEqual(from, "EPSG:4326")
            XCTAssertEqual(to, "EPSG:25832")
            XCTAssertEqual(indices, [1, 3])
            XCTAssertEqual(failed, 2)
            XCTAssertEqual(total, 4)
            XCTAssertTrue("\(error)".contains("indices 1, 3"), "\(error)")
        }
        // The good positions are still transformed (cs2cs values above).
        XCTAssertEqual(positions[0].x, 621046.095774, accuracy: Self.millimetre)
    }

    func testGeometryKeepsStructure() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        let ring = [Position(lon: 7.47, lat: 51.51), Position(lon: 7.82, lat: 51.68),
                    Position(lon: 10.78, lat: 52.42), Position(lon: 7.47, lat: 51.51)]
        let hole = [Position(lon: 8, lat: 51.8), Position(lon: 8.1, lat: 51.8),
                    Position(lon: 8.1, lat: 51.9), Position(lon: 8, lat: 51.8)]
        let geometries: [Geometry] = [
            .point(Position(lon: 10.78, lat: 52.42)),
            .polygon(Polygon(exterior: ring, holes: [hole])),
            .geometryCollection([.lineString(ring), .multiPoint(hole)]),
        ]
        let out = try transformer.transform(geometries)
        XCTAssertEqual(out.count, 3)
        for (g, t) in zip(geometries, out) {
            XCTAssertEqual(g.typeName, t.typeName)
            var expected = g.allPositions
            try transformer.transform(&expected)
            XCTAssertEqual(t.allPositions, expected)  // same operation, same numbers
        }
        guard case .polygon(let polygon) = out[1] else { return XCTFail("polygon expected") }
        XCTAssertEqual(polygon.holes.count, 1)
        XCTAssertEqual(polygon.exterior[2].x, 621046.095774, accuracy: Self.millimetre) // Wolfsburg, cs2cs
        XCTAssertEqual(polygon.exterior.first, polygon.exterior.last)
        XCTAssertEqual(try transformer.transform(geometries[0]), out[0])
    }

    func testGeometryErrorsNameTheGeometry() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        let geometries: [Geometry] = [
            .point(Position(lon: 10, lat: 52)),
            .lineString([Position(lon: 10, lat: 52), Position(lon: 10, lat: 52.1)]),
            .lineString([Position(lon: 10, lat: 52), Position(lon: 10, lat: 95)]),
        ]
        XCTAssertThrowsError(try transformer.transform(geometries)) { error in
            guard case ProjectionError.geometryTransformFailed(_, _, let indices, let failed, _) = error else {
                return XCTFail("expected geometryTransformFailed, got \(error)")
            }
            XCTAssertEqual(indices, [2])
            XCTAssertEqual(failed, 1)
        }
    }

    /// From ``CoordinateTransformer/geometryRunThreshold`` on, the geometries are transformed in one run per core: the same geometries as
    /// transforming each on its own (one PROJ call per geometry), and one error naming the first failing
    /// geometries of all runs with the failed positions of all runs.
    func testManyGeometriesInRunsMatchOneByOne() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        let count = CoordinateTransformer.geometryRunThreshold * 3 + 1_001
        let geometries: [Geometry] = (0..<count).map { i in
            let lon = 6 + Double(i % 997) * 0.005, lat = 47.5 + Double(i % 883) * 0.009
            if i % 10 == 3 {
                let ring = [Position(lon: lon, lat: lat), Position(lon: lon + 0.001, lat: lat), Position(lon: lon, lat: lat + 0.001), Position(lon: lon, lat: lat)]
                return .polygon(Polygon(exterior: ring))
            }
            return .point(Position(lon: lon, lat: lat))
        }
        let inRuns = try transformer.transform(geometries)
        for i in stride(from: 0, to: count, by: 37) {
            XCTAssertEqual(inRuns[i], try transformer.transform(geometries[i]), "geometry \(i)")
        }
        XCTAssertEqual(inRuns[count - 1], try transformer.transform(geometries[count - 1]))

        var broken = geometries
        for i in [5, count / 2 + 7, count - 2] { broken[i] = .point(Position(lon: 10, lat: 95)) }
        XCTAssertThrowsError(try transformer.transform(broken)) { error in
            guard case ProjectionError.geometryTransformFailed(_, _, let indices, let failed, _) = error else {
                return XCTFail("expected geometryTransformFailed, got \(error)")
            }
            XCTAssertEqual(indices, [5, count / 2 + 7, count - 2])
            XCTAssertEqual(failed, 3)
        }
    }

    /// Features' geometries in runs (nulls kept in place, without copying the geometries out first): the same as
    /// transforming each on its own, and a failure is named by its feature index, nulls counted.
    func testFeatureGeometriesInRunsKeepNullsAndFeatureIndices() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        let count = CoordinateTransformer.geometryRunThreshold * 2 + 17
        let features: [Feature] = (0..<count).map { i in
            let position = Position(lon: 7 + Double(i % 101) * 0.01, lat: 50 + Double(i % 97) * 0.01)
            return Feature(geometry: i % 5 == 0 ? nil : .point(position), properties: JSONObject())
        }
        let transformed = try transformer.transformGeometries(of: features)
        XCTAssertEqual(transformed.count, count)
        for i in stride(from: 0, to: count, by: 7) {
            if let geometry = features[i].geometry {
                XCTAssertEqual(transformed[i], try transformer.transform(geometry), "feature \(i)")
            } else {
                XCTAssertNil(transformed[i], "feature \(i)")
            }
        }
        XCTAssertEqual(try transformer.transform(features.map(\.geometry)), transformed)

        var broken = features
        for i in [3, count - 1] { broken[i].geometry = .point(Position(lon: 10, lat: 95)) }
        XCTAssertThrowsError(try transformer.transformGeometries(of: broken)) { error in
            guard case ProjectionError.geometryTransformFailed(_, _, let indices, let failed, _) = error else {
                return XCTFail("expected geometryTransformFailed, got \(error)")
            }
            XCTAssertEqual(indices, [3, count - 1])
            XCTAssertEqual(failed, 2)
        }
    }

    /// Clones used from several threads at once give exactly the serial result.
    func testClonesOnSeveralThreadsMatchSerial() throws {
        let original = try CoordinateTransformer(from: CRS("EPSG:31468"), to: CRS("EPSG:25833"))
        let input = (0..<20_000).map { i in
            Position(x: 4_480_000 + Double(i % 200) * 200, y: 5_650_000 + Double(i / 200) * 500)
        }
        var serial = input
        try original.transform(&serial)

        let threads = 4
        let clones = try (0..<threads).map { _ in try original.clone() }
        let results = ThreadResults(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { [clones = UncheckedBox(clones)] index in
            var positions = input
            results.set(index, Result { try clones.value[index].transform(&positions); return positions })
        }
        for index in 0..<threads {
            XCTAssertEqual(try results.get(index).get(), serial)
        }
    }

    func testParallelTransformMatchesSerial() throws {
        let input = (0..<250_000).map { i in
            Position(lon: 6 + Double(i % 500) * 0.012, lat: 47.3 + Double(i / 500) * 0.01)
        }
        var serial = input
        try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832")).transform(&serial)
        var parallel = input
        try CoordinateTransformer.transformInParallel(&parallel, from: .wgs84, to: CRS("EPSG:25832"))
        XCTAssertEqual(parallel, serial)
    }

    func testParallelErrorsUseIndicesIntoTheWholeBuffer() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: CRS("EPSG:25832"))
        var positions = (0..<90).map { Position(lon: 9, lat: 50 + Double($0) * 0.01) }
        positions[70].y = 95
        positions[10].y = 95
        XCTAssertThrowsError(try transformer.transformInParallel(&positions, chunkCount: 3)) { error in
            guard case ProjectionError.transformFailed(_, _, let indices, let failed, let total, _) = error else {
                return XCTFail("expected transformFailed, got \(error)")
            }
            XCTAssertEqual(indices, [10, 70])
            XCTAssertEqual(failed, 2)
            XCTAssertEqual(total, 90)
        }
    }

    /// proj.db of the installed PROJ: $PROJ_DATA / $PROJ_LIB, else the Debian and /usr/local locations.
    static func projDatabasePath() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let candidates = [env["PROJ_DATA"], env["PROJ_LIB"], "/usr/share/proj", "/usr/local/share/proj"]
            .compactMap { $0 }.map { $0 + "/proj.db" }
        return try XCTUnwrap(candidates.first { FileManager.default.fileExists(atPath: $0) }, "proj.db not found")
    }
}

/// Per-thread result slots for the concurrency test; each thread writes only its own slot under a lock.
private final class ThreadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[Position], Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<[Position], Error>) { lock.withLock { slots[index] = result } }
    func get(_ index: Int) -> Result<[Position], Error> {
        lock.withLock { slots[index] } ?? .failure(ProjectionError.contextUnavailable)
    }
}

/// Hands the clones to the worker threads: each thread uses only its own clone.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
