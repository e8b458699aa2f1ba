import Dispatch
import Foundation
import GeoCore

/// What measuring a partition produced (its part file went to the output as it was measured).
public struct PartitionSummary: Sendable {
    /// The partition measured.
    public let partition: Partition
    /// The number of its sites.
    public let siteCount: Int
    /// The number of candidates of the whole scenario.
    public let candidateCount: Int
    /// Warnings for the planner (those of reading and checking the layers; the merge repeats them).
    public let warnings: [String]
}

extension ScenarioRunner {
    /// Measures the candidates of one partition — raw criterion values and exclusions, a pure function of each site
    /// and the context layers — a chunk of candidates at a time (issue 16), and writes the part file
    /// (``PartFile``, `standort-part/2`) to `url` atomically as it goes. Memory: the context layers with their
    /// indexes, one chunk of candidates and, while the file is first read, one id per candidate.
    ///
    /// The candidates are read twice: first for what is decided over all of them (the working CRS of `crs: auto`,
    /// unique ids, the fields criteria read), then chunk by chunk to measure. Value functions, aggregation and
    /// ranking need all sites and happen in ``merge(_:parts:options:)``.
    public static func measurePartition(_ scenario: Scenario, partition: Partition, to url: URL, protecting inputs: [URL] = [],
                                        options: RunOptions = RunOptions(), version: String, timings: inout StageTimings) throws -> PartitionSummary {
        var clock = StageClock()
        var stages = StageTimings()
        var summary: PartitionSummary?
        // The part is read back by the merge (at once, in a streamed run): keep its pages cached.
        try AtomicFileWriter(bypassesPageCache: false).write(to: url, protecting: inputs) { emit in
            summary = try measureInChunks(scenario, partition: partition, options: options, version: version, clock: &clock, timings: &stages, emit: emit)
        }
        timings = stages
        return summary!
    }

