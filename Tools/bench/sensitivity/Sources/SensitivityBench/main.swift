import Foundation
import Sensitivity
import SiteScoring

// Usage: SensitivityBench [samples] [sites] [criteria] [top]
// Monte Carlo (spread 0.25, P(rank 1) and P(top N) counting) on a seeded random WSM problem, then the same
// aggregation and top-N counting in numpy (bench.py) on the same matrix, in the same run.
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let samples = arguments.count > 0 ? arguments[0] : 10_000
let sites = arguments.count > 1 ? arguments[1] : 100_000
let criteria = arguments.count > 2 ? arguments[2] : 8
let top = arguments.count > 3 ? arguments[3] : 10
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

var state: UInt64 = 20_240_601
func nextUnit(_ state: inout UInt64) -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
}
let values = (0..<(sites * criteria)).map { _ in nextUnit(&state) }
let weights = (1...criteria).map { Double($0) }.map { $0 / Double(criteria * (criteria + 1) / 2) }
let matrixURL = FileManager.default.temporaryDirectory.appendingPathComponent("sensitivity-bench-matrix.f64")
try values.withUnsafeBytes { Data($0) }.write(to: matrixURL)

let problem = try SensitivityProblem(siteIDs: (1...sites).map { .number(Double($0)) },
                                     criterionIDs: (1...criteria).map { "c\($0)" }, weights: weights,
                                     model: WeightedSumModel(values: DecisionMatrix(rows: sites, columns: criteria, values: values)))
let threads = ProcessInfo.processInfo.activeProcessorCount
func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
if ProcessInfo.processInfo.environment["BENCH_OAT"] != nil {
    var oat: OATResult!
    let seconds = try time { oat = try OneAtATime.run(problem, step: 0.05, top: top) }
    print(String(format: "oat (grid, stability, tipping): %.2f s, %d grid points, %d sites with a tipping point",
                 seconds, oat.grid.count, oat.tipping.filter { $0.weightChange != nil }.count))
    let full = try time { _ = try MonteCarlo.run(problem, samples: 200, seed: 42, spread: 0.25, top: top) }
    print(String(format: "monte carlo with full ranks: %.3f ms per sample", full / 200 * 1000))
    exit(0)
}
var result: MonteCarloResult!
let swiftSeconds = try time {
    result = try MonteCarlo.run(problem, samples: samples, seed: 42, spread: 0.25, top: top, statistics: .topOnly)
}
let swiftOneThread = try time {
    _ = try MonteCarlo.run(problem, samples: max(samples / 10, 1), seed: 42, spread: 0.25, top: top, statistics: .topOnly, threads: 1)
} * Double(samples) / Double(max(samples / 10, 1))
let best = result.sites.indices.max { result.sites[$0].pRank1 < result.sites[$1].pRank1 }!
print(String(format: "swift: %.2f s (%d threads); 1 thread ≈ %.2f s (extrapolated from %d samples); best site %d P(rank1) = %.4f",
             swiftSeconds, threads, swiftOneThread, samples / 10, best + 1, result.sites[best].pRank1))

let python = Process()
python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
python.arguments = ["python3", here.appendingPathComponent("bench.py").path, matrixURL.path,
                    String(samples), String(sites), String(criteria), String(top)]
let pipe = Pipe()
python.standardOutput = pipe
try python.run()
python.waitUntilExit()
let numpyOutput = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
print(numpyOutput, terminator: "")
let numpySeconds = Double(numpyOutput.split(separator: "\n").first { $0.hasPrefix("numpy_seconds=") }!
    .dropFirst("numpy_seconds=".count))!
let numpyVersion = numpyOutput.split(separator: "\n").first { $0.hasPrefix("numpy_version=") }!.dropFirst("numpy_version=".count)
let numpyBest = numpyOutput.split(separator: "\n").first { $0.hasPrefix("numpy_best=") }!.dropFirst("numpy_best=".count)

func shell(_ command: String) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    let out = Pipe()
    p.standardOutput = out
    try? p.run()
    p.waitUntilExit()
    return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
let cpu = shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
let date = shell("date -u +%Y-%m-%d")
let swiftVersion = shell("swift --version 2>&1 | head -1")
let report = """
# Sensitivity benchmark: Monte Carlo, WSM, P(rank 1) and P(top N)

\(samples) samples × \(sites) sites × \(criteria) criteria, top \(top), spread 0.25.
Run with `swift run -c release --package-path Tools/bench/sensitivity` (both implementations in the same run).

| | time | per sample |
|---|---:|---:|
| Standort `MonteCarlo.run(statistics: .topOnly)`, \(threads) threads | \(String(format: "%.2f s", swiftSeconds)) | \(String(format: "%.3f ms", swiftSeconds / Double(samples) * 1000)) |
| Standort, 1 thread (extrapolated from \(samples / 10) samples) | \(String(format: "%.2f s", swiftOneThread)) | \(String(format: "%.3f ms", swiftOneThread / Double(samples) * 1000)) |
| numpy \(numpyVersion) (batched `M @ W`, `argpartition`, counts) | \(String(format: "%.2f s", numpySeconds)) | \(String(format: "%.3f ms", numpySeconds / Double(samples) * 1000)) |

**Ratio numpy / Standort: \(String(format: "%.1f", numpySeconds / swiftSeconds))×** (Standort faster when > 1).

Both find the same most frequent first site: Standort site \(best + 1) with P(rank 1) = \(String(format: "%.4f", result.sites[best].pRank1)); numpy \(numpyBest) (different random draws, same distribution).

Machine: \(cpu), \(threads) cores (shared with other jobs during the run). Date: \(date). \(swiftVersion).
What is timed: weight draws, scoring of all sites per draw, top-N selection, counting. Not timed: building the matrix and the model.
"""
try report.write(to: here.appendingPathComponent("RESULTS.md"), atomically: true, encoding: .utf8)
print("wrote RESULTS.md")
