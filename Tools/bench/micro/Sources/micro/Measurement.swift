/// One timed operation: what was done, how much work one run is, the sorted run times and a checksum
/// that the runner compares with the peer's (a benchmark that computes something different is worthless).
struct Measurement: Codable {
    /// Shared with `peer_micro.py` and the runner, e.g. `knn1`.
    var id: String
    /// What exactly was called.
    var impl: String
    /// Work per run in `unit`s (MB, points, queries, sites); 0 for build times.
    var work: Double
    /// `MB`, `points`, `queries`, `sites`, or `build` (reported as a time).
    var unit: String
    var times: [Double]
    /// Operation-specific checksum (sum of coordinates, distances, counts or scores); nil when none.
    var check: Double?

    var seconds: Double { times.median }

    /// `1.23 M points/s`, `345 MB/s`, or `12.3 ms` for builds.
    var formatted: String {
        if unit == "build" { return String(format: "%.1f ms", seconds * 1e3) }
        let rate = work / seconds
        if unit == "MB" { return String(format: "%.0f MB/s", rate) }
        return rate >= 1e6 ? String(format: "%.2f M %@/s", rate / 1e6, unit) : String(format: "%.0f k %@/s", rate / 1e3, unit)
    }
}
