import Foundation
import XCTest

/// `standort report` end to end: the built binary writes the HTML for every shipped scenario in both languages,
/// and a real browser (headless Chromium, Debian package `chromium`) loads each file: no console messages, no
/// request from the page (the file itself is the only thing loaded), a screenshot is taken.
final class ReportTests: XCTestCase {
    static let scenarios = ["wolfsburg-fast-charging", "wolfsburg-local-retail", "mitteldeutschland-structural-change", "germany-fast-charging-gaps"]
    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("standort-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func testHelpListsTheReportCommandAndItsLanguages() throws {
        let root = try StandortProcess.run(["--help"])
        XCTAssertTrue(root.stdout.contains("report"), root.stdout)
        let help = try StandortProcess.run(["report", "--help"])
        XCTAssertEqual(help.status, 0)
        for text in ["--lang <lang>", "values: en, de", "--top <top>", "--sensitivity <sensitivity>", "--plan <plan>", "--method <method>"] {
            XCTAssertTrue(help.stdout.contains(text), "\(text) in \(help.stdout)")
        }
    }

    func testDefaultScenarioReportIsDeterministicAndSelfContained() throws {
        let a = work.appendingPathComponent("a.html"), b = work.appendingPathComponent("b.html")
        for url in [a, b] {
            let r = try StandortProcess.run(["report", "--out", url.path, "--lang", "de", "--top", "10"], cwd: StandortProcess.repositoryRoot)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stderr.contains("wrote \(url.path)"), r.stderr)
        }
        let html = try String(contentsOf: a, encoding: .utf8)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b), "same inputs, byte-identical report")
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertNil(html.range(of: #"(src|href)\s*=\s*"?(https?:)?//"#, options: [.regularExpression, .caseInsensitive]))
        let ranking = try XCTUnwrap(html.range(of: "<table class=\"ranking\">").map { html[$0.upperBound...] }?.components(separatedBy: "</table>").first)
        XCTAssertEqual(ranking.components(separatedBy: "<tr><td class=\"num\">").count - 1, 10)
        // The shipped official layers carry their licence line; the report shows it under the map.
        XCTAssertTrue(html.contains("<p class=\"attribution\">© GeoBasis-DE / BKG 2021 (Daten verändert)</p>"))
        XCTAssertTrue(html.contains("<p class=\"attribution\">Quelle: Bundesnetzagentur, Ladesäulenregister (Stand 19.07.2019), CC BY 4.0</p>"))
        XCTAssertTrue(html.contains("Platz 1"))
        XCTAssertNotNil(html.range(of: #"<td class="num">0,\d{4}</td>"#, options: .regularExpression), "German decimal comma in scores")
    }

    func testSensitivityAndPlanAreEmbedded() throws {
        let sens = work.appendingPathComponent("sens")
        let s = try StandortProcess.run(["sensitivity", "wolfsburg-fast-charging", "--out", sens.path, "--samples", "400", "--quiet"], cwd: StandortProcess.repositoryRoot)
        XCTAssertEqual(s.status, 0, s.stderr)
        let plan = try writePlan(selecting: ["WOB-14", "WOB-21"])
        let out = work.appendingPathComponent("r.html")
        let r = try StandortProcess.run(["report", "wolfsburg-fast-charging", "--out", out.path, "--sensitivity", sens.path, "--plan", plan.path, "-q"],
                                        cwd: StandortProcess.repositoryRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<figure class=\"chart\">").count - 1, 3, "tornado, OAT ranks, SMAA")
        XCTAssertTrue(html.contains("<section id=\"plan\">"))
        XCTAssertTrue(html.contains("The plan selects 2 sites with the location model mclp and a coverage radius of 1.5\u{202F}km") ||
                      html.contains("The plan selects 2 sites with the location model mclp and a coverage radius of 1,500\u{202F}m"), html.components(separatedBy: "<section id=\"plan\">").last!.prefix(400).description)
        XCTAssertFalse(html.contains("<?xml"))
        XCTAssertFalse(html.lowercased().contains("<script"))
        try browserCheck(out)

        // A sensitivity run of another method does not belong to this report.
        let wrong = try StandortProcess.run(["report", "wolfsburg-fast-charging", "--method", "topsis", "--out", work.appendingPathComponent("x.html").path,
                                             "--sensitivity", sens.path, "-q"], cwd: StandortProcess.repositoryRoot)
        XCTAssertEqual(wrong.status, 65, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("the sensitivity analysis used the method 'wsm'"), wrong.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("x.html").path), "nothing written on error")
    }

    func testMissingPlanIsExit66AndBadOutExtensionIs64() throws {
        let r = try StandortProcess.run(["report", "--out", work.appendingPathComponent("r.html").path, "--plan", work.appendingPathComponent("nope.geojson").path],
                                        cwd: StandortProcess.repositoryRoot)
        XCTAssertEqual(r.status, 66, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("error: "), r.stderr)
        let bad = try StandortProcess.run(["report", "--out", work.appendingPathComponent("r.pdf").path], cwd: StandortProcess.repositoryRoot)
        XCTAssertEqual(bad.status, 64, bad.stderr)
    }

    /// Every shipped scenario, both languages, loaded by Chromium.
    func testEveryShippedScenarioRendersInAHeadlessBrowser() throws {
        for scenario in Self.scenarios {
            for lang in ["en", "de"] {
                let out = work.appendingPathComponent("\(scenario)-\(lang).html")
                let r = try StandortProcess.run(["report", scenario, "--lang", lang, "--out", out.path, "-q"], cwd: StandortProcess.repositoryRoot)
                XCTAssertEqual(r.status, 0, "\(scenario) \(lang): \(r.stderr)")
                let size = try FileManager.default.attributesOfItem(atPath: out.path)[.size] as! Int
                XCTAssertLessThan(size, 1_500_000, "\(scenario): the report stays small enough to e-mail")
                try browserCheck(out)
            }
        }
    }

    /// The browser check itself is checked: a page with an external image and a failing script is caught.
    func testBrowserCheckCatchesRequestsAndConsoleErrors() throws {
        let page = work.appendingPathComponent("bad.html")
        try "<!DOCTYPE html><html><body><p>x</p><img src=\"http://standort-test.invalid/x.png\"><script>console.error('boom'); undefinedFunction();</script></body></html>"
            .write(to: page, atomically: true, encoding: .utf8)
        let load = try loadInChromium(page)
        XCTAssertEqual(load.pageRequests, ["http://standort-test.invalid/x.png"], load.stderr)
        XCTAssertEqual(load.console.count, 2, load.console.joined(separator: "\n"))
        XCTAssertTrue(load.console.contains { $0.contains("boom") })
    }

    // MARK: - Helpers

    /// A plan.geojson as `standort plan` writes it, made from the ranked output: `plan_selected` for `ids` (in
    /// that order), a 1.5 km radius.
    func writePlan(selecting ids: [String]) throws -> URL {
        let ranked = work.appendingPathComponent("ranked.geojson")
        let r = try StandortProcess.run(["score", "wolfsburg-fast-charging", "--out", ranked.path, "-q"], cwd: StandortProcess.repositoryRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: ranked)) as! [String: Any]
        var features = json["features"] as! [[String: Any]]
        for i in features.indices {
            var p = features[i]["properties"] as! [String: Any]
            let id = p["site_id"] as! String
            p["plan_selected"] = ids.contains(id)
            p["plan_order"] = ids.firstIndex(of: id).map { $0 + 1 } ?? NSNull()
            p["plan_covered"] = ids.contains(id)
            features[i]["properties"] = p
        }
        json["features"] = features
        json["standort"] = ["version": "0.1.0", "plan": ["model": "mclp", "count": 2, "radius": 1500, "objective": "maximise covered demand", "coverage_share": 0.42]]
        let url = work.appendingPathComponent("plan.geojson")
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return url
    }

    /// What Chromium saw loading a page.
    struct BrowserLoad {
        var status: Int32
        var stderr: String
        /// Console messages of the page (`INFO:CONSOLE` lines of `--enable-logging=stderr`).
        var console: [String]
        /// URLs the page asked the network for.
        var pageRequests: [String]
        var screenshot: Data
    }

    /// Loads `html` in headless Chromium with its network log on and a screenshot. The browser's own background
    /// traffic (component updates, account checks) is told apart from the page's by the request's network
    /// isolation key, which for a page loaded from a file is `file://`. Skips when Chromium is not installed.
    func loadInChromium(_ html: URL) throws -> BrowserLoad {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("chromium is not installed (Debian: apt-get install chromium, or `make deps`); the real-browser check is skipped")
        }
        let name = html.deletingPathExtension().lastPathComponent
        let netlog = work.appendingPathComponent("\(name).netlog.json"), screenshot = work.appendingPathComponent("\(name).png")
        let profile = work.appendingPathComponent("profile-\(name)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                             "--log-net-log=\(netlog.path)", "--net-log-capture-mode=Default",
                             "--screenshot=\(screenshot.path)", "--window-size=1200,3000", html.absoluteString]
        let errURL = work.appendingPathComponent("\(name).stderr")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close()
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)

        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: netlog)) as! [String: Any]
        let types = (log["constants"] as! [String: Any])["logEventTypes"] as! [String: Int]
        let names = Dictionary(types.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var pageRequests: [String] = []
        for event in log["events"] as! [[String: Any]] {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String,
                  let type = event["type"] as? Int, names[type] == "URL_REQUEST_START_JOB" else { continue }
            let key = params["network_isolation_key"] as? String ?? ""
            let initiator = params["initiator"] as? String ?? ""
            if key.hasPrefix("file://") || initiator.hasPrefix("file://") || initiator == "null" { pageRequests.append(url) }
        }
        return BrowserLoad(status: process.terminationStatus, stderr: stderr, console: console, pageRequests: pageRequests,
                           screenshot: (try? Data(contentsOf: screenshot)) ?? Data())
    }

    /// The page loads without console messages, requests nothing but itself, and renders.
    func browserCheck(_ html: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let load = try loadInChromium(html)
        let name = html.lastPathComponent
        XCTAssertEqual(load.status, 0, load.stderr, file: file, line: line)
        XCTAssertEqual(load.console, [], "\(name): the page logged to the console", file: file, line: line)
        XCTAssertEqual(load.pageRequests, [], "\(name): the page requested something besides itself", file: file, line: line)
        XCTAssertGreaterThan(load.screenshot.count, 20_000, "\(name): the screenshot shows a rendered page", file: file, line: line)
        XCTAssertEqual(Array(load.screenshot.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "PNG", file: file, line: line)
    }
}
