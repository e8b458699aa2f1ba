// Release-mode timing of GeoJSONReader on one file (median of runs). Build: see run.sh.
import Foundation
#if !SINGLE_MODULE
import GeoCore
#endif

let path = CommandLine.arguments[1]
let runs = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2])! : 3
let url = URL(fileURLWithPath: path)
let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).intValue)
var times: [Double] = []
var count = 0
for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    let fc = try GeoJSONReader.read(contentsOf: url)
    let t = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    count = fc.features.count
    times.append(t)
}
times.sort()
let median = times[times.count / 2]
print(String(format: "features %d  size %.1f MB  median %.3f s  %.0f MB/s  (runs: %@)",
             count, size / 1e6, median, size / 1e6 / median, times.map { String(format: "%.3f", $0) }.joined(separator: " ")))
