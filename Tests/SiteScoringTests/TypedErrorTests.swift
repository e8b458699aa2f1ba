import Foundation
import GeoCore
import XCTest
@testable import SiteScoring

/// Errors are typed cases (issue 10): callers and the CLI switch on `reason`, never on the message text.
final class TypedErrorTests: XCTestCase {
    func scenarioError(_ text: String) -> ScenarioError? {
        do {
            _ = try ScenarioLoader.parse(text, file: "s.yaml", baseDirectory: URL(fileURLWithPath: "/data"))
            XCTFail("expected a ScenarioError")
        } catch let e as ScenarioError {
            return e
        } catch {
            XCTFail("not a ScenarioError: \(error)")
        }
        return nil
    }

    let base = """
    candidates: {path: sites.geojson}
    layers:
      exits: {path: exits.geojson}
    criteria:
      - {id: d, kind: distance, layer: exits, direction: cost, weight: 1}
    """

    func testScenarioReasons() throws {
        let unknownKey = try XCTUnwrap(scenarioError(base + "\nmethd: wsm"))
        XCTAssertEqual(unknownKey.reason, .unknownKey(key: "methd", in: "the scenario", allowed: ScenarioLoader.topLevelKeys + ScenarioLoader.ownedSections))
        XCTAssertEqual(unknownKey.suggestion, "method")
        XCTAssertEqual(unknownKey.line, 6)

        let layer = try XCTUnwrap(scenarioError(base.replacingOccurrences(of: "layer: exits", with: "layer: exit")))
        XCTAssertEqual(layer.reason, .unknownLayer(name: "exit", owner: "criterion 'd'", available: ["exits"]))
        XCTAssertEqual(layer.suggestion, "exits")

        let duplicate = try XCTUnwrap(scenarioError(base + "\n  - {id: d, kind: area, direction: benefit, weight: 1}"))
        XCTAssertEqual(duplicate.reason, .duplicateID(kind: "criterion", id: "d"))

        let method = try XCTUnwrap(scenarioError(base + "\nmethod: electre"))
        XCTAssertEqual(method.reason, .unknownKeyword(what: "method", word: "electre", choices: AggregationMethod.allCases.map(\.rawValue)))

        XCTAssertThrowsError(try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: "/nonexistent/s.yaml"))) { error in
            XCTAssertEqual((error as? ScenarioError)?.reason, .fileNotFound)
        }
    }

    func testScoringReasons() throws {
        let folder = ScenarioRunnerTests.fixtures
        var scenario = try ScenarioLoader.load(contentsOf: folder.appendingPathComponent("scenario_25832.yaml"))
        guard let j = scenario.criteria.firstIndex(where: { if case .attribute = $0.kind { true } else { false } }) else {
            return XCTFail("the fixture has an attribute criterion")
        }
        scenario.criteria[j].kind = .attribute(field: "Spaces")
        var timings = StageTimings()
        XCTAssertThrowsError(try ScenarioRunner.run(scenario, timings: &timings)) { error in
            guard let e = error as? ScoringError, case .unknownField(_, let field, let layer, let available) = e.reason else {
                return XCTFail("expected unknownField, got \(error)")
            }
            XCTAssertEqual(field, "Spaces")
            XCTAssertEqual(layer, "candidates")
            XCTAssertTrue(available.contains("spaces"))
            XCTAssertEqual(e.suggestion, "spaces")
        }
        scenario = try ScenarioLoader.load(contentsOf: folder.appendingPathComponent("scenario_25832.yaml"))
        scenario.layers[0].url = folder.appendingPathComponent("missing.geojson")
        XCTAssertThrowsError(try ScenarioRunner.run(scenario, timings: &timings)) { error in
            guard case .layerFileNotFound(let layer, _)? = (error as? ScoringError)?.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(layer, scenario.layers[0].name)
        }
    }

    func testManifestHashesTheParsedBytes() throws {
        let url = ScenarioRunnerTests.fixtures.appendingPathComponent("scenario_25832.yaml")
        let scenario = try ScenarioLoader.load(contentsOf: url)
        XCTAssertEqual(scenario.sourceSHA256, SHA256.hex(of: try Data(contentsOf: url)))
    }
}
