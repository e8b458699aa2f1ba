import Foundation
import GeoCore
import VectorFormats
import XCTest

/// Writing GeoPackage, FlatGeobuf and XLSX. The independent checks are GDAL's own `ogrinfo` (run as a process:
/// no warnings, the right types and counts) and `ogr2ogr` (the reference reprojection); the files are also read
/// back through the reader.
final class GDALVectorWriterTests: XCTestCase {
    /// The Wolfsburg candidates with ranking columns of every type, as a scoring run would add them.
    private func rankedCandidates() throws -> (FeatureCollection, [VectorField]) {
        var collection = try GeoJSONReader.read(contentsOf: GDALTools.layer("wolfsburg/parking_candidates.geojson"))
        for i in collection.features.indices {
            collection.features[i].properties["rank"] = .number(Double(i + 1))
            collection.features[i].properties["score"] = .number(1 - Double(i) / 64)
            collection.features[i].properties["excluded"] = .bool(i % 7 == 3)
            collection.features[i].properties["excluded_by"] = i % 7 == 3 ? .array([.string("min_spaces")]) : .array([])
            collection.features[i].properties["dist_charger_m"] = i == 5 ? .null : .number(Double(i) * 123.25)
        }
        var fields = VectorField.inferred(from: collection.features)
        fields[fields.firstIndex { $0.name == "dist_charger_m" }!].type = .real
        return (collection, fields)
    }

    private let manifest = #"{"standort":{"version":"0.9.0","scenario":"wolfsburg-fast-charging","method":"wsm"}}"#

