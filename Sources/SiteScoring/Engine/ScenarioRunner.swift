import Dispatch
import Foundation
import GeoCore

/// Options of one scoring run.
public struct RunOptions: Sendable {
    /// Overrides the scenario's aggregation method.
    public var method: AggregationMethod?
    /// Worker threads for the per-site work (nil: all cores). Results do not depend on it.
    public var threads: Int?
    /// Called with a stage name and the fraction done (0…1) during long stages.
    public var progress: (@Sendable (String, Double) -> Void)?
    /// Report every independent problem (unreadable layers, unresolved fields) as one `ScoringErrors` instead of
    /// stopping at the first (`validate`).
    public var collectsErrors: Bool
    /// Keep the context layers in the result (`ScoringResult.contextLayers`) for planning, maps and reports;
    /// off by default, so a plain scoring run frees them before writing its output.
    public var keepsContextLayers: Bool
    /// Hand the run's working state (the context layers, their indexes, the site table) to the result
    /// (`ScoringResult.workingState`) instead of freeing it when the run returns: for a command that writes its
    /// output and exits, leaving the heap to the kernel. Freeing it object by object took 20–60 ms of one core
    /// between aggregating and writing (issue 15); keeping it costs the context layers' memory during the write.
    public var keepsWorkingState: Bool

    public init(method: AggregationMethod? = nil, threads: Int? = nil, progress: (@Sendable (String, Double) -> Void)? = nil,
                collectsErrors: Bool = false, keepsContextLayers: Bool = false, keepsWorkingState: Bool = false) {
        self.method = method
        self.threads = threads
        self.progress = progress
        self.collectsErrors = collectsErrors
        self.keepsContextLayers = keepsContextLayers
        self.keepsWorkingState = keepsWorkingState
    }
}

/// Wall-clock seconds of each stage of a run (the `--timings` output).
public struct StageTimings: Sendable {
    public var read = 0.0
    public var transform = 0.0
    public var criteria = 0.0
    public var aggregate = 0.0

    public init() {}
}

/// Runs a scenario: reads the layers, transforms them once into the working CRS, measures every criterion
/// through spatial indexes (candidates split across cores, deterministic), applies constraints,
/// value functions and weights, aggregates and ranks.
public enum ScenarioRunner {
    /// How far (degrees) data may lie outside the working CRS's area of use before it is taken for an error
    /// such as swapped lon/lat or a wrong CRS.
    public static let areaOfUseMargin = 3.0

    /// Scores `scenario`; `timings` receives the stage durations.
    public static func run(_ scenario: Scenario, options: RunOptions = RunOptions(), timings: inout StageTimings) throws -> ScoringResult {
        var clock = StageClock()
        var stage = try prepare(scenario, options: options, clock: &clock, timings: &timings)
        let measured = try stage.context.measureAll(scenario.criteria)
        let exclusions = try stage.context.exclusions(scenario, measured: measured)
        stage.warnings += CategoryCoverage.warnings(criteria: scenario.criteria, measured: measured)
        clock.lap(\.criteria, &timings)
        var result = try finish(scenario, options: options, stage: stage, sites: stage.context.sites, measured: measured, exclusions: exclusions)
        clock.lap(\.aggregate, &timings)
        if options.keepsWorkingState { result.workingState = KeptAlive(stage) }
        return result
    }

    /// Stage durations, measured lap by lap.
    struct StageClock {
        var last = ContinuousClock.now

        mutating func lap(_ keyPath: WritableKeyPath<StageTimings, Double>, _ t: inout StageTimings) {
            let now = ContinuousClock.now
            let d = now - last
            t[keyPath: keyPath] += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            last = now
        }
    }

    /// Everything a run has before measuring: the sites, the layers' indexes, the working CRS, the inputs.
    struct PreparedRun {
        var context: MeasureContext
        var working: CRS
        var inputs: [InputRecord]
        var layerSummaries: [LayerSummary]
        /// The context layers when the run keeps them (`RunOptions.keepsContextLayers`), else empty.
        var contextLayers: [ContextLayer] = []
        var warnings: [String]
    }

