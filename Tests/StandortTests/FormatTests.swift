import Foundation
import XCTest

/// Layer formats through GDAL (issue 14): GeoPackage and Shapefile inputs made with `ogr2ogr` from the GeoJSON
/// originals score identically; `.gpkg`/`.fgb`/`.xlsx` outputs open in `ogrinfo` with the right types and counts.
final class FormatTests: XCTestCase {
    var workspace: BadInputWorkspace!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr") else {
            throw XCTSkip("ogr2ogr (Debian gdal-bin) is not installed; `make deps` installs it")
        }
        workspace = try BadInputWorkspace()
    }

    override func tearDown() { workspace?.destroy() }

    @discardableResult
    func tool(_ path: String, _ args: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        process.currentDirectoryURL = workspace.folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(path) \(args): \(errors)")
        return String(decoding: data, as: UTF8.self) + errors
    }

    func testGeoPackageAndShapefileInputsScoreLikeTheGeoJSONOriginals() throws {
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "reference.geojson", "--quiet"])
        try tool("/usr/bin/ogr2ogr", ["-f", "GPKG", "exits.gpkg", "exits.geojson"])
        try tool("/usr/bin/ogr2ogr", ["-f", "ESRI Shapefile", "area.shp", "area.geojson"])
        try tool("/usr/bin/ogr2ogr", ["-f", "GPKG", "sites.gpkg", "sites.geojson", "-nln", "sites"])
        try workspace.editScenario("exits: {path: exits.geojson}", "exits: {path: exits.gpkg}")
        try workspace.editScenario("area: {path: area.geojson}", "area: {path: area.shp}")
        try workspace.editScenario("candidates: {path: sites.geojson, id: site_id}", "candidates: {path: sites.gpkg, id: site_id}")
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "converted.geojson", "--quiet"])
        XCTAssertEqual(try rankedProperties(workspace.url("converted.geojson")), try rankedProperties(workspace.url("reference.geojson")))
    }

    /// GDAL is opened when a GDAL format is first used, not linked (issue 15: loading it cost every run ≈ 40 ms of
    /// start-up). Without it a GeoJSON run is unaffected, and a GeoPackage input or output fails with one error line
    /// that names the file, the library and what to do (exit 69), leaving nothing behind.
    func testWithoutGDALGeoJSONRunsAndGeoPackagesSayWhatIsMissing() throws {
        let withoutGDAL = ["STANDORT_GDAL_LIBRARY": "/nonexistent/libgdal.so.32"]
        let plain = try workspace.run(["score", "scenario.yaml", "--out", "plain.geojson", "--quiet"], env: withoutGDAL)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.stderr, "")

        try assertFailure(workspace, status: 69,
                          mentions: ["ranked.gpkg", "/nonexistent/libgdal.so.32", "could not be loaded", "libgdal", "STANDORT_GDAL_LIBRARY"],
                          args: ["score", "scenario.yaml", "--out", "ranked.gpkg", "--quiet"], output: "ranked.gpkg", env: withoutGDAL)

        try tool("/usr/bin/ogr2ogr", ["-f", "GPKG", "exits.gpkg", "exits.geojson"])
        try workspace.editScenario("exits: {path: exits.geojson}", "exits: {path: exits.gpkg}")
        try assertFailure(workspace, status: 69, mentions: ["exits.gpkg"], env: withoutGDAL)
        // With GDAL the same scenario scores.
        try assertSuccess(workspace)
    }

    func testAmbiguousGeoPackageNamesItsLayersAndLayerPicksOne() throws {
        try tool("/usr/bin/ogr2ogr", ["-f", "GPKG", "both.gpkg", "exits.geojson", "-nln", "exits"])
        try tool("/usr/bin/ogr2ogr", ["-f", "GPKG", "-update", "both.gpkg", "area.geojson", "-nln", "area"])
        try workspace.editScenario("exits: {path: exits.geojson}", "exits: {path: both.gpkg}")
        try assertFailure(workspace, status: 65, mentions: ["both.gpkg", "exits", "area"])
        try workspace.editScenario("exits: {path: both.gpkg}", "exits: {path: both.gpkg, layer: exits}")
        try assertSuccess(workspace)
    }

    func testGeoPackageFlatGeobufAndXLSXOutputs() throws {
        for ext in ["gpkg", "fgb", "xlsx"] {
            try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "ranked.\(ext)", "--quiet"])
        }
        let gpkg = try tool("/usr/bin/ogrinfo", ["-al", "-so", "ranked.gpkg"])
        XCTAssertFalse(gpkg.contains("Warning"), gpkg)
        XCTAssertTrue(gpkg.contains("Feature Count: 4"), gpkg)
        XCTAssertTrue(gpkg.contains("rank: Integer"), gpkg)
        XCTAssertTrue(gpkg.contains("score: Real"), gpkg)
        XCTAssertTrue(gpkg.contains("excluded: Integer(Boolean)"), gpkg)
        XCTAssertTrue(gpkg.contains("standort_manifest="), gpkg)
        let fgb = try tool("/usr/bin/ogrinfo", ["-al", "-so", "ranked.fgb"])
        XCTAssertTrue(fgb.contains("Feature Count: 4"), fgb)
        XCTAssertTrue(fgb.contains("exit_distance_value: Real"), fgb)
        let xlsx = try tool("/usr/bin/ogrinfo", ["ranked.xlsx"])
        for sheet in ["ranking", "weights", "manifest"] { XCTAssertTrue(xlsx.contains(sheet), xlsx) }
        // Rank order in the ranking sheet: the first row is rank 1.
        let first = try tool("/usr/bin/ogrinfo", ["-q", "ranked.xlsx", "ranking", "-fid", "2"])
        XCTAssertTrue(first.contains("rank (Integer) = 1") || first.contains("rank (Real) = 1"), first)
    }

    /// `--out-crs` writes GeoPackage in the requested CRS (ogrinfo reports it and projected extents); GeoJSON refuses it.
    func testOutCRSForGeoPackage() throws {
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "ranked.gpkg", "--out-crs", "EPSG:25832", "--quiet"])
        let info = try tool("/usr/bin/ogrinfo", ["-al", "-so", "ranked.gpkg"])
        XCTAssertTrue(info.contains("ID[\"EPSG\",25832]"), info)
        XCTAssertTrue(info.contains("Extent: (6"), info)  // eastings of about 615 km, not degrees
        try assertFailure(workspace, status: 64, mentions: ["--out-crs applies to .gpkg and .fgb"],
                          args: ["score", "scenario.yaml", "--out", "out.geojson", "--out-crs", "EPSG:25832", "--quiet"])
    }
}
