import Foundation
import GeoCore
import SiteScoring

/// The micro-benchmarks of issue 7, each on the seeded synthetic data, single-threaded unless named
/// "parallel". Setup (building inputs, copying buffers) is never timed.
struct Benchmarks {
    let data: SyntheticData
    let folder: URL
    let repetitions: Int
    /// Called with each finished measurement (progress output).
    var report: (Measurement) -> Void = { _ in }

    func geoJSON(bytes: [UInt8]) throws -> [Measurement] {
        let megabytes = Double(bytes.count) / 1e6
        let reps = max(1, min(repetitions, 3))
        func checksum(_ fc: FeatureCollection) -> Double {
            fc.features.reduce(0) { sum, f in
                guard case .point(let p)? = f.geometry else { return sum }
                return sum + p.x + p.y
            }
        }
        let memory = Data(bytes)
        let parse = try Stopwatch.measure(repetitions: reps) { try GeoJSONReader.read(data: memory) }
        let url = folder.appendingPathComponent("points.geojson")
        let file = try Stopwatch.measure(repetitions: reps) { try GeoJSONReader.read(contentsOf: url) }
        return [
            Measurement(id: "geojson_parse", impl: "GeoJSONReader.read(data:) (in memory)", work: megabytes,
                        unit: "MB", times: parse.times, check: checksum(parse.result)),
            Measurement(id: "geojson_read_file", impl: "GeoJSONReader.read(contentsOf:)", work: megabytes,
                        unit: "MB", times: file.times, check: checksum(file.result)),
        ]
    }

    func transform() throws -> [Measurement] {
        let input = Array(data.lonLat.prefix(data.sizes.transformPoints))
        let transformer = try CoordinateTransformer(from: CRS("EPSG:4326"), to: CRS("EPSG:25832"))
        func checksum(_ ps: [Position]) -> Double { ps.reduce(0) { $0 + $1.x + $1.y } }
        let raw = try RawPROJ(from: "EPSG:4326", to: "EPSG:25832")
        // Standort and the raw call alternate run by run, so that load from other jobs hits both alike.
        // `map` forces a private copy in setup, so copy-on-write is not timed.
        var serialTimes: [Double] = [], rawTimes: [Double] = []
        var serial: [Position] = [], direct: [Position] = []
        for _ in 0..<repetitions {
            let a = try Stopwatch.measure(repetitions: 1, setup: { input.map { $0 } }) { positions in
                try transformer.transform(&positions)
                return positions
            }
            let b = Stopwatch.measure(repetitions: 1, setup: { input.map { $0 } }) { positions in
                raw.transform(&positions)
                return positions
            }
            serialTimes += a.times
            rawTimes += b.times
            (serial, direct) = (a.result, b.result)
        }
        let parallel = try Stopwatch.measure(repetitions: repetitions, setup: { input.map { $0 } }) { positions in
            try transformer.transformInParallel(&positions)
            return positions
        }
        let n = Double(input.count)
        return [
            Measurement(id: "transform", impl: "CoordinateTransformer.transform(_:) (1 thread)", work: n,
                        unit: "points", times: serialTimes.sorted(), check: checksum(serial)),
            Measurement(id: "proj_raw_standort", impl: "proj_trans_generic called directly, system PROJ \(RawPROJ.version)",
                        work: n, unit: "points", times: rawTimes.sorted(), check: checksum(direct)),
            Measurement(id: "transform_parallel",
                        impl: "transformInParallel(_:) (\(ProcessInfo.processInfo.activeProcessorCount) threads)",
                        work: n, unit: "points", times: parallel.times, check: checksum(parallel.result)),
        ]
    }

