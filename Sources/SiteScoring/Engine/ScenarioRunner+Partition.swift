import Dispatch
import Foundation
import GeoCore

/// The measured sites of one partition, ready to be written as a part file (format in ``PartFile``, docs/scale.md).
public struct MeasuredPartition: Sendable {
    /// The partition measured.
    public let partition: Partition
    /// The number of its sites.
    public var siteCount: Int { members.count }
    /// The number of candidates of the whole scenario.
    public let candidateCount: Int
    /// Warnings for the planner (those of reading and checking the layers; the merge repeats them).
    public let warnings: [String]
    let header: PartFile.Header
    /// Positions of the partition's sites among all candidates, ascending.
    let members: [Int]
    let ids: [SiteID]
    let references: [Position]
    let features: [Feature]
    let raw: [[Double]]
    let text: [[String?]?]
    let exclusions: [[String]]

    /// The part file's bytes (`standort-part/1`: a header line, then one line per site in input order), in
    /// chunks of a few thousand sites, encoded on `threads` cores; write them with `AtomicFileWriter.write(parts:to:)`.
    public func encodedParts(threads: Int = 1) -> [[UInt8]] {
        let chunk = 4096
        let chunks = (members.count + chunk - 1) / chunk
        let slots = ConcurrentSlots<[UInt8]>(count: chunks)
        let work: @Sendable (Int) -> Void = { c in
            var out: [UInt8] = []
            for r in (c * chunk)..<min(members.count, (c + 1) * chunk) {
                PartFile.appendSite(PartFile.Site(index: members[r], id: ids[r], reference: references[r],
                                                  raw: raw.map { $0[r] }, text: text.map { $0?[r] ?? nil },
                                                  exclusions: exclusions[r], feature: features[r]), to: &out)
            }
            slots.set(c, out)
        }
        if threads > 1 { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) } else { (0..<chunks).forEach(work) }
        return [PartFile.encodeHeader(header)] + slots.values
    }

    /// The whole part file's bytes.
    public func encoded() -> [UInt8] { encodedParts().flatMap { $0 } }
}

extension ScenarioRunner {
    /// Measures the candidates of one partition: raw criterion values and exclusions (a pure function of each site
    /// and the context layers), without value functions, aggregation or ranking, which need all sites and happen in
    /// ``merge(_:parts:options:)``. The layers are read and checked as in a whole run (the working CRS, the area of
    /// use and the uniqueness of ids are decided over all candidates), so every partition sees the same data.
    public static func measurePartition(_ scenario: Scenario, partition: Partition, options: RunOptions = RunOptions(),
                                        version: String, timings: inout StageTimings) throws -> MeasuredPartition {
        var clock = StageClock()
        let stage = try prepare(scenario, options: options, clock: &clock, timings: &timings)
        let all = stage.context.sites
        let members = all.ids.indices.filter { partition.contains(id: all.ids[$0], point: all.referencePoints[$0]) }
        let sites = all.subset(members)
        var context = MeasureContext(layers: stage.context.layers, sites: sites, threads: stage.context.threads, progress: options.progress)
        context.indexes = stage.context.indexes
        context.fieldValues = stage.context.fieldValues
        let measured: [MeasuredCriterion]
        let exclusions: [[String]]
        do {
            measured = try context.measureAll(scenario.criteria)
            exclusions = try context.exclusions(scenario, measured: measured)
        } catch var error as ScoringError {
            // Messages name the feature by its position in the candidates file, not in the partition.
            if error.file == all.layer.file, let i = error.featureIndex, members.indices.contains(i) { error.featureIndex = members[i] }
            throw error
        }
        clock.lap(\.criteria, &timings)
        let header = PartFile.Header(
            version: version, scenarioName: scenario.name, scenarioSHA256: scenario.sourceSHA256 ?? "", partition: partition,
            workingCRS: stage.working.definition, candidateCRS: all.layer.crs.definition, candidateCount: all.count,
            siteCount: members.count, criteria: zip(scenario.criteria, measured).map { ($0.0.id, $0.1.text != nil) },
            inputs: stage.inputs, warnings: stage.warnings
        )
        return MeasuredPartition(partition: partition, candidateCount: all.count, warnings: stage.warnings, header: header,
                                 members: members, ids: sites.ids, references: sites.referencePoints, features: sites.layer.features,
                                 raw: measured.map(\.raw), text: measured.map(\.text), exclusions: exclusions)
    }

