import Dispatch
import Foundation
import GeoCore

/// The measured sites of one partition, ready to be written as a part file (format in ``PartFile``, docs/scale.md).
public struct MeasuredPartition: Sendable {
    /// The partition measured.
    public let partition: Partition
    /// The number of its sites.
    public var siteCount: Int { sites.count }
    /// The number of candidates of the whole scenario.
    public let candidateCount: Int
    /// Warnings for the planner (those of reading and checking the layers; the merge repeats them).
    public let warnings: [String]
    let header: PartFile.Header
    let sites: [PartFile.Site]

    /// The part file's bytes (`standort-part/1`: a header line, then one line per site in input order).
    public func encoded() -> [UInt8] {
        var out = PartFile.encodeHeader(header)
        out.reserveCapacity(out.count + sites.count * (200 + 24 * header.criteria.count))
        for s in sites { PartFile.appendSite(s, to: &out) }
        return out
    }
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
        let features = all.layer.features
        let partSites = members.indices.map { r in
            PartFile.Site(index: members[r], id: sites.ids[r], reference: sites.referencePoints[r],
                          raw: measured.map { $0.raw[r] }, text: measured.map { $0.text?[r] ?? nil },
                          exclusions: exclusions[r], feature: features[members[r]])
        }
        return MeasuredPartition(partition: partition, candidateCount: all.count, warnings: stage.warnings, header: header, sites: partSites)
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
            let (header, sites, sha) = try PartFile.read(url)
            let file = url.path
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
            // Every candidate exactly once, each in its own partition's file.
            let p = Int32(headers.count)
            let partition = header.partition
            for s in sites {
                let id = s.id.description
                guard s.index < n else { throw PartitionError(.malformedLine(line: 0, detail: "site \(id) has position \(s.index), but there are \(n) candidates"), file: file) }
                if owner[s.index] >= 0 { throw PartitionError(.duplicateSite(id: id, otherFile: headers[Int(owner[s.index])].url.path), file: file) }
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
            headers.append((url, header))
            records.append(PartRecord(path: file, sha256: sha, partition: "\(header.partition.index)/\(header.partition.count)", sites: sites.count))
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