    /// Build times, then queries against the point index and point-in-polygon against the polygon index.
    func index() -> [Measurement] {
        let points = data.pointGeometries, segments = data.segmentGeometries, polygons = data.polygonGeometries
        var out: [Measurement] = []
        func build(_ id: String, _ what: String, _ geometries: [Geometry]) -> SpatialIndex {
            let run = Stopwatch.measure(repetitions: repetitions) { SpatialIndex(geometries) }
            out.append(Measurement(id: id, impl: "SpatialIndex(_:) over \(what)", work: 0, unit: "build",
                                   times: run.times, check: Double(run.result.featureCount)))
            report(out.last!)
            return run.result
        }
        let pointIndex = build("build_points", "\(points.count) points", points)
        _ = build("build_segments", "\(segments.count) segments", segments)
        let polygonIndex = build("build_polygons", "\(polygons.count) polygons × \(data.sizes.polygonVertices)", polygons)

        let queries = data.queries
        let n = Double(queries.count)
        func queryRun(_ id: String, _ impl: String, _ body: (inout SpatialIndex.Query, Position) -> Double) {
            let run = Stopwatch.measure(repetitions: repetitions, setup: { pointIndex.makeQuery() }) { query in
                var sum = 0.0
                for q in queries { sum += body(&query, q) }
                return sum
            }
            out.append(Measurement(id: id, impl: impl, work: n, unit: "queries", times: run.times, check: run.result))
            report(out.last!)
        }
        queryRun("knn1", "Query.nearest(to:)") { query, p in query.nearest(to: p)!.distance }
        queryRun("knn5", "Query.nearest(to:k: 5)") { query, p in
            query.nearest(to: p, k: 5).reduce(0) { $0 + $1.distance }
        }
        queryRun("within500", "Query.count(within: 500, of:)") { query, p in Double(query.count(within: 500, of: p)) }
        queryRun("within1000", "Query.count(within: 1000, of:)") { query, p in Double(query.count(within: 1000, of: p)) }

        let pip = data.pipPoints
        let run = Stopwatch.measure(repetitions: repetitions, setup: { polygonIndex.makeQuery() }) { query in
            var inside = 0
            for p in pip where query.anyContains(p) { inside += 1 }
            return Double(inside)
        }
        out.append(Measurement(id: "pip", impl: "Query.anyContains(_:)", work: Double(pip.count), unit: "points",
                               times: run.times, check: run.result))
        report(out.last!)
        return out
    }

    func mcda() -> [Measurement] {
        let (n, k) = (data.sizes.sites, data.sizes.criteria)
        let matrix = DecisionMatrix(rows: n, columns: k, values: data.matrix)
        let directions = data.benefit.map { $0 ? Direction.benefit : .cost }
        let weights = data.weights
        // WSM takes value-function results in [0, 1] where higher is better: scale, and flip cost columns.
        var values = data.matrix
        for i in 0..<n {
            for j in 0..<k { values[i * k + j] = data.benefit[j] ? values[i * k + j] / 1000 : 1 - values[i * k + j] / 1000 }
        }
        let wsmModel = WeightedSumModel(values: DecisionMatrix(rows: n, columns: k, values: values))
        let topsisModel = TOPSISModel(matrix: matrix, directions: directions)
        func sum(_ xs: [Double]) -> Double { xs.reduce(0, +) }
        let wsm = Stopwatch.measure(repetitions: repetitions) { wsmModel.scores(weights: weights) }
        let topsis = Stopwatch.measure(repetitions: repetitions) { topsisModel.scores(weights: weights) }
        let full = Stopwatch.measure(repetitions: max(1, min(repetitions, 3))) {
            TOPSIS.evaluate(matrix: matrix, directions: directions, weights: weights).scores
        }
        let sites = Double(n)
        return [
            Measurement(id: "wsm", impl: "WeightedSumModel.scores(weights:)", work: sites, unit: "sites",
                        times: wsm.times, check: sum(wsm.result)),
            Measurement(id: "topsis_scores", impl: "TOPSISModel.scores(weights:)", work: sites, unit: "sites",
                        times: topsis.times, check: sum(topsis.result)),
            Measurement(id: "topsis_evaluate", impl: "TOPSIS.evaluate(matrix:directions:weights:)", work: sites,
                        unit: "sites", times: full.times, check: sum(full.result)),
        ]
    }
}