    static func measureInChunks(_ scenario: Scenario, partition: Partition, options: RunOptions, version: String,
                                clock: inout StageClock, timings: inout StageTimings, emit: ([UInt8]) throws -> Void) throws -> PartitionSummary {
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let idField = scenario.candidates.idField
        // Read: the context layers whole, the candidates' reader (CSV: decides number conventions over the file).
        var layers = try readAll(scenario.layers, threads: options.threads)
        let candidates = try CandidateChunks(scenario.candidates.layer)
        clock.lap(\.read, &timings)

        // First pass over the candidates: their extent (working CRS), unique ids, the fields criteria read.
        let transformers = TransformerCache()
        var box: BoundingBox?
        let candidateFieldNames = MeasureContext.fieldUses(scenario).filter { $0.layer == nil }.map(\.field)
        var fields = FieldTally(fields: candidateFieldNames)
        var ids = UniqueIDCheck()
        var candidateCount = 0
        options.progress?("reading candidates", 0)
        try candidates.forEachChunk { chunk, first in
            for p in try lonLatPositions(of: chunk, transformers: transformers) where p.isFinite {
                if box == nil { box = BoundingBox(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y) } else { box!.expand(toInclude: p) }
            }
            fields.add(chunk.features)
            for (i, feature) in chunk.features.enumerated() {
                ids.add(try remapped(first) { try SiteTable.siteID(feature, index: i, idField: idField, layer: chunk) })
            }
            candidateCount += chunk.features.count
        }
        let suspects = ids.suspectHashes()
        if !suspects.isEmpty {
            // Some ids share a hash: compare those ids themselves (one more look at the candidates).
            var resolver = UniqueIDCheck.Resolver(suspects: suspects)
            try candidates.forEachChunk { chunk, first in
                for (i, feature) in chunk.features.enumerated() {
                    resolver.add(try SiteTable.siteID(feature, index: i, idField: idField, layer: chunk), index: first + i)
                }
            }
            if let duplicate = resolver.duplicate {
                throw ScoringError(.duplicateSiteID(otherFeature: duplicate.first), file: scenario.candidates.layer.url.path, featureIndex: duplicate.index,
                                   featureID: duplicate.id.description, field: idField)
            }
        }
        // Every reader hands out at least one chunk, which sets the CRS.
        let candidateCRS = candidates.crs ?? scenario.candidates.layer.crs ?? .crs84
        let candidateFile = scenario.candidates.layer.url.path
        let working = try workingCRS(scenario, candidateBox: box, file: candidateFile)
        let workingInfo = try working.requireProjected()

        // The context layers: area-of-use check, transform, indexes (as a whole run does).
        let lonLat = try layers.map { try lonLatPositions(of: $0, transformers: transformers) }
        let placed = try place(&layers, lonLat: lonLat, in: working, transformers: transformers)
        let byName = Dictionary(uniqueKeysWithValues: layers.map { ($0.source.name, $0) })
        let emptyLayer = LoadedLayer(source: scenario.candidates.layer, collection: FeatureCollection(features: [], crs: candidateCRS.definition),
                                     crs: candidateCRS, sha256: "")
        var context = MeasureContext(layers: byName, sites: SiteTable(layer: emptyLayer, ids: [], referencePoints: [], areas: []),
                                     threads: threads, progress: nil)
        // Fields: errors (a field no candidate has, or only empty) from the first pass, before measuring; the warning
        // about candidates without a value counts those kept after `outliers: drop`, as a whole run does.
        context.candidateFields = fields
        _ = try context.checkFields(scenario)
        let polygonWarnings = try context.prepare(for: scenario, checkingFields: false)
        var keptFields = FieldTally(fields: candidateFieldNames)
        clock.lap(\.transform, &timings)

        // The header (the inputs' digests: the candidates' is known after the first pass).
        let inputs = [InputRecord(layer: scenario.candidates.layer.name, path: scenario.candidates.layer.path, sha256: candidates.sha256)]
            + layers.map(\.inputRecord)
        try emit(PartFile.encodeHeader(PartFile.Header(
            version: version, scenarioName: scenario.name, scenarioSHA256: scenario.sourceSHA256 ?? "", partition: partition,
            workingCRS: working.definition, candidateCRS: candidateCRS.definition, candidateCount: candidateCount,
            criteria: scenario.criteria.map { c in
                if case .attribute = c.kind { return (c.id, c.value?.isCategorical ?? false) }
                return (c.id, false)
            },
            inputs: inputs)))

        // Second pass: measure chunk by chunk and write each chunk's lines.
        var candidateArea = workingInfo.areaOfUse.map { AreaOfUseCheck(layer: emptyLayer, area: $0, working: working) }
        var kept = 0, siteCount = 0, done = 0
        var candidateTransformWarnings: [String]?
        try candidates.forEachChunk { read, first in
            var chunk = read
            if candidateArea != nil {
                let dropped = candidateArea!.add(chunk, try lonLatPositions(of: chunk, transformers: transformers), firstIndex: first)
                if !dropped.isEmpty { chunk = chunk.removing(dropped) }
            }
            keptFields.add(chunk.features)
            let (geometries, transformWarnings) = try transform(chunk, to: working, transformers: transformers)
            chunk.working = geometries
            if candidateTransformWarnings == nil { candidateTransformWarnings = transformWarnings }
            let offset = kept
            let all = try remapped(offset) { try SiteTable(chunk, idField: idField, threads: threads) }
            let members = all.ids.indices.filter { partition.contains(id: all.ids[$0], point: all.referencePoints[$0]) }
            let sites = all.subset(members)
            var measuring = MeasureContext(layers: byName, sites: sites, threads: threads, progress: nil)
            measuring.indexes = context.indexes
            measuring.fieldValues = context.fieldValues
            measuring.grids = context.grids
            let (measured, exclusions) = try remapped(offset, members: members) {
                let measured = try measuring.measureAll(scenario.criteria)
                return (measured, try measuring.exclusions(scenario, measured: measured))
            }
            // Lines encoded on all cores, written in order.
            let block = 4096
            let blocks = (members.count + block - 1) / block
            let encoded = ConcurrentSlots<[UInt8]>(count: blocks)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                var out: [UInt8] = []
                for r in (b * block)..<min(members.count, (b + 1) * block) {
                    PartFile.appendSite(PartFile.Site(index: offset + members[r], id: sites.ids[r], reference: sites.referencePoints[r],
                                                      raw: measured.map { $0.raw[r] }, text: measured.map { $0.text?[r] ?? nil },
                                                      exclusions: exclusions[r], feature: sites.layer.features[r]), to: &out)
                }
                encoded.set(b, out)
            }
            for part in encoded.values { try emit(part) }
            kept += chunk.features.count
            siteCount += members.count
            done += read.features.count
            options.progress?("measuring", Double(done) / Double(max(1, candidateCount)))
        }
        let candidateAreaWarnings = try candidateArea?.finish() ?? []
        context.candidateFields = keptFields
        let prepareWarnings = try context.checkFields(scenario) + polygonWarnings
        clock.lap(\.criteria, &timings)
        // Warnings in the order of a whole run: reading, area of use, transforms, unused layers, fields and polygons.
        let warnings = candidates.readWarnings + layers.flatMap(\.readWarnings) + candidateAreaWarnings + placed.areaOfUse
            + (candidateTransformWarnings ?? []) + placed.transform
            + unusedLayerWarnings(scenario) + prepareWarnings
        try emit(PartFile.encodeTrailer(PartFile.Trailer(siteCount: siteCount, candidateCount: kept, warnings: warnings)))
        return PartitionSummary(partition: partition, siteCount: siteCount, candidateCount: kept, warnings: warnings)
    }

    /// Runs `body`, naming a failing feature by its position in the whole candidate file: `offset` plus its position
    /// in the chunk (or, with `members`, plus `members[position]`).
    private static func remapped<T>(_ offset: Int, members: [Int]? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var error as ScoringError {
            if let i = error.featureIndex {
                if let members { if members.indices.contains(i) { error.featureIndex = offset + members[i] } } else { error.featureIndex = offset + i }
            }
            throw error
        }
    }
}