    /// Reads the layers, checks them against the working CRS's area of use, transforms them into it, builds the
    /// site table (all candidates: ids are checked for uniqueness across the whole file) and the layers' indexes.
    static func prepare(_ scenario: Scenario, options: RunOptions, clock: inout StageClock, timings: inout StageTimings) throws -> PreparedRun {
        var warnings: [String] = []

        // Read.
        let sources = [scenario.candidates.layer] + scenario.layers
        var loaded = try readAll(sources, threads: options.threads, collectingErrors: options.collectsErrors)
        warnings += loaded.flatMap(\.readWarnings)
        clock.lap(\.read, &timings)

        // Working CRS, area-of-use check, one batched transform per layer.
        let transformers = TransformerCache()
        if case .explicit(let working) = scenario.workingCRS { transformers.prefetch(from: loaded.map(\.crs), to: working) }
        let lonLat = try loaded.map { try lonLatPositions(of: $0, transformers: transformers) }
        let working = try workingCRS(scenario, candidateLonLat: lonLat[0], candidates: loaded[0])
        transformers.prefetch(from: loaded.map(\.crs), to: working)  // `crs: auto`: now that the zone is known
        let folder = scenario.sourceURL?.deletingLastPathComponent()
        let layerSummaries = zip(loaded, lonLat).map { LayerSummary($0, lonLat: $1, scenarioFolder: folder) }
        let placed = try place(&loaded, lonLat: lonLat, in: working, transformers: transformers)
        warnings += placed.areaOfUse + placed.transform
        clock.lap(\.transform, &timings)

        // Sites and the layers' indexes.
        let candidates = loaded[0]
        let layers = Dictionary(uniqueKeysWithValues: loaded.dropFirst().map { ($0.source.name, $0) })
        let sites = try SiteTable(candidates, idField: scenario.candidates.idField, threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        warnings += unusedLayerWarnings(scenario)
        var context = MeasureContext(layers: layers, sites: sites, threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount, progress: options.progress)
        context.collectsErrors = options.collectsErrors
        warnings += try context.prepare(for: scenario)
        return PreparedRun(context: context, working: working,
                           inputs: loaded.map(\.inputRecord),
                           layerSummaries: layerSummaries,
                           contextLayers: !options.keepsContextLayers ? [] : loaded.dropFirst().map {
                               ContextLayer(name: $0.source.name, path: $0.file, features: $0.features, geometries: $0.working,
                                            foreignMembers: $0.collection.foreignMembers)
                           },
                           warnings: warnings)
    }

    /// Weights, value functions, aggregation and ranking over measured sites: the part of a run that needs
    /// the raw values of all sites (their column statistics), shared by `run` and the merge of partitions.
    static func finish(_ scenario: Scenario, options: RunOptions, stage: PreparedRun, sites: SiteTable,
                       measured: [MeasuredCriterion], exclusions: [[String]]) throws -> ScoringResult {
        var warnings = stage.warnings
        let method = options.method ?? scenario.method
        let (weights, ahp) = try Self.weights(scenario)
        let prepared = try Aggregation.prepare(scenario: scenario, method: method, sites: sites, measured: measured, exclusions: exclusions, weights: weights)
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let ranking = try Aggregation.rank(prepared, method: method, settings: scenario.methodSettings, sites: sites, exclusions: exclusions, threads: threads)
        // The candidates' distinct key lists, not every feature's keys (hashing every key of every feature was
        // ≈ 1.5 % of an L run, serial).
        let propertyNames = Set(PropertySchemas(sites.layer.features).keys.joined())
        warnings += Aggregation.rankingWarnings(scenario: scenario, weights: weights, values: prepared.input.values, siteCount: sites.count,
                                                propertyNames: propertyNames)
        return ScoringResult(
            scenario: scenario, workingCRS: stage.working, candidates: sites.layer.features, candidateCRS: sites.layer.crs,
            siteIDs: sites.ids, referencePoints: sites.referencePoints, criteria: prepared.columns, weights: weights, ahp: ahp,
            exclusions: exclusions, scores: ranking.scores, ranks: ranking.ranks, outputOrder: ranking.order,
            method: method, outcome: ranking.outcome,
            methodColumns: ranking.outcome.columns.map { column in
                var perSite = [Double?](repeating: nil, count: sites.count)
                for (r, s) in prepared.eligible.enumerated() { perSite[s] = column.values[r] }
                return MethodColumn(name: column.name, values: perSite)
            },
            inputs: stage.inputs, layers: stage.layerSummaries, contextLayers: stage.contextLayers, warnings: warnings
        )
    }

    /// Reads every layer (in parallel; they are independent files), the largest files first: a large layer that
    /// started last kept one core busy alone at the end (the heavy benchmark's 25 MB population layer, listed after
    /// the candidates and POIs: ≈ 70 ms of one core at 100,000 sites). The files' SHA-256 digests are tasks of their
    /// own after the parses, so they run on a core the parses have left (hashing the 153 MB candidate file after
    /// parsing it was ≈ 90 ms of one core at 1,000,000 sites, the other idle). The results are in `sources`' order.
    static func readAll(_ sources: [LayerSource], threads: Int?, collectingErrors: Bool = false) throws -> [LoadedLayer] {
        let results = ConcurrentSlots<Result<LoadedLayer, Error>>(count: sources.count)
        let digests = ConcurrentSlots<String?>(count: sources.count)
        let sizes = sources.map { (try? $0.url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        let largestFirst = sources.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        let tasks = largestFirst.map { (layer: $0, isDigest: false) } + largestFirst.map { (layer: $0, isDigest: true) }
        DispatchQueue.concurrentPerform(iterations: tasks.count) { k in
            let (i, isDigest) = tasks[k]
            if isDigest {
                digests.set(i, LoadedLayer.digest(of: sources[i]))
            } else {
                results.set(i, Result { try LoadedLayer.read(sources[i]) })
            }
        }
        let hashes = digests.values
        let values = results.values.enumerated().map { i, result in
            result.map { layer in
                var layer = layer
                layer.sha256 = hashes[i] ?? ""
                return layer
            }
        }
        // The first error by index is thrown (or all of them, in index order), so errors are deterministic.
        if collectingErrors {
            try ScoringErrors.raise(values.compactMap { result -> (any Error & Sendable)? in
                if case .failure(let error) = result { return error }
                return nil
            })
        }
        return try values.map { try $0.get() }
    }

    /// The layer's positions in lon/lat degrees (as they are for a geographic CRS; transformed otherwise),
    /// for the automatic UTM zone and the area-of-use check.
    static func lonLatPositions(of layer: LoadedLayer, transformers: TransformerCache) throws -> [Position] {
        var positions: [Position] = []
        positions.reserveCapacity(layer.features.count)
        layer.features.withUnsafeBufferPointer { features in
            for i in features.indices { features[i].geometry?.forEachPosition { positions.append($0) } }
        }
        let info: CRSInfo
        do { info = try layer.crs.info() } catch {
            throw ScoringError(.invalidLayerCRS(layer: layer.source.name, crs: layer.crs.definition, detail: "\(error)"), file: layer.file)
        }
        if info.isGeographic { return positions }
        do {
            try transformers.transformer(from: layer.crs, to: .crs84).transformInParallel(&positions)
        } catch {
            // The usual cause is a wrong `crs:` (values of another CRS, or a zone prefix): show the values as written
            // and the CRS they look like.
            let first = layer.features.indices.first { layer.features[$0].geometry != nil }
            let given = first.map { AreaOfUseCheck.givenCoordinates(layer, $0) }
            let hint = given.map { "; \($0.text)" + ($0.likely.map { ": \($0)" } ?? "") } ?? ""
            throw ScoringError(.transformFailed(layer: layer.source.name, from: layer.crs.definition, to: "lon/lat", detail: "\(error)\(hint)"), file: layer.file)
        }
        return positions
    }

    static func workingCRS(_ scenario: Scenario, candidateLonLat: [Position], candidates: LoadedLayer) throws -> CRS {
        // The candidates' extent matters for `crs: auto` only.
        var box: BoundingBox?
        if case .auto = scenario.workingCRS { box = BoundingBox(enclosing: candidateLonLat.lazy.filter(\.isFinite)) }
        return try workingCRS(scenario, candidateBox: box, file: candidates.file)
    }

    /// The scenario's working CRS, or for `crs: auto` the UTM zone of the centre of `candidateBox` (the finite
    /// candidate positions in lon/lat; nil when there are none).
    static func workingCRS(_ scenario: Scenario, candidateBox: BoundingBox?, file: String) throws -> CRS {
        switch scenario.workingCRS {
        case .explicit(let crs):
            let info: CRSInfo
            do { info = try crs.info() } catch {
                throw ScoringError(.invalidWorkingCRS(crs: crs.definition, detail: "\(error)"), file: scenario.sourceURL?.path ?? "scenario", field: "crs")
            }
            guard info.isProjected else {
                throw ScoringError(.workingCRSNotProjected(crs: crs.definition, kind: info.isGeographic ? "geographic (degrees)" : info.kind),
                                   file: scenario.sourceURL?.path ?? "scenario", field: "crs")
            }
            return crs
        case .auto:
            guard let box = candidateBox else { throw ScoringError(.noCandidateCoordinates, file: file) }
            return CRS.utmZone(lon: box.center.x, lat: box.center.y)
        }
    }

    /// Checks `layers` against the working CRS's area of use (dropping outliers where a layer says so) and transforms
    /// each into it (one batched transform per layer); `lonLat` holds each layer's positions in lon/lat. Returns the
    /// warnings of both steps, each in layer order.
    static func place(_ layers: inout [LoadedLayer], lonLat: [[Position]], in working: CRS,
                      transformers: TransformerCache) throws -> (areaOfUse: [String], transform: [String]) {
        var areaWarnings: [String] = [], transformWarnings: [String] = []
        if let area = try working.requireProjected().areaOfUse {
            for i in layers.indices {
                let check = try AreaOfUseCheck.run(layers[i], lonLat[i], area: area, working: working)
                areaWarnings += check.warnings
                if !check.dropped.isEmpty { layers[i] = layers[i].removing(check.dropped) }
            }
        }
        for i in layers.indices {
            let (geometries, warnings) = try transform(layers[i], to: working, transformers: transformers)
            layers[i].working = geometries
            transformWarnings += warnings
        }
        return (areaWarnings, transformWarnings)
    }

    /// One batched transform of all the layer's geometries into the working CRS.
    static func transform(_ layer: LoadedLayer, to working: CRS, transformers: TransformerCache) throws -> ([Geometry?], [String]) {
        let transformer: CoordinateTransformer
        do { transformer = try transformers.transformer(from: layer.crs, to: working) } catch {
            throw ScoringError(.transformFailed(layer: layer.source.name, from: layer.crs.definition, to: working.definition, detail: "\(error)"), file: layer.file)
        }
        let geometries: [Geometry?]
        do { geometries = try transformer.transformGeometries(of: layer.features) } catch {
            throw ScoringError(.transformFailed(layer: layer.source.name, from: layer.crs.definition, to: working.definition, detail: "\(error)"), file: layer.file)
        }
        return (geometries, transformer.warnings.map { "\(layer.file): \($0)" })
    }

    static func unusedLayerWarnings(_ scenario: Scenario) -> [String] {
        let used = Set(scenario.criteria.compactMap(\.kind.layer) + scenario.constraints.compactMap(\.kind.layer))
        return scenario.layers.filter { !used.contains($0.name) }.map { "layer '\($0.name)' is declared but no criterion or constraint uses it" }
    }

    /// Normalised weights (sum 1) and, for AHP, its derivation.
    static func weights(_ scenario: Scenario) throws -> ([Double], AHPResult?) {
        let file = scenario.sourceURL?.path ?? "scenario"
        switch scenario.weighting {
        case .direct:
            let raw = scenario.criteria.map { $0.weight ?? 0 }
            let total = raw.reduce(0, +)
            guard total > 0 else { throw ScoringError(.allWeightsZero, file: file) }
            return (raw.map { $0 / total }, nil)
        case .ahp(let spec):
            let ids = scenario.criteria.map(\.id)
            do {
                let result = spec.experts.count == 1
                    ? try AHP.weights(criteria: ids, judgements: spec.experts[0], method: spec.method, maxCR: spec.maxConsistencyRatio)
                    : try AHP.groupWeights(criteria: ids, experts: spec.experts, method: spec.method, maxCR: spec.maxConsistencyRatio)
                return (result.weights, result)
            } catch {
                throw ScoringError(.ahp(detail: "\(error)"), file: file, field: "ahp")
            }
        }
    }
}

extension Geometry {
    /// The number of positions, as `forEachPosition` visits them.
    var positionCount: Int {
        var n = 0
        forEachPosition { _ in n += 1 }
        return n
    }
}