    /// Merges the part files of all partitions of `scenario` into the result a single-process run gives: value
    /// functions with the statistics of all eligible sites, aggregation, ranking. The result is identical to
    /// `run`'s for any partitioning; its `mergedParts` lists the files with their SHA-256.
    /// - Throws: ``PartitionError`` naming the file when parts do not belong together (another scenario or input
    ///   data, another partitioning, a partition twice or missing, a site twice); ``ScoringError`` as `run`.
    public static func merge(_ scenario: Scenario, parts urls: [URL], options: RunOptions = RunOptions()) throws -> ScoringResult {
        guard !urls.isEmpty else { throw PartitionError(.noParts, file: "merge") }
        var headers: [(url: URL, header: PartFile.Header)] = []
        var records: [PartRecord] = []
        // Columns over all candidates in input order, filled part by part (a part's parsed lines are dropped
        // before the next part is read, so the merge holds each site once).
        var n = 0, k = 0
        var owner: [Int32] = []
        var features: [Feature] = [], ids: [SiteID] = [], references: [Position] = []
        var raw: [[Double]] = [], text: [[String?]?] = [], exclusions: [[String]] = []
        for url in urls {
            let file = url.path
            var partition: Partition!
            var siteCount = 0
            let p = Int32(headers.count)
            let (header, sha) = try PartFile.read(url, checkHeader: { header in
                let scenarioSHA = scenario.sourceSHA256 ?? ""
                guard header.scenarioSHA256 == scenarioSHA else {
                    throw PartitionError(.otherScenario(partSHA256: header.scenarioSHA256, scenarioSHA256: scenarioSHA), file: file)
                }
                if let (firstURL, first) = headers.first {
                    guard first.partition.count == header.partition.count, first.partition.scheme == header.partition.scheme else {
                        throw PartitionError(.otherPartitioning(firstFile: firstURL.path, first: "\(first.partition.count) by \(first.partition.scheme)",
                                                                this: "\(header.partition.count) by \(header.partition.scheme)"), file: file)
                    }
                    if let other = headers.first(where: { $0.header.partition.index == header.partition.index }) {
                        throw PartitionError(.duplicatePartition(partition: "\(header.partition.index)/\(header.partition.count)", otherFile: other.url.path), file: file)
                    }
                    if first.inputs != header.inputs || first.candidateCount != header.candidateCount || first.workingCRS != header.workingCRS
                        || first.candidateCRS != header.candidateCRS {
                        let changed = zip(first.inputs, header.inputs).first { $0 != $1 }.map { "layer '\($0.1.layer)' has SHA-256 \($0.1.sha256.prefix(12))…, there \($0.0.sha256.prefix(12))…" }
                            ?? "\(header.candidateCount) candidates in working CRS \(header.workingCRS), there \(first.candidateCount) in \(first.workingCRS)"
                        throw PartitionError(.otherInputs(firstFile: firstURL.path, detail: changed), file: file)
                    }
                } else {
                    n = header.candidateCount
                    k = header.criteria.count
                    owner = Array(repeating: -1, count: n)
                    features = Array(repeating: Feature(geometry: nil), count: n)
                    ids = Array(repeating: .number(0), count: n)
                    references = Array(repeating: Position(x: 0, y: 0), count: n)
                    raw = Array(repeating: Array(repeating: .nan, count: n), count: k)
                    text = header.criteria.map { $0.text ? Array(repeating: nil, count: n) : nil }
                    exclusions = Array(repeating: [], count: n)
                }
                partition = header.partition
            }, consume: { sites in
                // Every candidate exactly once, each in its own partition's file.
                for s in sites {
                    let id = s.id.description
                    guard s.index < n else { throw PartitionError(.malformedLine(line: 0, detail: "site \(id) has position \(s.index), but there are \(n) candidates"), file: file) }
                    if owner[s.index] >= 0 {
                        let other = owner[s.index] == p ? file : headers[Int(owner[s.index])].url.path
                        throw PartitionError(.duplicateSite(id: id, otherFile: other), file: file)
                    }
                    guard partition.contains(id: s.id, point: s.reference) else {
                        throw PartitionError(.siteInWrongPartition(id: id, belongsTo: Partition.partitionNumber(id: s.id, point: s.reference, count: partition.count, scheme: partition.scheme)), file: file)
                    }
                    owner[s.index] = p
                    features[s.index] = s.feature
                    ids[s.index] = s.id
                    references[s.index] = s.reference
                    for j in 0..<k {
                        raw[j][s.index] = s.raw[j]
                        if text[j] != nil { text[j]![s.index] = s.text[j] }
                    }
                    exclusions[s.index] = s.exclusions
                }
                siteCount += sites.count
            })
            headers.append((url, header))
            records.append(PartRecord(path: file, sha256: sha, partition: "\(header.partition.index)/\(header.partition.count)", sites: siteCount))
        }
        let first = headers[0].header
        let present = Set(headers.map(\.header.partition.index))
        let missing = (1...first.partition.count).filter { !present.contains($0) }
        guard missing.isEmpty else { throw PartitionError(.missingPartitions(missing, count: first.partition.count), file: headers[0].url.path) }
        if let gap = owner.firstIndex(of: -1) {
            throw PartitionError(.missingSites(missing: owner.count { $0 < 0 }, of: n), file: headers[0].url.path + " (first missing: candidate \(gap))")
        }
        owner = []

        let candidatesSource = scenario.candidates.layer
        let candidateCRS = CRS(first.candidateCRS)
        let layer = LoadedLayer(source: candidatesSource, collection: FeatureCollection(features: features, crs: candidateCRS.definition),
                                crs: candidateCRS, sha256: first.inputs.first?.sha256 ?? "")
        features = []
        let sites = SiteTable(layer: layer, ids: ids, referencePoints: references,
                              areas: Array(repeating: 0, count: n))  // areas are measured in the partitions already
        let measured: [MeasuredCriterion] = (0..<k).map { j in
            var field: String?
            if case .attribute(let f) = scenario.criteria[j].kind { field = f }
            return MeasuredCriterion(raw: raw[j], text: text[j], missingField: field, missing: nil)
        }
        raw = []
        text = []
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let stage = PreparedRun(context: MeasureContext(layers: [:], sites: sites, threads: threads, progress: nil), working: CRS(first.workingCRS),
                                inputs: first.inputs, layerSummaries: [],
                                warnings: first.warnings + CategoryCoverage.warnings(criteria: scenario.criteria, measured: measured))
        var result = try finish(scenario, options: options, stage: stage, sites: sites, measured: measured, exclusions: exclusions)
        result.mergedParts = zip(headers, records).sorted { $0.0.header.partition.index < $1.0.header.partition.index }.map(\.1)
        return result
    }
}

extension SiteTable {
    /// A table from its columns (a partition's sites, or the sites of merged parts).
    init(layer: LoadedLayer, ids: [SiteID], referencePoints: [Position], areas: [Double]) {
        self.layer = layer
        self.ids = ids
        self.referencePoints = referencePoints
        self.areas = areas
    }

    /// The sites at `members` (in that order), with their features and working geometries.
    func subset(_ members: [Int]) -> SiteTable {
        var collection = layer.collection
        collection.features = members.map { layer.features[$0] }
        let sub = LoadedLayer(source: layer.source, collection: collection, crs: layer.crs, sha256: layer.sha256,
                              readWarnings: layer.readWarnings, working: members.map { layer.working[$0] })
        return SiteTable(layer: sub, ids: members.map { ids[$0] }, referencePoints: members.map { referencePoints[$0] }, areas: members.map { areas[$0] })
    }
}