    /// `ogrinfo -al -so` on `url`: the summary, after asserting that GDAL printed no warning or error.
    private func ogrinfoSummary(_ url: URL, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try GDALTools.run("ogrinfo", ["-al", "-so"] + extra + [url.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr, "", "ogrinfo printed warnings for \(url.lastPathComponent)", file: file, line: line)
        return result.stdout
    }

    func testInferredSchema() throws {
        let (_, fields) = try rankedCandidates()
        XCTAssertEqual(fields, [
            VectorField("site_id", .text), VectorField("name", .text), VectorField("operator", .text), VectorField("kind", .text),
            VectorField("spaces", .integer), VectorField("open_24h", .boolean), VectorField("district", .text),
            VectorField("confidence", .text), VectorField("approx", .boolean), VectorField("source", .text),
            VectorField("rank", .integer), VectorField("score", .real), VectorField("excluded", .boolean),
            VectorField("excluded_by", .text), VectorField("dist_charger_m", .real),
        ])
    }

    func testGeoPackage() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let (collection, fields) = try rankedCandidates()
        let out = dir.appendingPathComponent("ranked.gpkg")
        let warnings = try GDALVectorWriter.write(collection, fields: fields, to: out,
                                                  options: VectorWriteOptions(layerName: "wolfsburg-fast-charging", manifest: manifest))
        XCTAssertEqual(warnings, [])

        let summary = try ogrinfoSummary(out)
        XCTAssertTrue(summary.contains("Layer name: wolfsburg-fast-charging"), summary)
        XCTAssertTrue(summary.contains("Geometry: Point"), summary)
        XCTAssertTrue(summary.contains("Feature Count: 51"), summary)
        XCTAssertTrue(summary.contains(#"ID["EPSG",4326]"#), summary)
        XCTAssertTrue(summary.contains("standort_manifest=\(manifest)"), summary)
        for line in ["site_id: String (0.0)", "spaces: Integer (0.0)", "open_24h: Integer(Boolean) (0.0)", "rank: Integer (0.0)",
                     "score: Real (0.0)", "excluded: Integer(Boolean) (0.0)", "excluded_by: String (0.0)", "dist_charger_m: Real (0.0)"] {
            XCTAssertTrue(summary.contains("\n\(line)\n"), "ogrinfo lacks '\(line)':\n\(summary)")
        }
        // Declared order: the field lines appear in the order of `fields`.
        let positions = fields.map { summary.range(of: "\n\($0.name): ")?.lowerBound }
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertEqual(positions.compactMap { $0 }.count, fields.count)

        // Read back: the same features; arrays in a text field come back as their JSON text.
        let read = try GDALVectorReader.read(url: out)
        XCTAssertEqual(read.fields, fields)
        var expected = collection
        for i in expected.features.indices {
            expected.features[i].properties["excluded_by"] = .string(expected.features[i].properties["excluded_by"]!.jsonText)
        }
        LayerComparison.assertSame(read.collection, expected, "gpkg round trip")
        XCTAssertEqual(try GDALVectorReader.metadataItem(GDALVectorWriter.manifestMetadataKey, url: out), manifest)
    }

    func testGeoPackageIsByteIdenticalForTheSameInput() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let (collection, fields) = try rankedCandidates()
        let options = VectorWriteOptions(layerName: "ranking", manifest: manifest)
        let a = dir.appendingPathComponent("a.gpkg"), b = dir.appendingPathComponent("b.gpkg")
        try GDALVectorWriter.write(collection, fields: fields, to: a, options: options)
        Thread.sleep(forTimeInterval: 0.05) // a different millisecond, which GDAL's own timestamp would show
        try GDALVectorWriter.write(collection, fields: fields, to: b, options: options)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
        // The one timestamp GDAL writes is the fixed one (read with ogrinfo's SQL, not with the code under test).
        let stamp = try GDALTools.run("ogrinfo", ["-q", a.path, "-sql", "SELECT last_change FROM gpkg_contents"])
        XCTAssertTrue(stamp.stdout.contains("last_change (DateTime) = 2000/01/01 00:00:00+00"), stamp.stdout)
        for ext in ["fgb", "xlsx"] {
            let x = dir.appendingPathComponent("a.\(ext)"), y = dir.appendingPathComponent("b.\(ext)")
            try GDALVectorWriter.write(collection, fields: fields, to: x, options: options)
            try GDALVectorWriter.write(collection, fields: fields, to: y, options: options)
            XCTAssertEqual(try Data(contentsOf: x), try Data(contentsOf: y), ext)
        }
    }

    /// The output CRS: the writer's transform (through GeoCore/PROJ) against `ogr2ogr -t_srs` (through GDAL's OGRCoordinateTransformation).
    func testGeoPackageInAnotherCRS() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let source = GDALTools.layer("wolfsburg/retail_plots.geojson")
        let collection = try GeoJSONReader.read(contentsOf: source)
        let out = dir.appendingPathComponent("plots.gpkg")
        try GDALVectorWriter.write(collection, fields: VectorField.inferred(from: collection.features), to: out,
                                   options: VectorWriteOptions(layerName: "plots", crs: "EPSG:25832"))
        let reference = dir.appendingPathComponent("reference.gpkg")
        try GDALTools.ogr2ogr(["-f", "GPKG", "-t_srs", "EPSG:25832", reference.path, source.path])
        let written = try GDALVectorReader.read(url: out).collection
        let expected = try GDALVectorReader.read(url: reference).collection
        XCTAssertEqual(written.crs, "EPSG:25832")
        XCTAssertTrue(try ogrinfoSummary(out).contains("Geometry: Polygon"))
        // Both go through PROJ 9 with the same (ballpark-free) ETRS89 ≈ WGS 84 operation: millimetre agreement is plenty.
        for (w, e) in zip(written.features, expected.features) {
            for (p, q) in zip(w.geometry!.allPositions, e.geometry!.allPositions) {
                XCTAssertEqual(p.x, q.x, accuracy: 1e-3)
                XCTAssertEqual(p.y, q.y, accuracy: 1e-3)
            }
        }
    }

