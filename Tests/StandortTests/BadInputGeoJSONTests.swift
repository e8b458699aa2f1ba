import Foundation
import XCTest

/// Bad GeoJSON layers, end to end through `standort score`: each failure keeps the contract checked by
/// `assertFailure` (status from the README's "Exit status" table: 65 bad data, 66 missing input), and
/// the error line names the file and, where it applies, line:column, the 0-based feature index / id and
/// the JSON path of the field.
final class BadInputGeoJSONTests: XCTestCase {
    private var workspace: BadInputWorkspace!

    override func setUpWithError() throws { workspace = try BadInputWorkspace() }
    override func tearDown() { workspace?.destroy() }

    /// One site feature with the given geometry JSON (and `site_id` A).
    private func sites(geometry: String, properties: String = #""site_id": "A", "spaces": 3"#) -> String {
        #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {\#(properties)}, "geometry": \#(geometry)}]}"#
    }

    func testMissingFile() throws {
        try workspace.remove("sites.geojson")
        try assertFailure(workspace, status: 66, mentions: ["sites.geojson", "no such file", "candidates"])
    }

    func testDirectoryInsteadOfFile() throws {
        try workspace.remove("exits.geojson")
        try FileManager.default.createDirectory(at: workspace.url("exits.geojson"), withIntermediateDirectories: false)
        try assertFailure(workspace, status: 65, mentions: ["exits.geojson", "directory"])
    }

    func testEmptyFile() throws {
        try workspace.write("sites.geojson", "")
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson", "empty"])
    }

    func testWhitespaceOnlyFile() throws {
        try workspace.write("sites.geojson", "  \n\t\n")
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson"])
    }

    func testNotJSON() throws {
        try workspace.write("sites.geojson", "site_id,lon,lat\nA,10.7,52.4\n")
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:1:", "invalid JSON"])
    }

