import Foundation
import GeoCore
import VectorFormats
import XCTest

/// Reading GeoPackage, Shapefile and FlatGeobuf made with `ogr2ogr` from the shipped GeoJSON layers:
/// the expected features are those of GeoCore's native GeoJSON reader (an independent parser), and the
/// fixtures are made by GDAL's own command-line tool, not by the code under test.
final class GDALVectorReaderTests: XCTestCase {
    /// Every shipped GeoJSON layer: points and polygons, lon/lat and EPSG:25832/25833.
    static let shippedLayers: [String] = ["wolfsburg", "mitteldeutschland"].flatMap { region in
        let folder = GDALTools.layer(region)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".geojson") }.sorted().map { "\(region)/\($0)" }
    }

    private func expected(_ relative: String) throws -> FeatureCollection {
        try GeoJSONReader.read(contentsOf: GDALTools.layer(relative))
    }

    private func stem(_ relative: String) -> String {
        URL(fileURLWithPath: relative).deletingPathExtension().lastPathComponent
    }

    func testGeoPackageLayersMatchGeoJSON() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        for relative in Self.shippedLayers {
            let out = dir.appendingPathComponent(stem(relative) + ".gpkg")
            try GDALTools.ogr2ogr(["-f", "GPKG", out.path, GDALTools.layer(relative).path])
            let read = try GDALVectorReader.read(url: out)
            XCTAssertEqual(read.driver, "GPKG")
            XCTAssertEqual(read.layerNames, [stem(relative)])
            XCTAssertEqual(read.warnings, [], relative)
            LayerComparison.assertSame(read.collection, try expected(relative), relative)
            // Stronger than the 1e-9 check: GeoPackage stores the same doubles, so the features are equal outright.
            XCTAssertEqual(read.collection.features, try expected(relative).features, relative)
        }
    }

    func testFlatGeobufLayersMatchGeoJSON() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        for relative in Self.shippedLayers {
            let out = dir.appendingPathComponent(stem(relative) + ".fgb")
            // Without the packed R-tree FlatGeobuf keeps the input order (with it, features are Hilbert-sorted).
            try GDALTools.ogr2ogr(["-f", "FlatGeobuf", "-lco", "SPATIAL_INDEX=NO", out.path, GDALTools.layer(relative).path])
            let read = try GDALVectorReader.read(url: out)
            XCTAssertEqual(read.driver, "FlatGeobuf")
            // FlatGeobuf has no date type: GDAL stores a GeoJSON date ("2014-11-01", which OGR types as Date)
            // as a DateTime at midnight. Compare with that widening undone.
            var collection = read.collection
            for f in collection.features.indices {
                for (key, value) in collection.features[f].properties.members {
                    if case .string(let text) = value, text.count == 19, text.hasSuffix("T00:00:00") {
                        collection.features[f].properties[key] = .string(String(text.prefix(10)))
                    }
                }
            }
            LayerComparison.assertSame(collection, try expected(relative), relative)
            XCTAssertEqual(collection.features, try expected(relative).features, relative)
        }
    }

    func testFlatGeobufWithSpatialIndexHasTheSameFeaturesInAnotherOrder() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let relative = "wolfsburg/parking_candidates.geojson"
        let out = dir.appendingPathComponent("indexed.fgb")
        try GDALTools.ogr2ogr(["-f", "FlatGeobuf", out.path, GDALTools.layer(relative).path])
        let read = try GDALVectorReader.read(url: out).collection
        let native = try expected(relative)
        func key(_ f: Feature) -> String { f.properties["site_id"]?.string ?? "" }
        let sortedRead = read.features.sorted { key($0) < key($1) }
        let sortedNative = native.features.sorted { key($0) < key($1) }
        LayerComparison.assertSame(FeatureCollection(features: sortedRead, crs: read.crs),
                                   FeatureCollection(features: sortedNative, crs: native.crs), "indexed FlatGeobuf")
    }

    /// Shapefile: names cut to 10 characters, booleans as 0/1, clockwise exterior rings, `.prj` in ESRI WKT
    /// without EPSG codes (identified back to EPSG:25832 by `OSRAutoIdentifyEPSG`).
    func testShapefileLayersMatchGeoJSON() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        for relative in ["wolfsburg/parking_candidates.geojson", "wolfsburg/retail_plots.geojson",
                         "mitteldeutschland/industrial_parks_25832.geojson", "mitteldeutschland/airport_25833.geojson"] {
            let out = dir.appendingPathComponent(stem(relative) + ".shp")
            try GDALTools.ogr2ogr(["-f", "ESRI Shapefile", out.path, GDALTools.layer(relative).path])
            let read = try GDALVectorReader.read(url: out)
            XCTAssertEqual(read.driver, "ESRI Shapefile")
            XCTAssertNotNil(read.fileCRS)
            let mapping = LayerComparison.Mapping(byPosition: true, boolsAsNumbers: true, ringOrientationFree: true)
            LayerComparison.assertSame(read.collection, try expected(relative), mapping: mapping, relative)
        }
    }

    /// A `.dbf` in ISO-8859-1 (`-lco ENCODING=LATIN1`, which writes `LATIN1` into the `.cpg`): umlauts, ß and
    /// accented letters come back as the GeoJSON's UTF-8 text.
    func testLatin1ShapefileTextIsDecoded() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        // districts.geojson is left out: its `source` text is longer than a .dbf field can hold (254 bytes).
        for relative in ["wolfsburg/grocery_stores.geojson", "wolfsburg/parking_candidates.geojson", "wolfsburg/junctions.geojson"] {
            let out = dir.appendingPathComponent(stem(relative) + "_latin1.shp")
            try GDALTools.ogr2ogr(["-f", "ESRI Shapefile", "-lco", "ENCODING=LATIN1", out.path, GDALTools.layer(relative).path])
            let dbf = try Data(contentsOf: out.deletingPathExtension().appendingPathExtension("dbf"))
            let cpg = try String(contentsOf: out.deletingPathExtension().appendingPathExtension("cpg"), encoding: .ascii)
            XCTAssertEqual(cpg.trimmingCharacters(in: .whitespacesAndNewlines), "LATIN1")
            let native = try expected(relative)
            let read = try GDALVectorReader.read(url: out)
            let mapping = LayerComparison.Mapping(byPosition: true, boolsAsNumbers: true, ringOrientationFree: true)
            LayerComparison.assertSame(read.collection, native, mapping: mapping, relative)
            // The file really is Latin-1: every non-ASCII name is in the .dbf as its ISO-8859-1 bytes, not as UTF-8.
            let accented = native.features.compactMap { $0.properties["name"]?.string }.filter { $0.unicodeScalars.contains { $0.value > 127 } }
            XCTAssertFalse(accented.isEmpty, "\(relative) has names with umlauts")
            for name in accented {
                let latin1 = try XCTUnwrap(name.data(using: .isoLatin1))
                XCTAssertNotNil(dbf.range(of: latin1), "'\(name)' in ISO-8859-1 in the .dbf")
                XCTAssertNil(dbf.range(of: Data(name.utf8)), "'\(name)' not in UTF-8 in the .dbf")
            }
            // The same bytes declared as Windows-1252 (`1252`, as ArcGIS writes it), and with no .cpg at all
            // (GDAL then goes by the .dbf's language driver id, else ISO-8859-1).
            let cpgURL = out.deletingPathExtension().appendingPathExtension("cpg")
            try "1252".write(to: cpgURL, atomically: true, encoding: .ascii)
            LayerComparison.assertSame(try GDALVectorReader.read(url: out).collection, native, mapping: mapping, relative + " (1252)")
            try FileManager.default.removeItem(at: cpgURL)
            LayerComparison.assertSame(try GDALVectorReader.read(url: out).collection, native, mapping: mapping, relative + " (no .cpg)")
        }
    }

    func testCRSFromTheFile() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let source = GDALTools.layer("mitteldeutschland/industrial_parks_25832.geojson")
        let gpkg = dir.appendingPathComponent("parks.gpkg")
        try GDALTools.ogr2ogr(["-f", "GPKG", gpkg.path, source.path])
        XCTAssertEqual(try GDALVectorReader.read(url: gpkg).collection.crs, "EPSG:25832")

        // A CRS without an authority code comes as WKT2, which PROJ (GeoCore's CRS) accepts.
        let custom = dir.appendingPathComponent("custom.gpkg")
        try GDALTools.ogr2ogr(["-f", "GPKG", "-a_srs", "+proj=tmerc +lat_0=0 +lon_0=11.5 +k=0.9996 +x_0=400000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
                               custom.path, source.path])
        let read = try GDALVectorReader.read(url: custom)
        XCTAssertTrue(read.collection.crs.hasPrefix("PROJCRS["), read.collection.crs)
        let transformer = try CoordinateTransformer(from: CRS(read.collection.crs), to: .wgs84)
        let p = try transformer.transform(Position(x: 400000, y: 5_700_000))
        XCTAssertEqual(p.x, 11.5, accuracy: 1e-9, "the false easting lies on the central meridian 11.5° E")

        // The scenario's crs: overrides the file's.
        XCTAssertEqual(try GDALVectorReader.read(url: gpkg, crs: "EPSG:31468").collection.crs, "EPSG:31468")
    }

    func testShapefileWithoutPrjNeedsACRS() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let shp = dir.appendingPathComponent("stops.shp")
        try GDALTools.ogr2ogr(["-f", "ESRI Shapefile", shp.path, GDALTools.layer("wolfsburg/bus_stops.geojson").path])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("stops.prj"))
        XCTAssertThrowsError(try GDALVectorReader.read(url: shp)) { error in
            XCTAssertEqual((error as? VectorFormatError)?.reason, .missingCRS(layer: "stops"))
            XCTAssertTrue("\(error)".contains("crs:"), "\(error)")
        }
        XCTAssertEqual(try GDALVectorReader.read(url: shp, crs: "EPSG:4326").collection.features.count, 48)
    }

    func testGeoPackageWithSeveralLayers() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let gpkg = dir.appendingPathComponent("wolfsburg.gpkg")
        try GDALTools.ogr2ogr(["-f", "GPKG", gpkg.path, GDALTools.layer("wolfsburg/parking_candidates.geojson").path])
        try GDALTools.ogr2ogr(["-update", gpkg.path, GDALTools.layer("wolfsburg/retail_plots.geojson").path])
        XCTAssertEqual(try GDALVectorReader.layerNames(url: gpkg), ["parking_candidates", "retail_plots"])

        XCTAssertThrowsError(try GDALVectorReader.read(url: gpkg)) { error in
            XCTAssertEqual((error as? VectorFormatError)?.reason, .ambiguousLayer(names: ["parking_candidates", "retail_plots"]))
            XCTAssertTrue("\(error)".contains("'retail_plots'") && "\(error)".contains("layer:"), "\(error)")
        }
        let plots = try GDALVectorReader.read(url: gpkg, layer: "retail_plots")
        XCTAssertEqual(plots.layerName, "retail_plots")
        LayerComparison.assertSame(plots.collection, try expected("wolfsburg/retail_plots.geojson"), "retail_plots")

        XCTAssertThrowsError(try GDALVectorReader.read(url: gpkg, layer: "retail_plot")) { error in
            XCTAssertEqual((error as? VectorFormatError)?.reason,
                           .unknownLayer(name: "retail_plot", available: ["parking_candidates", "retail_plots"], suggestion: "retail_plots"))
        }
    }

    /// Kinds GeoJSON cannot hold: curves (linearised), Z (dropped), collections, dates (ISO text).
    func testGeometryKindsAndDates() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let csv = dir.appendingPathComponent("kinds.csv")
        try """
        WKT,name,when,day,n,ratio
        "CURVEPOLYGON(CIRCULARSTRING(0 0,1 1,2 0,1 -1,0 0))",curve,2024-05-01T12:30:00Z,2024-05-01,1,0.5
        "POINT Z (1 2 3)",pz,2024-05-01 12:30:00,2024-05-02,2,1.25
        "GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))",gc,,,,
        "MULTIPOLYGON(((0 0,4 0,4 4,0 4,0 0),(1 1,1 2,2 2,2 1,1 1)),((5 5,6 5,6 6,5 5)))",mpoly,2024-05-01T12:30:00,2024-05-03,3,2
        "MULTILINESTRING((0 0,1 1),(2 2,3 3,4 5))",mline,,,4,
        "LINESTRING M (0 0 7,1 1 8)",linem,,,5,
        """.write(to: csv, atomically: true, encoding: .utf8)
        let gpkg = dir.appendingPathComponent("kinds.gpkg")
        try GDALTools.ogr2ogr(["-f", "GPKG", gpkg.path, csv.path, "-oo", "AUTODETECT_TYPE=YES", "-oo", "KEEP_GEOM_COLUMNS=NO",
                               "-a_srs", "EPSG:25832", "-nln", "kinds"])
        let read = try GDALVectorReader.read(url: gpkg)
        XCTAssertEqual(read.fields, [VectorField("name", .text), VectorField("when", .text), VectorField("day", .text),
                                     VectorField("n", .integer), VectorField("ratio", .real)])
        let f = read.collection.features
        XCTAssertEqual(f.count, 6)

        // The circular arc through (0 0), (1 1), (2 0), (1 -1) is the unit circle around (1 0): every vertex of the
        // linearised ring lies on it, and the ring is closed.
        guard case .polygon(let circle)? = f[0].geometry else { return XCTFail("curve polygon → polygon, got \(String(describing: f[0].geometry))") }
        XCTAssertGreaterThan(circle.exterior.count, 16)
        XCTAssertEqual(circle.exterior.first, circle.exterior.last)
        for p in circle.exterior { XCTAssertEqual(hypot(p.x - 1, p.y), 1, accuracy: 1e-9) }

        XCTAssertEqual(f[1].geometry, .point(Position(x: 1, y: 2)))
        XCTAssertEqual(f[2].geometry, .geometryCollection([.point(Position(x: 1, y: 2)), .lineString([Position(x: 0, y: 0), Position(x: 1, y: 1)])]))
        XCTAssertEqual(f[3].geometry, .multiPolygon([
            Polygon(exterior: [Position(x: 0, y: 0), Position(x: 4, y: 0), Position(x: 4, y: 4), Position(x: 0, y: 4), Position(x: 0, y: 0)],
                    holes: [[Position(x: 1, y: 1), Position(x: 1, y: 2), Position(x: 2, y: 2), Position(x: 2, y: 1), Position(x: 1, y: 1)]]),
            Polygon(exterior: [Position(x: 5, y: 5), Position(x: 6, y: 5), Position(x: 6, y: 6), Position(x: 5, y: 5)]),
        ]))
        XCTAssertEqual(f[4].geometry, .multiLineString([[Position(x: 0, y: 0), Position(x: 1, y: 1)], [Position(x: 2, y: 2), Position(x: 3, y: 3), Position(x: 4, y: 5)]]))
        XCTAssertEqual(f[5].geometry, .lineString([Position(x: 0, y: 0), Position(x: 1, y: 1)]))

        XCTAssertEqual(f[0].properties["when"], .string("2024-05-01T12:30:00Z"))
        XCTAssertEqual(f[0].properties["day"], .string("2024-05-01"))
        XCTAssertEqual(f[1].properties["when"], .string("2024-05-01T12:30:00"))
        XCTAssertEqual(f[0].properties["n"], .number(1))
        XCTAssertEqual(f[1].properties["ratio"], .number(1.25))
        XCTAssertEqual(f[2].properties["when"], .null)
        XCTAssertEqual(f[2].properties["n"], .null)
        XCTAssertTrue(f.allSatisfy { $0.id == nil }, "the GeoPackage's fid is a row number, not an id")
    }

    func testNamedFIDColumnBecomesTheFeatureID() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let geojson = dir.appendingPathComponent("ids.geojson")
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":17,"properties":{"name":"a"},"geometry":{"type":"Point","coordinates":[1,2]}},
        {"type":"Feature","id":42,"properties":{"name":"b"},"geometry":{"type":"Point","coordinates":[3,4]}}]}
        """.write(to: geojson, atomically: true, encoding: .utf8)
        let gpkg = dir.appendingPathComponent("ids.gpkg")
        try GDALTools.ogr2ogr(["-f", "GPKG", gpkg.path, geojson.path, "-preserve_fid", "-lco", "FID=site_no"])
        let read = try GDALVectorReader.read(url: gpkg)
        XCTAssertEqual(read.collection.features.map(\.id), [.number(17), .number(42)])
    }

    func testMissingAndUnreadableFiles() throws {
        let dir = try GDALTools.temporaryDirectory(for: self)
        let missing = dir.appendingPathComponent("nope.gpkg")
        XCTAssertThrowsError(try GDALVectorReader.read(url: missing)) { error in
            XCTAssertEqual((error as? VectorFormatError)?.reason, .fileNotFound)
        }
        XCTAssertFalse(GDALVectorReader.canRead(missing))

        let garbage = dir.appendingPathComponent("garbage.gpkg")
        try Data("this is not a GeoPackage".utf8).write(to: garbage)
        XCTAssertThrowsError(try GDALVectorReader.read(url: garbage)) { error in
            guard case .cannotOpen(let hint, _)? = (error as? VectorFormatError)?.reason else { return XCTFail("\(error)") }
            XCTAssertTrue(hint.contains("GeoPackage"), hint)
            XCTAssertTrue("\(error)".hasPrefix(garbage.path), "\(error)")
            XCTAssertEqual("\(error)".components(separatedBy: garbage.path).count, 2, "the path is named once: \(error)")
        }

        // A Shapefile whose .dbf/.shx went missing.
        try GDALTools.requireTools()
        let shp = dir.appendingPathComponent("lonely.shp")
        try GDALTools.ogr2ogr(["-f", "ESRI Shapefile", shp.path, GDALTools.layer("wolfsburg/junctions.geojson").path])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("lonely.shx"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("lonely.dbf"))
        XCTAssertThrowsError(try GDALVectorReader.read(url: shp)) { error in
            guard case .cannotOpen(let hint, _)? = (error as? VectorFormatError)?.reason else { return XCTFail("\(error)") }
            XCTAssertTrue(hint.contains(".shx"), hint)
        }
    }

    /// The drivers the issue names are in this GDAL build (Debian's libgdal has them all), compared with `ogrinfo --formats`.
    func testDriversAndVersion() throws {
        try GDALTools.requireTools()
        let drivers = GDALVectorReader.vectorDrivers
        for name in ["GPKG", "ESRI Shapefile", "FlatGeobuf", "XLSX", "GeoJSON"] { XCTAssertTrue(drivers.contains(name), name) }
        let formats = try GDALTools.run("ogrinfo", ["--formats"]).stdout
        for name in drivers { XCTAssertTrue(formats.contains("  \(name) ") || formats.contains("  \(name) -"), "\(name) not in ogrinfo --formats") }
        let version = try GDALTools.run("ogrinfo", ["--version"]).stdout
        let loaded = try XCTUnwrap(GDALVectorReader.gdalVersion)
        XCTAssertTrue(version.contains("GDAL \(loaded),"), version)
    }

    func testCanReadByExtensionAndContent() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let gpkg = dir.appendingPathComponent("a.gpkg")
        try GDALTools.ogr2ogr(["-f", "GPKG", gpkg.path, GDALTools.layer("wolfsburg/junctions.geojson").path])
        XCTAssertTrue(GDALVectorReader.canRead(gpkg))
        // The same GeoPackage under a neutral name is still recognised from its content.
        let renamed = dir.appendingPathComponent("layer.data")
        try FileManager.default.copyItem(at: gpkg, to: renamed)
        XCTAssertEqual(GDALVectorReader.identifiedDriver(renamed), "GPKG")
        XCTAssertTrue(GDALVectorReader.canRead(renamed))
        let text = dir.appendingPathComponent("notes.data")
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: text)
        XCTAssertFalse(GDALVectorReader.canRead(text))
    }
}

/// Readers on several threads at once: each has its own dataset and its own error handler (CPL's handler stack is
/// per thread), and GDAL's drivers are registered once.
final class GDALConcurrentReadTests: XCTestCase {
    func testConcurrentReadsGiveTheSameFeatures() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let layers = GDALVectorReaderTests.shippedLayers
        var files: [URL] = []
        for (i, relative) in layers.enumerated() {
            let out = dir.appendingPathComponent("layer\(i).gpkg")
            try GDALTools.ogr2ogr(["-f", "GPKG", out.path, GDALTools.layer(relative).path])
            files.append(out)
        }
        let inputs = files
        let expected = try inputs.map { try GDALVectorReader.read(url: $0) }
        let results = ResultBox(count: files.count * 4)
        DispatchQueue.concurrentPerform(iterations: files.count * 4) { i in
            results.set(i, try? GDALVectorReader.read(url: inputs[i % inputs.count]))
        }
        for i in 0..<(files.count * 4) {
            XCTAssertEqual(results.get(i), expected[i % files.count], "read \(i)")
        }
    }
}

/// Write-once slots for results produced on several threads.
private final class ResultBox: @unchecked Sendable {
    private var values: [GDALLayerData?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: GDALLayerData?) { lock.lock(); values[i] = value; lock.unlock() }
    func get(_ i: Int) -> GDALLayerData? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
