import Foundation
import Reporting
import SiteScoring
import XCTest

/// The report's structure and content for the hand-made test town (`Fixtures/town`): 6 car parks, of which
/// T1 (112 m from a charger) and T6 (112 m from a charger and 5 spaces) are excluded.
final class HTMLReportTests: XCTestCase {
    func testSectionsAreThereInOrder() throws {
        let html = try ReportFixture.html()
        var last = html.startIndex
        for id in ["map", "ranking", "scenario", "method", "provenance", "manifest"] {
            guard let r = html.range(of: "<section id=\"\(id)\">") else { return XCTFail("section \(id) missing") }
            XCTAssertGreaterThan(r.lowerBound, last, id)
            last = r.lowerBound
        }
        XCTAssertFalse(html.contains("<section id=\"plan\">"), "no plan section without --plan")
        XCTAssertFalse(html.contains("<section id=\"sensitivity\">"))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<title>Testtown car parks</title>"))
    }

    func testSelfContainedNoScriptsNoExternalReferences() throws {
        let html = try ReportFixture.html(plan: true)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.lowercased().contains("<link"))
        XCTAssertFalse(html.lowercased().contains("@import"))
        XCTAssertFalse(html.lowercased().contains("url("))
        let attributes = try NSRegularExpression(pattern: #"\b(src|href|xlink:href|action|poster|data)\s*=\s*"([^"]*)""#, options: [.caseInsensitive])
        for match in attributes.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let value = String(html[Range(match.range(at: 2), in: html)!])
            XCTAssertTrue(value.hasPrefix("#"), "only in-page links are allowed, found \(value)")
        }
        XCTAssertNil(html.range(of: #"(src|href)\s*=\s*"?https?://"#, options: [.regularExpression, .caseInsensitive]))
    }

    func testTopRowsNamesAndEscaping() throws {
        let html = try ReportFixture.html(top: 3)
        let table = try XCTUnwrap(html.between("<table class=\"ranking\">", "</table>"))
        XCTAssertEqual(table.occurrences(of: "<tr><td class=\"num\">"), 3)
        XCTAssertTrue(html.contains("Rathaus &amp; &lt;Co&gt;"), "names are escaped")
        XCTAssertFalse(html.contains("Rathaus & <Co>"))
        // Four eligible sites, so --top 20 lists four.
        let all = try XCTUnwrap(try ReportFixture.html(top: 20).between("<table class=\"ranking\">", "</table>"))
        XCTAssertEqual(all.occurrences(of: "<tr><td class=\"num\">"), 4)
        XCTAssertFalse(all.contains("Kleinparkplatz"), "excluded sites are not ranked")
    }

    func testWhyFirstNamesRunnerUpAndCriteria() throws {
        let result = try ReportFixture.result()
        let first = result.outputOrder[0], second = result.outputOrder[1]
        let names = ["T2": "Bahnhof Süd", "T3": "Rathaus &amp; &lt;Co&gt;", "T4": "Sporthalle", "T5": "Gewerbepark"]
        let html = try ReportFixture.html()
        let why = try XCTUnwrap(html.between("<p class=\"why\">", "</p>"))
        XCTAssertTrue(why.hasPrefix("\(names[result.siteIDs[first].description]!) is first with a score of"), why)
        XCTAssertTrue(why.contains("ahead of \(names[result.siteIDs[second].description]!)"), why)
        XCTAssertTrue(why.contains("It gains most on"), why)
    }

    func testNumbersPerLanguage() throws {
        // Gewerbepark has 1,200 spaces; the charger distance of Sporthalle is 4,743 m (hypot(4500, 1000) = 4609.8
        // from the EnBW charger; hypot(1100, 1050) = 1520.7 from Stadtwerke, the nearest): 1,521 m.
        let en = try ReportFixture.html(.en), de = try ReportFixture.html(.de)
        XCTAssertTrue(en.contains(">1,200<"), "English grouping")
        XCTAssertTrue(de.contains(">1.200<"), "German grouping")
        XCTAssertTrue(en.contains("1,521\u{202F}m"))
        XCTAssertTrue(de.contains("1.521\u{202F}m"))
        let score = try XCTUnwrap(en.between("<table class=\"ranking\">", "</table>")?.range(of: #"0\.\d{4}<"#, options: .regularExpression))
        XCTAssertNotNil(score)
        XCTAssertNotNil(de.between("<table class=\"ranking\">", "</table>")?.range(of: #"0,\d{4}<"#, options: .regularExpression))
        XCTAssertNil(de.between("<table class=\"ranking\">", "</table>")?.range(of: #">0\.\d{4}<"#, options: .regularExpression))
    }

    func testGermanTextAndScenarioLabelsAsWritten() throws {
        let de = try ReportFixture.html(.de)
        XCTAssertTrue(de.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        for text in ["Karte", "Was bewertet wurde", "Ausschlussbedingungen", "Methoden", "Daten und Lizenzen", "Protokoll des Laufs", "Warum liegt"] {
            XCTAssertTrue(de.contains(text), text)
        }
        for english in ["What was scored", "Why is ", "Data and licences"] { XCTAssertFalse(de.contains(english), english) }
        XCTAssertTrue(de.contains("Entfernung zur nächsten Ladesäule (m)"), "labels as written")
        XCTAssertTrue(de.contains("Car-park size"), "labels as written, even in English")
    }

    func testConstraintsCountsAndCriteriaCurves() throws {
        let html = try ReportFixture.html()
        let scenario = try XCTUnwrap(html.between("<section id=\"scenario\">", "</section>"))
        // near_charger excludes T1 and T6; too_few_spaces T6.
        XCTAssertTrue(scenario.contains("<td class=\"mono\">near_charger</td><td>excluded when closer than 150\u{202F}m to ‘chargers’</td><td class=\"num\">2</td>"), scenario)
        XCTAssertTrue(scenario.contains("<td class=\"mono\">too_few_spaces</td><td>excluded when ‘spaces’ is below 10</td><td class=\"num\">1</td>"))
        XCTAssertTrue(scenario.contains("1 sites fail more than one constraint"))
        XCTAssertEqual(scenario.occurrences(of: "<svg class=\"vf\""), 4, "one value-function chart per criterion")
        XCTAssertTrue(scenario.contains("linear from 0\u{202F}m to 3\u{202F}km"))
        XCTAssertTrue(scenario.contains("supermarket"), "category bars")
    }

    func testMapHasContextTopLabelsScaleBarAndAttribution() throws {
        let html = try ReportFixture.html()
        let map = try XCTUnwrap(html.between("<section id=\"map\">", "</section>"))
        XCTAssertTrue(map.contains("<path class=\"ctx\""), "district polygons")
        XCTAssertEqual(map.occurrences(of: "<g class=\"top\">"), 4)
        XCTAssertTrue(map.contains("class=\"scale\""))
        XCTAssertTrue(map.contains("class=\"north\""))
        XCTAssertTrue(map.contains("<title>chargers</title>"), "the layer a distance is measured to is drawn")
        XCTAssertEqual(map.occurrences(of: "fill=\"#a6a6a6\""), 3, "two excluded sites and the legend swatch")
        XCTAssertTrue(map.contains("<p class=\"attribution\">Test chargers, CC BY 4.0</p>"))
        XCTAssertTrue(map.contains("<p class=\"attribution\">© Test Polygons 2024</p>"))
        XCTAssertTrue(map.contains("<p class=\"attribution\">Car parks: test data, hand-placed</p>"), "the scenario's report.attribution")
    }

    func testPlanSectionAndCircles() throws {
        let html = try ReportFixture.html(plan: true)
        let plan = try XCTUnwrap(html.between("<section id=\"plan\">", "</section>"))
        XCTAssertTrue(plan.contains("The plan selects 2 sites with the location model mclp and a coverage radius of 1\u{202F}km."), plan)
        XCTAssertTrue(plan.contains("It covers 66.7\u{202F}% of the demand."))
        XCTAssertTrue(plan.contains("4 of 6 candidates lie in a covered area."))
        let p1 = try XCTUnwrap(plan.range(of: "P1")), p2 = try XCTUnwrap(plan.range(of: "P2"))
        XCTAssertLessThan(p1.lowerBound, p2.lowerBound)
        XCTAssertTrue(plan.between("P1", "</tr>")!.contains("(T3)"))
        let map = try XCTUnwrap(html.between("<section id=\"map\">", "</section>"))
        XCTAssertEqual(map.occurrences(of: "stroke-dasharray=\"4 3\""), 2, "one coverage circle per planned site")
        XCTAssertTrue(map.contains(">P1</text>"))
    }

    func testPlanWithUnknownSiteIsAnError() throws {
        let result = try ReportFixture.result()
        var collection = try GeoJSONReaderShim.read(ReportFixture.planURL)
        collection.features[1].properties["site_id"] = .string("NOPE")
        let plan = try NetworkPlan(collection, idField: "site_id")
        XCTAssertThrowsError(try HTMLReport(result: result, options: ReportOptions(scenarioPath: "s", version: "0", plan: plan))) { error in
            guard case .mismatch(let detail)? = (error as? ReportError)?.reason else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("NOPE"), detail)
        }
    }

    func testSensitivityChartsSentencesAndSanitising() throws {
        let result = try ReportFixture.result()
        let dir = try ReportFixture.sensitivityDirectory(for: result)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A tampered chart: the script and the external link must not reach the report.
        let tornado = dir.appendingPathComponent("stability_tornado.svg")
        var svg = try String(contentsOf: tornado, encoding: .utf8)
        svg = svg.replacingOccurrences(of: "</svg>", with: "<script>alert(1)</script><a href=\"https://example.com\"><text onclick=\"x()\">t</text></a></svg>")
        try svg.write(to: tornado, atomically: true, encoding: .utf8)
        let findings = try SensitivityFindings.read(directory: dir)
        XCTAssertEqual(findings.charts.map(\.name), SensitivityFindings.chartFiles)
        let html = try ReportFixture.html(sensitivity: findings)
        let section = try XCTUnwrap(html.between("<section id=\"sensitivity\">", "</section>"))
        XCTAssertEqual(section.occurrences(of: "<figure class=\"chart\">"), 3)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("onclick"))
        XCTAssertFalse(html.contains("https://example.com"))
        XCTAssertFalse(section.contains("<?xml"))
        XCTAssertTrue(section.contains("of the draws"), section)
        XCTAssertTrue(section.contains("<div class=\"md\" lang=\"en\">"), "summary.md embedded")
        let de = try ReportFixture.html(.de, sensitivity: findings)
        XCTAssertTrue(de.contains("der Ziehungen vorn"))
    }

    func testSensitivityOfAnotherMethodIsAnError() throws {
        let result = try ReportFixture.result()
        let dir = try ReportFixture.sensitivityDirectory(for: result)
        defer { try? FileManager.default.removeItem(at: dir) }
        let findings = try SensitivityFindings.read(directory: dir)
        let topsis = try ReportFixture.result(method: .topsis)
        XCTAssertThrowsError(try HTMLReport(result: topsis, options: ReportOptions(scenarioPath: "s", version: "0", sensitivity: findings))) { error in
            guard case .mismatch? = (error as? ReportError)?.reason else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try SensitivityFindings.read(directory: ReportFixture.folder)) { error in
            XCTAssertEqual((error as? ReportError)?.reason, .notASensitivityDirectory)
        }
    }

    func testDeterministic() throws {
        XCTAssertEqual(try ReportFixture.html(.de, plan: true), try ReportFixture.html(.de, plan: true))
    }

    func testAHPMatrixAndConsistencyRatioForTheShippedAHPScenario() throws {
        let url = ReportFixture.repository.appendingPathComponent("GeoData/scenarios/mitteldeutschland-structural-change.yaml")
        let result = try ReportFixture.result(url)
        let html = try HTMLReport(result: result, options: ReportOptions(language: .de, top: 5, scenarioPath: url.path, version: "0")).render()
        // CR 0.0026 (GeoData/tools/ahp_check.py, numpy principal eigenvector).
        XCTAssertTrue(html.contains("Konsistenzverhältnis CR = 0,0026"), html.between("Paarvergleichen", "</p>") ?? "")
        let matrix = try XCTUnwrap(html.between("<table class=\"matrix\">", "</table>"))
        XCTAssertEqual(matrix.occurrences(of: "<tr><th title="), 7)
        XCTAssertTrue(matrix.contains("<td>1/3</td>"))
        XCTAssertTrue(matrix.contains("21,3\u{202F}%"), "motorway weight 0.2126")
    }
}
