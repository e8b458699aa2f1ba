import Foundation
import GeoCore
@testable import Reporting
import SiteScoring
import XCTest

/// Reads a GeoJSON file for tests that edit a fixture before handing it on.
enum GeoJSONReaderShim {
    static func read(_ url: URL) throws -> FeatureCollection { try GeoJSONReader.read(contentsOf: url) }
}

final class ReportPartsTests: XCTestCase {
    func testNetworkPlanReadsSelectionOrderAndManifest() throws {
        let plan = try NetworkPlan.read(contentsOf: ReportFixture.planURL, idField: "site_id")
        XCTAssertEqual(plan.sites.map(\.id), [.string("T3"), .string("T2")])
        XCTAssertEqual(plan.sites.map(\.order), [1, 2])
        XCTAssertEqual(plan.model, "mclp")
        XCTAssertEqual(plan.count, 2)
        XCTAssertEqual(plan.radius, 1000)
        XCTAssertEqual(plan.coverageShare, 0.6667)
        XCTAssertEqual(plan.coveredCount, 4)
        XCTAssertEqual(plan.candidateCount, 6)
        // T3 at 620500/5811000 in EPSG:25832 is 10.7726069, 52.4359018 in lon/lat (cs2cs -f %.7f EPSG:25832 OGC:CRS84).
        XCTAssertEqual(plan.sites[0].lonLat.x, 10.7726069, accuracy: 1e-6)
        XCTAssertEqual(plan.sites[0].lonLat.y, 52.4359018, accuracy: 1e-6)
    }

    func testAFileWithoutPlanIsRefused() throws {
        let sites = ReportFixture.folder.appendingPathComponent("sites.geojson")
        XCTAssertThrowsError(try NetworkPlan.read(contentsOf: sites, idField: "site_id")) { error in
            guard case .notAPlan? = (error as? ReportError)?.reason else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try NetworkPlan.read(contentsOf: ReportFixture.folder.appendingPathComponent("nope.geojson"), idField: nil)) { error in
            XCTAssertEqual((error as? ReportError)?.reason, .notFound)
        }
    }

    func testSVGSanitizerKeepsDrawingDropsActiveAndExternalContent() {
        let dirty = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE svg>
        <svg xmlns="http://www.w3.org/2000/svg" onload="evil()"><!-- c --><script type="text/javascript">evil()</script>
        <style>@import url(https://x.example/a.css); rect { fill: url(#g) }</style>
        <rect x="1" y="2" width="3" height="4" fill="red"/><image href="https://x.example/i.png"/><use xlink:href="#g"/>
        <foreignObject><div>html</div></foreignObject><SCRIPT>more()</SCRIPT></svg>
        """
        let clean = SVGSanitizer.clean(dirty)
        XCTAssertTrue(clean.hasPrefix("<svg"))
        for bad in ["<?xml", "DOCTYPE", "<script", "<SCRIPT", "onload", "evil", "@import", "x.example", "foreignObject", "<!--"] {
            XCTAssertFalse(clean.contains(bad), bad)
        }
        XCTAssertTrue(clean.contains("<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" fill=\"red\"/>"))
        XCTAssertTrue(clean.contains("xlink:href=\"#g\""), "in-document references stay")
        XCTAssertTrue(clean.contains("url(#g)"))
    }

    func testScoreClassesAreQuantiles() throws {
        let classes = try XCTUnwrap(ScoreClasses(scores: (1...10).map(Double.init)))
        XCTAssertEqual(classes.breaks, [3, 5, 7, 9])
        XCTAssertEqual((1...10).map { classes.index(of: Double($0)) }, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
        XCTAssertEqual(classes.colour(4), ScoreClasses.colours[4])
        let tied = try XCTUnwrap(ScoreClasses(scores: [1, 1, 1, 1, 2]))
        XCTAssertEqual(tied.breaks, [2], "ties never split a class")
        XCTAssertEqual(tied.colour(1), ScoreClasses.colours[4], "the top class keeps the darkest colour")
        XCTAssertNil(ScoreClasses(scores: []))
    }

    func testReportSettingsFromTheScenario() throws {
        let scenario = try ScenarioLoader.load(contentsOf: ReportFixture.scenarioURL, sections: ["report"])
        let settings = try ReportSettings(scenario)
        XCTAssertEqual(settings.labelField, "name")
        XCTAssertEqual(settings.attribution, ["Car parks: test data, hand-placed"])
        XCTAssertNil(settings.title)
    }

    func testMarkdownIsEscapedThenFormatted() {
        let html = MarkdownLite.html("# Title\n\nSite **A** <b>x</b> and `w`.\n\n- one\n- two\n")
        XCTAssertEqual(html, "<h4>Title</h4>\n<p>Site <strong>A</strong> &lt;b&gt;x&lt;/b&gt; and <code>w</code>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    }
}