    func testTruncatedJSON() throws {
        // Cut inside the first feature's coordinates: line 1, column 111 is the end of the text (counted by hand: the prefix is 110 characters).
        let text = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [10.7,"#
        try workspace.write("sites.geojson", text)
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:\(text.count + 1):", "ends in the middle", "feature index 0"])
    }

    func testJSONThatIsNotGeoJSON() throws {
        try workspace.write("sites.geojson", #"{"name": "sites", "rows": [[10.7, 52.4]]}"#)
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:1:", "not GeoJSON"])
    }

    func testUnknownGeoJSONType() throws {
        try workspace.write("sites.geojson", sites(geometry: #"{"type": "Pointz", "coordinates": [10.7, 52.4]}"#))
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:", "Pointz", "feature index 0"])
    }

    func testWrongCoordinateNesting() throws {
        try workspace.write("sites.geojson", sites(geometry: #"{"type": "Point", "coordinates": [[10.7, 52.4]]}"#))
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:", "nested", "features[0].geometry.coordinates[0]", "feature index 0"])
    }

    func testPolygonCoordinatesNestedTooShallow() throws {
        try workspace.write("area.geojson", #"{"type": "Feature", "id": "P1", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[10.757, 52.422], [10.787, 52.422], [10.787, 52.431], [10.757, 52.422]]}}"#)
        try assertFailure(workspace, status: 65, mentions: ["area.geojson:1:", "Polygon coordinates must be nested 3 arrays deep"])
    }

    func testStringsAsCoordinates() throws {
        try workspace.write("sites.geojson", sites(geometry: #"{"type": "Point", "coordinates": ["10.7", "52.4"]}"#))
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:", "must be a number", "\"10.7\"", "features[0].geometry.coordinates[0]"])
    }

    func testNaNCoordinate() throws {
        try workspace.write("sites.geojson", sites(geometry: #"{"type": "Point", "coordinates": [NaN, 52.4]}"#))
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:", "NaN is not a valid JSON number", "features[0].geometry.coordinates[0]"])
    }

    func testInfinityAttribute() throws {
        try workspace.write("sites.geojson", sites(geometry: #"{"type": "Point", "coordinates": [10.77, 52.42]}"#, properties: #""site_id": "A", "spaces": -Infinity"#))
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:", "Infinity", "features[0].properties.spaces"])
    }

    func testNumberTooLargeForADouble() throws {
        try workspace.write("sites.geojson", sites(geometry: #"{"type": "Point", "coordinates": [10.77, 52.42]}"#, properties: #""site_id": "A", "spaces": 1e999"#))
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:", "1e999", "not finite", "features[0].properties.spaces"])
    }

    func testUnclosedRing() throws {
        try workspace.write("area.geojson", #"{"type": "Feature", "id": "P1", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[10.757, 52.422], [10.787, 52.422], [10.787, 52.431], [10.757, 52.431]]]}}"#)
        try assertFailure(workspace, status: 65, mentions: ["area.geojson:1:", "not closed"])
    }

    func testGeoJSONOverTheSizeCapIsRejectedUpFront() throws {
        // A sparse 1.2 GB file (> 1 GiB = 1073741824 bytes): rejected before it is read, naming the limit.
        try workspace.write("sites.geojson", "")
        let handle = try FileHandle(forWritingTo: workspace.url("sites.geojson"))
        try handle.truncate(atOffset: 1_200_000_000)
        try handle.close()
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson", "1200000000 bytes", "limit of 1073741824", "ogr2ogr"])
    }

    func testThreeAndFourDimensionalPositionsAreAcceptedAndZMDropped() throws {
        // Same four sites as the base file, with a height on A and height + measure on B: docs/scenario.md
        // says extra ordinates are dropped, so the ranking must equal the 2D base run.
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "flat.geojson", "--quiet"])
        var text = try String(contentsOf: workspace.url("sites.geojson"), encoding: .utf8)
        text = text.replacingOccurrences(of: "[10.7649, 52.427]", with: "[10.7649, 52.427, 81.5]")
            .replacingOccurrences(of: "[10.7796, 52.4268]", with: "[10.7796, 52.4268, 80.25, 1234]")
        XCTAssertTrue(text.contains("81.5") && text.contains("1234"))
        try workspace.write("sites.geojson", text)
        try assertSuccess(workspace)
        XCTAssertEqual(try rankedProperties(workspace.url("out.geojson")), try rankedProperties(workspace.url("flat.geojson")))
        let out = try String(contentsOf: workspace.url("out.geojson"), encoding: .utf8)
        XCTAssertFalse(out.contains("81.5"), "the z value should have been dropped")
    }

    func testCandidateWithNullGeometryIsAnErrorNamingIt() throws {
        try workspace.write("sites.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"site_id": "A", "spaces": 3}, "geometry": {"type": "Point", "coordinates": [10.77, 52.42]}}, {"type": "Feature", "id": 7, "properties": {"site_id": "B", "spaces": 4}, "geometry": null}]}"#)
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson", "feature 1", "no geometry"])
    }

    func testContextFeatureWithNullGeometryIsSkipped() throws {
        // An extra feature without geometry in the exits layer changes nothing: the result equals the base run.
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "plain.geojson", "--quiet"])
        try workspace.write("exits.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "none", "properties": {}, "geometry": null}, {"type": "Feature", "id": "X1", "properties": {}, "geometry": {"type": "Point", "coordinates": [10.8, 52.43]}}]}"#)
        try assertSuccess(workspace)
        XCTAssertEqual(try rankedProperties(workspace.url("out.geojson")), try rankedProperties(workspace.url("plain.geojson")))
    }

    func testFeatureWithoutGeometryMember() throws {
        try workspace.write("sites.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"site_id": "A"}}]}"#)
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson:1:", "\"geometry\" is missing", "feature index 0"])
    }

    func testMixedGeometryTypesInALayerAreAccepted() throws {
        // A line, a point and a polygon in one layer: validate reports each type and its count.
        try workspace.write("exits.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[10.80, 52.43], [10.81, 52.44]]}}, {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [10.8, 52.43]}}, {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[10.8, 52.43], [10.81, 52.43], [10.81, 52.44], [10.8, 52.43]]]}}]}"#)
        let result = try assertSuccess(workspace, args: ["validate", "scenario.yaml"])
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("layer exits:") } ?? ""
        XCTAssertTrue(line.contains("3 features"), String(line))
        for type in ["LineString 1", "Point 1", "Polygon 1"] { XCTAssertTrue(line.contains(type), String(line)) }
    }

    func testSwappedLonLatNamesTheFeature() throws {
        // A "lon" of 52.41 lies far east of EPSG:25832's area of use (lon 6…12): an error naming feature 1, id f2.
        try workspace.write("sites.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"site_id": "A", "spaces": 3}, "geometry": {"type": "Point", "coordinates": [10.77, 52.42]}}, {"type": "Feature", "id": "f2", "properties": {"site_id": "B", "spaces": 4}, "geometry": {"type": "Point", "coordinates": [52.41, 10.71]}}]}"#)
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson", "feature 1", "f2", "swapped"])
    }

    func testSwappedLonLatWithAutomaticCRS() throws {
        // With crs: auto every site is swapped, so the UTM zone is chosen from the swapped box and the
        // other layers (correct lon/lat) fall outside it: still an error, naming a feature.
        try workspace.editScenario("crs: EPSG:25832", "crs: auto")
        let text = try String(contentsOf: workspace.url("sites.geojson"), encoding: .utf8)
        let swapped = try NSRegularExpression(pattern: #"\[([0-9.]+), ([0-9.]+)\]"#)
            .stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "[$2, $1]")
        try workspace.write("sites.geojson", swapped)
        try assertFailure(workspace, status: 65, mentions: ["feature 0", "swapped"])
    }

    func testDuplicateSiteIDs() throws {
        try workspace.write("sites.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"site_id": "A", "spaces": 3}, "geometry": {"type": "Point", "coordinates": [10.77, 52.42]}}, {"type": "Feature", "properties": {"site_id": "A", "spaces": 4}, "geometry": {"type": "Point", "coordinates": [10.78, 52.43]}}]}"#)
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson", "feature 1", "site_id", "duplicate"])
    }

    func testEmptyLayerACriterionDependsOn() throws {
        try workspace.write("exits.geojson", #"{"type": "FeatureCollection", "features": []}"#)
        try assertFailure(workspace, status: 65, mentions: ["exits.geojson", "exit_distance", "no features"])
    }

    func testTextWhereANumberIsNeeded() throws {
        try workspace.write("sites.geojson", sites(geometry: #"{"type": "Point", "coordinates": [10.77, 52.42]}"#, properties: #""site_id": "A", "spaces": "many""#))
        try assertFailure(workspace, status: 65, mentions: ["sites.geojson", "feature 0", "spaces"])
    }

    func testSelfIntersectingInsidePolygonIsAWarningNamingTheFeature() throws {
        // A bow tie: (0,0) → (1,1) → (1,0) → (0,1) → back, in degrees around the sites.
        try workspace.write("area.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "bowtie", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[10.757, 52.422], [10.787, 52.431], [10.787, 52.422], [10.757, 52.431], [10.757, 52.422]]]}}]}"#)
        let result = try assertSuccess(workspace)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        XCTAssertEqual(warnings.count, 1, result.stderr)
        XCTAssertTrue(warnings.first?.contains("area.geojson") == true && warnings.first?.contains("bowtie") == true, result.stderr)
    }

    func testAttributesNearTheLimitsOfADoubleGiveFiniteScores() throws {
        // ±1.7e308: max − min overflows and TOPSIS's Σx² overflows. Expected (by hand): with min–max, A (the
        // largest) gets spaces_value 1 and B 0; WSM score A = (0·3 + 1·2 + 1·1 + 1·1)/7 = 4/7 (B is nearer the
        // exit, so A's exit value is 0; both have no shop within 1 km and are outside the area, constant columns → 1).
        try workspace.write("sites.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"site_id": "A", "spaces": 1.7e308}, "geometry": {"type": "Point", "coordinates": [10.7, 52.4]}}, {"type": "Feature", "properties": {"site_id": "B", "spaces": -1.7e308}, "geometry": {"type": "Point", "coordinates": [10.71, 52.41]}}]}"#)
        try assertSuccess(workspace)
        let wsm = try rankedProperties(workspace.url("out.geojson"))
        XCTAssertEqual(wsm["A"]?["spaces_value"] as? Double, 1)
        XCTAssertEqual(wsm["B"]?["spaces_value"] as? Double, 0)
        XCTAssertEqual(wsm["A"]?["score"] as? Double ?? .nan, 4.0 / 7.0, accuracy: 1e-12)
        XCTAssertEqual(wsm["B"]?["score"] as? Double ?? .nan, 6.0 / 7.0, accuracy: 1e-12)
        // TOPSIS: numpy on the same matrix with spaces rescaled to ±1.7 (vector normalisation is scale-free):
        // X = [[7577.197711827021, 1.7], [6513.447639856071, -1.7]], w = [3, 1]/7 (the two all-zero columns add 0)
        // → scores A 0.81576886, B 0.18423114.
        try assertSuccess(workspace, args: ["score", "scenario.yaml", "--out", "topsis.geojson", "--quiet", "--method", "topsis"])
        let topsis = try rankedProperties(workspace.url("topsis.geojson"))
        XCTAssertEqual(topsis["A"]?["score"] as? Double ?? .nan, 0.81576886, accuracy: 1e-8)
        XCTAssertEqual(topsis["B"]?["score"] as? Double ?? .nan, 0.18423114, accuracy: 1e-8)
    }
}