    func testFlatGeobufKeepsTheRankOrder() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let (collection, fields) = try rankedCandidates()
        // Reverse the order so it is certainly not the spatial order.
        let reversed = FeatureCollection(features: collection.features.reversed(), crs: collection.crs)
        let out = dir.appendingPathComponent("ranked.fgb")
        XCTAssertEqual(try GDALVectorWriter.write(reversed, fields: fields, to: out, options: VectorWriteOptions(layerName: "ranking")), [])
        let summary = try ogrinfoSummary(out)
        XCTAssertTrue(summary.contains("Feature Count: 51"), summary)
        XCTAssertTrue(summary.contains("Geometry: Point"), summary)
        for line in ["rank: Integer (0.0)", "score: Real (0.0)", "excluded: Integer(Boolean) (0.0)", "name: String (0.0)"] {
            XCTAssertTrue(summary.contains("\n\(line)\n"), "ogrinfo lacks '\(line)':\n\(summary)")
        }
        let read = try GDALVectorReader.read(url: out)
        XCTAssertEqual(read.collection.features.map { $0.properties["rank"] }, reversed.features.map { $0.properties["rank"] })
        var expected = reversed
        for i in expected.features.indices {
            expected.features[i].properties["excluded_by"] = .string(expected.features[i].properties["excluded_by"]!.jsonText)
        }
        LayerComparison.assertSame(read.collection, expected, "fgb round trip")
    }

    func testMixedGeometryKinds() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let features = [
            Feature(geometry: .point(Position(x: 10.7, y: 52.4)), properties: ["n": .number(1)]),
            Feature(geometry: .polygon(Polygon(exterior: [Position(x: 10, y: 52), Position(x: 11, y: 52), Position(x: 11, y: 53), Position(x: 10, y: 52)])), properties: ["n": .number(2)]),
            Feature(geometry: nil, properties: ["n": .number(3)]),
            Feature(geometry: .geometryCollection([.lineString([Position(x: 10, y: 52), Position(x: 10.5, y: 52.5)]), .multiPoint([Position(x: 10, y: 52)])]), properties: ["n": .number(4)]),
            Feature(geometry: .multiPoint([Position(x: 10.1, y: 52.1), Position(x: 10.2, y: 52.2)]), properties: ["n": .number(5)]),
            Feature(geometry: .multiLineString([[Position(x: 10, y: 52), Position(x: 10.1, y: 52.1)], [Position(x: 10.2, y: 52.2), Position(x: 10.3, y: 52.3), Position(x: 10.4, y: 52.2)]]), properties: ["n": .number(6)]),
            Feature(geometry: .multiPolygon([
                Polygon(exterior: [Position(x: 10, y: 52), Position(x: 10.4, y: 52), Position(x: 10.4, y: 52.4), Position(x: 10, y: 52.4), Position(x: 10, y: 52)],
                        holes: [[Position(x: 10.1, y: 52.1), Position(x: 10.1, y: 52.2), Position(x: 10.2, y: 52.2), Position(x: 10.2, y: 52.1), Position(x: 10.1, y: 52.1)]]),
                Polygon(exterior: [Position(x: 11, y: 53), Position(x: 11.1, y: 53), Position(x: 11.1, y: 53.1), Position(x: 11, y: 53)]),
            ]), properties: ["n": .number(7)]),
        ]
        let collection = FeatureCollection(features: features, crs: "EPSG:4326")
        // FlatGeobuf cannot keep the feature without geometry (GDAL 3.6 drops it): refused, nothing written.
        let fgb = dir.appendingPathComponent("mixed.fgb")
        XCTAssertThrowsError(try GDALVectorWriter.write(collection, fields: [VectorField("n", .integer)], to: fgb, options: VectorWriteOptions(layerName: "mixed"))) { error in
            XCTAssertEqual((error as? VectorFormatError)?.reason, .featureWithoutGeometry(featureIndex: 2, format: "FlatGeobuf"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: fgb.path))
        for (ext, collection) in [("gpkg", collection), ("fgb", FeatureCollection(features: features.filter { $0.geometry != nil }, crs: "EPSG:4326"))] {
            let out = dir.appendingPathComponent("mixed.\(ext)")
            try GDALVectorWriter.write(collection, fields: [VectorField("n", .integer)], to: out, options: VectorWriteOptions(layerName: "mixed"))
            XCTAssertTrue(try ogrinfoSummary(out).contains("Geometry: Unknown (any)"), ext)
            LayerComparison.assertSame(try GDALVectorReader.read(url: out).collection, collection, "mixed \(ext)")
        }
    }

    func testSpreadsheet() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let (collection, _) = try rankedCandidates()
        let weights = SpreadsheetTable(name: "weights", columns: [VectorField("criterion", .text), VectorField("weight", .real)],
                                       rows: [[.string("dist_charger_m"), .number(0.625)], [.string("spaces"), .number(0.375)]])
        let manifestObject: JSONObject = ["version": .string("0.9.0"), "counts": .object(["sites": .number(51), "excluded": .number(8)]), "method": .string("wsm")]
        let manifestSheet = SpreadsheetTable(name: "manifest", keyValuesOf: manifestObject)
        let out = dir.appendingPathComponent("ranked.xlsx")
        let columns = [VectorField("rank", .integer), VectorField("site_id", .text), VectorField("name", .text), VectorField("score", .real),
                       VectorField("excluded", .boolean), VectorField("dist_charger_m", .real)]
        XCTAssertEqual(try GDALVectorWriter.write(collection, fields: columns, to: out,
                                                  options: VectorWriteOptions(layerName: "ranking", additionalSheets: [weights, manifestSheet])), [])

        let list = try GDALTools.run("ogrinfo", ["-so", out.path])
        XCTAssertEqual(list.stderr, "")
        XCTAssertTrue(list.stdout.contains("1: ranking (None)") && list.stdout.contains("2: weights (None)") && list.stdout.contains("3: manifest (None)"), list.stdout)

        // The header row is detected from the types (text header over numeric data) by GDAL's XLSX reader.
        let sheet = try GDALTools.run("ogrinfo", ["-so", out.path, "ranking"])
        XCTAssertEqual(sheet.stderr, "")
        let summary = sheet.stdout
        XCTAssertTrue(summary.contains("Feature Count: 51"), summary)
        for line in ["rank: Integer (0.0)", "site_id: String (0.0)", "score: Real (0.0)", "excluded: Integer(Boolean) (0.0)", "dist_charger_m: Real (0.0)"] {
            XCTAssertTrue(summary.contains("\n\(line)\n"), "ogrinfo lacks '\(line)':\n\(summary)")
        }

        let ranking = try GDALVectorReader.read(url: out, layer: "ranking")
        XCTAssertEqual(ranking.fields, columns)
        XCTAssertEqual(ranking.collection.features.count, 51)
        for (row, feature) in zip(ranking.collection.features, collection.features) {
            for column in columns {
                XCTAssertEqual(row.properties[column.name], feature.properties[column.name] ?? .null, column.name)
            }
            XCTAssertNil(row.geometry)
        }
        let weightsBack = try GDALVectorReader.read(url: out, layer: "weights").collection.features
        XCTAssertEqual(weightsBack.map { $0.properties }, [["criterion": .string("dist_charger_m"), "weight": .number(0.625)],
                                                           ["criterion": .string("spaces"), "weight": .number(0.375)]])
        let manifestBack = try GDALVectorReader.read(url: out, layer: "manifest").collection.features
        XCTAssertEqual(manifestBack.map { $0.properties }, [
            ["key": .string("version"), "value": .string("0.9.0")], ["key": .string("counts.sites"), "value": .string("51")],
            ["key": .string("counts.excluded"), "value": .string("8")], ["key": .string("method"), "value": .string("wsm")],
        ])
    }

    func testShapefileOutputIsRefusedWithAHint() throws {
        let dir = try GDALTools.temporaryDirectory(for: self)
        let (collection, fields) = try rankedCandidates()
        let out = dir.appendingPathComponent("ranked.shp")
        XCTAssertThrowsError(try GDALVectorWriter.write(collection, fields: fields, to: out, options: VectorWriteOptions(layerName: "r"))) { error in
            guard case .unsupportedOutput(let ext, let supported, let hint)? = (error as? VectorFormatError)?.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(ext, "shp")
            XCTAssertEqual(supported, ["gpkg", "fgb", "xlsx"])
            XCTAssertTrue(hint?.contains(".gpkg") == true && hint?.contains("10 characters") == true, hint ?? "")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        XCTAssertThrowsError(try VectorFormat(forWriting: URL(fileURLWithPath: "/tmp/x.kml")))
        XCTAssertEqual(try VectorFormat(forWriting: URL(fileURLWithPath: "/tmp/X.GPKG")), .geoPackage)
    }

    /// A failure in the middle (a text value in an integer column at feature 30) leaves nothing behind and an
    /// existing file as it was.
    func testFailedWriteLeavesNothingBehind() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        var (collection, fields) = try rankedCandidates()
        collection.features[30].properties["rank"] = .string("thirty-one")
        for ext in ["gpkg", "fgb", "xlsx"] {
            let out = dir.appendingPathComponent("ranked.\(ext)")
            XCTAssertThrowsError(try GDALVectorWriter.write(collection, fields: fields, to: out, options: VectorWriteOptions(layerName: "r"))) { error in
                XCTAssertEqual((error as? VectorFormatError)?.reason,
                               .fieldTypeMismatch(field: "rank", expected: .integer, value: #""thirty-one""#, featureIndex: 30))
                XCTAssertTrue("\(error)".contains("feature 30, field 'rank'"), "\(error)")
            }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], ext)
        }
        let existing = dir.appendingPathComponent("existing.gpkg")
        try Data("previous".utf8).write(to: existing)
        XCTAssertThrowsError(try GDALVectorWriter.write(collection, fields: fields, to: existing, options: VectorWriteOptions(layerName: "r")))
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "previous")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["existing.gpkg"])
    }

    func testOutputLocationChecks() throws {
        let dir = try GDALTools.temporaryDirectory(for: self)
        let (collection, fields) = try rankedCandidates()
        let options = VectorWriteOptions(layerName: "r", protecting: [GDALTools.layer("wolfsburg/parking_candidates.geojson")])
        let missing = dir.appendingPathComponent("no/such/dir/out.gpkg")
        XCTAssertThrowsError(try GDALVectorWriter.write(collection, fields: fields, to: missing, options: options)) { error in
            guard case .output(.directoryNotFound)? = (error as? VectorFormatError)?.reason else { return XCTFail("\(error)") }
        }
        // An input given a .gpkg name through a link is still recognised (same device and inode).
        let link = dir.appendingPathComponent("input.gpkg")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: GDALTools.layer("wolfsburg/parking_candidates.geojson"))
        XCTAssertThrowsError(try GDALVectorWriter.write(collection, fields: fields, to: link, options: options)) { error in
            guard case .output(.wouldOverwriteInput)? = (error as? VectorFormatError)?.reason else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try GDALVectorWriter.write(collection, fields: fields + [VectorField("FID", .integer)], to: dir.appendingPathComponent("x.gpkg"), options: options)) { error in
            guard case .invalidSchema? = (error as? VectorFormatError)?.reason else { return XCTFail("\(error)") }
        }
    }

    /// Integers beyond 32 bits become Integer64 columns, non-finite reals become null, an empty layer is still a
    /// valid file.
    func testWideIntegersNonFiniteRealsAndEmptyLayers() throws {
        try GDALTools.requireTools()
        let dir = try GDALTools.temporaryDirectory(for: self)
        let features = [
            Feature(geometry: .point(Position(x: 10.7, y: 52.4)), properties: ["big": .number(4_000_000_000), "x": .number(.nan)]),
            Feature(geometry: .point(Position(x: 10.8, y: 52.5)), properties: ["big": .number(-7), "x": .number(.infinity)]),
        ]
        let fields = [VectorField("big", .integer), VectorField("x", .real)]
        let out = dir.appendingPathComponent("wide.gpkg")
        try GDALVectorWriter.write(FeatureCollection(features: features, crs: "EPSG:4326"), fields: fields, to: out, options: VectorWriteOptions(layerName: "wide"))
        let summary = try ogrinfoSummary(out)
        XCTAssertTrue(summary.contains("\nbig: Integer64 (0.0)\n"), summary)
        let read = try GDALVectorReader.read(url: out).collection.features
        XCTAssertEqual(read.map { $0.properties["big"] }, [.number(4_000_000_000), .number(-7)])
        XCTAssertEqual(read.map { $0.properties["x"] }, [.null, .null])

        for ext in ["gpkg", "fgb", "xlsx"] {
            let empty = dir.appendingPathComponent("empty.\(ext)")
            try GDALVectorWriter.write(FeatureCollection(features: [], crs: "EPSG:4326"), fields: fields, to: empty, options: VectorWriteOptions(layerName: "empty"))
            XCTAssertTrue(FileManager.default.fileExists(atPath: empty.path), ext)
            if ext != "xlsx" { XCTAssertTrue(try ogrinfoSummary(empty).contains("Feature Count: 0"), ext) }
        }
    }

    /// The workbook checked with Python's standard library (zipfile + ElementTree), a parser independent of GDAL:
    /// the sheets' names and order, the header row, a row per feature, booleans as `t="b"` cells, numbers as numbers.
    func testSpreadsheetStructureWithAnIndependentParser() throws {
        guard GDALTools.find("python3") != nil else { throw XCTSkip("python3 not found: the independent XLSX check needs it") }
        let dir = try GDALTools.temporaryDirectory(for: self)
        let (collection, _) = try rankedCandidates()
        let out = dir.appendingPathComponent("ranked.xlsx")
        let columns = [VectorField("rank", .integer), VectorField("site_id", .text), VectorField("score", .real), VectorField("excluded", .boolean)]
        let weights = SpreadsheetTable(name: "weights", columns: [VectorField("criterion", .text), VectorField("weight", .real)],
                                       rows: [[.string("spaces"), .number(1)]])
        try GDALVectorWriter.write(collection, fields: columns, to: out, options: VectorWriteOptions(layerName: "ranking", additionalSheets: [weights]))
        let script = """
        import sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        z = zipfile.ZipFile(sys.argv[1])
        print("sheets", ",".join(s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", ns)))
        strings = [si.findtext("m:t", namespaces=ns) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
        rows = ET.fromstring(z.read("xl/worksheets/sheet1.xml")).find("m:sheetData", ns).findall("m:row", ns)
        print("rows", len(rows))
        def cell(c):
            v = c.findtext("m:v", namespaces=ns)
            return strings[int(v)] if c.get("t") == "s" else (c.get("t") or "n") + ":" + v
        print("header", ",".join(cell(c) for c in rows[0]))
        print("first", ",".join(cell(c) for c in rows[1]))
        """
        let result = try GDALTools.run("python3", ["-c", script, out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, ["sheets ranking,weights", "rows 52", "header rank,site_id,score,excluded", "first n:1,WOB-01,n:1,b:0"])
    }
}
