// Micro-benchmarks of issue 7: prints a markdown table and, with --json, writes the measurements for
// Tools/bench/micro/run, which pairs them with peer_micro.py's. The inputs are written to --data for the peer.
//
// usage: micro [--data DIR] [--json FILE] [--reps N] [--quick] [--only ID,ID…] [--no-write]
import Foundation

var dataPath = "/tmp/standort-micro"
var jsonPath: String?
var repetitions = 5
var quick = false
var only: Set<String>?
var writeData = true
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--data": dataPath = arguments.next()!
    case "--json": jsonPath = arguments.next()!
    case "--reps": repetitions = Int(arguments.next()!)!
    case "--quick": quick = true
    case "--only": only = Set(arguments.next()!.split(separator: ",").map(String.init))
    case "--no-write": writeData = false
    default:
        FileHandle.standardError.write("usage: micro [--data DIR] [--json FILE] [--reps N] [--quick] [--only ID,…] [--no-write]\n".data(using: .utf8)!)
        exit(2)
    }
}
@MainActor func wanted(_ ids: String...) -> Bool { only.map { !$0.isDisjoint(with: ids) } ?? true }
func log(_ line: String) { FileHandle.standardError.write((line + "\n").data(using: .utf8)!) }

let folder = URL(fileURLWithPath: dataPath)
let data = SyntheticData(sizes: Sizes.scaled(quick: quick))
let geoJSON = try data.geoJSONBytes()
if writeData { try data.write(to: folder, geoJSON: geoJSON) }
log(String(format: "micro: data ready in %@ (GeoJSON %.1f MB)", dataPath, Double(geoJSON.count) / 1e6))

var bench = Benchmarks(data: data, folder: folder, repetitions: repetitions)
bench.report = { log("  \($0.id): \($0.formatted)  (\($0.impl))") }
func reported(_ m: Measurement) -> Measurement {
    log("  \(m.id): \(m.formatted)  (\(m.impl))")
    return m
}
var results: [Measurement] = []
// `index()` reports each measurement as it finishes (it takes longest); the others report here.
if wanted("geojson_parse", "geojson_read_file") { results += try bench.geoJSON(bytes: geoJSON).map(reported) }
if wanted("transform", "transform_parallel", "proj_raw_standort") { results += try bench.transform().map(reported) }
if wanted("build_points", "build_segments", "build_polygons", "knn1", "knn5", "within500", "within1000", "pip") {
    results += bench.index()
}
if wanted("wsm", "topsis_scores", "topsis_evaluate") { results += bench.mcda().map(reported) }
results = results.filter { only?.contains($0.id) ?? true }

print("| operation | Standort | median (s) | runs | implementation |")
print("|---|---:|---:|---:|---|")
for m in results {
    print("| \(m.id) | \(m.formatted) | \(String(format: "%.4f", m.seconds)) | \(m.times.count) | `\(m.impl)` |")
}
if let jsonPath {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(results).write(to: URL(fileURLWithPath: jsonPath))
}
