import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// Every error case of the scenario file gives one clear error with file, line and column.
final class ScenarioLoaderTests: XCTestCase {
    let base = """
    name: t
    candidates: {path: sites.geojson, id: site_id}
    layers:
      exits: {path: exits.geojson}
    criteria:
      - {id: d, kind: distance, layer: exits, direction: cost, weight: 1}
    """

    func parse(_ text: String) throws -> Scenario {
        try ScenarioLoader.parse(text, file: "s.yaml", baseDirectory: URL(fileURLWithPath: "/data"))
    }

    func assertError(_ text: String, contains fragments: [String], line: Int? = nil, file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertThrowsError(try parse(text), file: file, line: lineNumber) { error in
            guard let e = error as? ScenarioError else { return XCTFail("not a ScenarioError: \(error)", file: file, line: lineNumber) }
            for f in fragments { XCTAssertTrue(e.description.contains(f), "'\(e)' lacks '\(f)'", file: file, line: lineNumber) }
            if let line { XCTAssertEqual(e.line, line, "\(e)", file: file, line: lineNumber) }
            XCTAssertTrue(e.description.hasPrefix("s.yaml"), file: file, line: lineNumber)
        }
    }

    func testValidScenario() throws {
        let s = try parse(base)
        XCTAssertEqual(s.criteria.count, 1)
        XCTAssertEqual(s.criteria[0].kind, .distance(layer: "exits"))
        XCTAssertEqual(s.candidates.layer.url.path, "/data/sites.geojson")
        XCTAssertEqual(s.workingCRS, .auto)
        XCTAssertEqual(s.method, .wsm)
    }

    func testJSONWithTheSameStructure() throws {
        let s = try parse(#"{"name": "j", "crs": "EPSG:25832", "method": "topsis", "candidates": {"path": "c.csv", "x": "lon", "y": "lat"}, "criteria": [{"id": "a", "kind": "area", "direction": "benefit", "weight": 2}]}"#)
        XCTAssertEqual(s.method, .topsis)
        XCTAssertEqual(s.workingCRS, .explicit(CRS("EPSG:25832")))
        XCTAssertEqual(s.candidates.layer.xColumn, "lon")
    }

    func testUnknownKeyNamesTheNearestValidKey() {
        assertError(base + "\ncriterias: []", contains: ["unknown key 'criterias'", "did you mean 'criteria'"], line: 7)
        assertError(base.replacingOccurrences(of: "direction: cost", with: "direktion: cost"), contains: ["'direktion'", "'direction'"], line: 6)
    }

    func testUnknownKindAndLayer() {
        assertError(base.replacingOccurrences(of: "kind: distance", with: "kind: distanse"), contains: ["unknown criterion kind 'distanse'", "did you mean 'distance'"])
        assertError(base.replacingOccurrences(of: "layer: exits", with: "layer: exit"), contains: ["unknown layer 'exit'", "did you mean 'exits'"])
    }

    func testWeightsAndRadius() {
        assertError(base.replacingOccurrences(of: "weight: 1", with: "weight: -2"), contains: ["weights must be zero or positive"])
        assertError(base.replacingOccurrences(of: "weight: 1", with: "weight: 0"), contains: ["all criterion weights are 0"])
        assertError(base.replacingOccurrences(of: "weight: 1", with: "weight: .nan"), contains: ["must be a number"])
        assertError(base + "\n  - {id: c, kind: count_within, layer: exits, radius: 0, direction: benefit, weight: 1}", contains: ["radius is 0.0", "greater than 0"])
        assertError(base.replacingOccurrences(of: ", weight: 1", with: ""), contains: ["has no 'weight:'"])
    }

    func testDuplicateCriterionIDs() {
        assertError(base + "\n  - {id: d, kind: area, direction: benefit, weight: 1}", contains: ["duplicate criterion id 'd'"], line: 7)
    }

    func testAHPAndWeightsTogether() {
        assertError(base + "\nahp:\n  - [d, d, 1]", contains: ["has a 'weight:'", "AHP"])
    }

    func testYAMLSyntaxErrorHasPosition() {
        assertError("name: [unclosed\ncandidates: x", contains: ["YAML syntax error"])
        assertError("", contains: ["empty"])
    }

    /// A "billion laughs" document (10⁹ nodes once expanded) is rejected at once: aliases share storage when composed,
    /// and reading stops at the first node that is not what a scenario expects, so nothing is ever expanded.
    func testAliasBombIsBounded() {
        var text = "name: bomb\ncandidates: {path: a.geojson}\ncriteria:\n  - &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { text += "  - &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        assertError(text, contains: ["a criterion must be a mapping"], line: 4)
    }

    func testDeepNestingIsRejectedBeforeParsing() {
        assertError("name: " + String(repeating: "[", count: 5000), contains: ["nested"])
    }

    func testReservedAndDirection() {
        assertError(base.replacingOccurrences(of: "id: d,", with: "id: rank,"), contains: ["clashes with an output property"])
        assertError(base.replacingOccurrences(of: "direction: cost, ", with: ""), contains: ["needs 'direction:'"])
    }

    func testValueFunctions() throws {
        let s = try parse(base + """

          - {id: s, kind: attribute, field: spaces, weight: 1, value: {piecewise: [[10, 0], [40, 0.8], [100, 1]]}}
          - {id: k, kind: attribute, field: kind, weight: 1, value: {categories: {hotel: 0.6, supermarket: 1.0}, default: 0.2}}
          - {id: g, kind: attribute, field: x, weight: 1, value: {gaussian: {ideal: 5, width: 2}}}
          - {id: l, kind: attribute, field: y, direction: cost, weight: 1, value: {linear: [0, 20000]}}
        """)
        XCTAssertEqual(s.criteria[1].value, .piecewise([.init(x: 10, v: 0), .init(x: 40, v: 0.8), .init(x: 100, v: 1)]))
        XCTAssertEqual(s.criteria[2].value, .categories(["hotel": 0.6, "supermarket": 1.0], default: 0.2))
        XCTAssertEqual(s.criteria[3].value, .gaussian(ideal: 5, width: 2))
        XCTAssertEqual(s.criteria[4].value, .linear(a: 0, b: 20000))
        assertError(base + "\n  - {id: l, kind: attribute, field: y, direction: cost, weight: 1, value: {linear: [5, 5]}}", contains: ["value"])
    }

    func testConstraints() throws {
        let s = try parse(base + "\nconstraints:\n  - {id: near, kind: distance, layer: exits, min: 500}\n  - {id: out, kind: outside, layer: exits}")
        XCTAssertEqual(s.constraints[0].kind, .distance(layer: "exits", min: 500, max: nil))
        assertError(base + "\nconstraints:\n  - {id: near, kind: distance, layer: exits}", contains: ["needs 'min:' or 'max:'"])
        assertError(base + "\nconstraints:\n  - {id: near, kind: inside, layer: exits, min: 3}", contains: ["do not apply"])
    }

    func testMissingFile() {
        XCTAssertThrowsError(try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: "/nonexistent/s.yaml"))) { error in
            XCTAssertEqual((error as? ScenarioError)?.description, "/nonexistent/s.yaml: no such file")
        }
    }
}
