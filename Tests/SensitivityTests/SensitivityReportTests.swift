import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoCore
import SiteScoring
import XCTest
@testable import Sensitivity

final class SensitivityReportTests: XCTestCase {
    private func report(_ problem: SensitivityProblem, top: Int) throws -> SensitivityReport {
        SensitivityReport(problem: problem, modelName: "wsm",
                          oat: try OneAtATime.run(problem, step: 0.05, top: top),
                          monteCarlo: try MonteCarlo.run(problem, samples: 200, seed: 42, spread: 0.25, top: top),
                          smaa: try SMAA.run(problem, samples: 200, seed: 42, top: top))
    }

    private func text(_ files: [(name: String, contents: Data)], _ name: String) -> String {
        String(decoding: files.first { $0.name == name }!.contents, as: UTF8.self)
    }

    /// Headers as specified in the issue; stability row of the paper case (see OneAtATimeTests).
    func testCSVHeadersAndStabilityRow() throws {
        let files = try report(Fixtures.threeSites(), top: 2).files()
        XCTAssertEqual(files.map(\.name), ["oat.csv", "stability.csv", "tipping.csv", "montecarlo.csv", "smaa.csv",
                                           "summary.json", "summary.md", "stability_tornado.svg", "oat_ranks.svg",
                                           "smaa_acceptability.svg"])
        let stability = text(files, "stability.csv").split(separator: "\n")
        XCTAssertEqual(stability[0], "criterion,weight,rank1_low,rank1_high,topn_low,topn_high")
        XCTAssertEqual(stability[1], "c1,0.550000,0.400000,0.600000,0.500000,1.000000")
        XCTAssertEqual(text(files, "oat.csv").split(separator: "\n").first, "criterion,weight,site,score,rank")
        XCTAssertEqual(text(files, "oat.csv").split(separator: "\n").count, 1 + 2 * 21 * 3)
        XCTAssertEqual(text(files, "tipping.csv").split(separator: "\n")[0], "site,rank,criterion,weight_change,new_rank")
        // C (rank 1) has no tipping point: empty fields.
        XCTAssertEqual(text(files, "tipping.csv").split(separator: "\n")[1], "C,1,,,")
        XCTAssertEqual(text(files, "montecarlo.csv").split(separator: "\n")[0],
                       "site,rank_mean,rank_p05,rank_median,rank_p95,p_rank1,p_topn")
        XCTAssertEqual(text(files, "smaa.csv").split(separator: "\n")[0], "site,b1,b2,confidence,cw_c1,cw_c2")
        XCTAssertTrue(text(files, "summary.md").contains("Site C stays first while the weight of `c1` stays between 0.40 and 0.60"))
    }

    /// Same inputs → byte-identical files (also across thread counts, see the determinism tests).
    func testFilesAreReproducible() throws {
        let problem = try Fixtures.randomProblem(sites: 30, criteria: 3, seed: 2)
        let a = try report(problem, top: 5).files(), b = try report(problem, top: 5).files()
        XCTAssertEqual(a.map(\.contents), b.map(\.contents))
        let json = try JSONSerialization.jsonObject(with: a.first { $0.name == "summary.json" }!.contents) as! [String: Any]
        XCTAssertEqual(json["methods"] as? [String], ["oat", "montecarlo", "smaa"])
        XCTAssertEqual((json["montecarlo"] as? [String: Any])?["seed"] as? Int, 42)
    }

    /// SVGs are well-formed XML (parsed by Foundation's XMLParser). Set SENS_REPORT_DIR to write the files
    /// for a look (`rsvg-convert -o x.png x.svg`).
    func testChartsAreWellFormedSVG() throws {
        let problem = try Fixtures.randomProblem(sites: 60, criteria: 5, seed: 12, weights: [0.3, 0.25, 0.2, 0.15, 0.1])
        let files = try report(problem, top: 8).files()
        for file in files where file.name.hasSuffix(".svg") {
            XCTAssertTrue(XMLParser(data: file.contents).parse(), file.name)
        }
        if let dir = ProcessInfo.processInfo.environment["SENS_REPORT_DIR"] {
            for file in files { try file.contents.write(to: URL(fileURLWithPath: dir).appendingPathComponent(file.name)) }
        }
    }

    /// Properties for sensitivity.geojson: Monte Carlo and SMAA values of each site under the agreed keys.
    func testSiteProperties() throws {
        let r = try report(Fixtures.threeSites(), top: 2)
        let c = r.siteProperties()[.string("C")]!
        XCTAssertEqual(c.keys, ["rank_mean", "rank_p05", "rank_median", "rank_p95", "p_rank1", "p_topN", "smaa_b1", "smaa_b2"])
        XCTAssertEqual(c["p_rank1"]?.number, r.monteCarlo!.sites[2].pRank1)
        XCTAssertEqual(c["smaa_b1"]?.number, r.smaa!.sites[2].acceptability[0])
    }
}
