import Dispatch
import Foundation
import GeoCore

extension ScenarioRunner {
    /// Merges the part files of all partitions of `scenario` into the ranking a single-process run gives: value
    /// functions with the statistics of all eligible sites, aggregation, ranking. The part files are read once,
    /// front to back; only what ranking needs stays in memory (one value per criterion and eligible site, ids,
    /// where each site's line is), and the output re-reads each site's line in rank order (issue 16).
    /// - Throws: ``PartitionError`` naming the file when parts do not belong together (another scenario or input
    ///   data, another partitioning, a partition twice or missing, a site twice); ``ScoringError`` as `run`.
    /// `listingParts: false` leaves the parts out of the manifest (`score --stream`, whose one part is temporary).
    public static func merge(_ scenario: Scenario, parts urls: [URL], options: RunOptions = RunOptions(), listingParts: Bool = true) throws -> MergedRanking {
        guard !urls.isEmpty else { throw PartitionError(.noParts, file: "merge") }
        var headers: [(url: URL, header: PartFile.Header)] = []
        var records: [PartRecord] = []
        var trailers: [PartFile.Trailer] = []
        var n = 0, k = 0
        // Per site (position among all candidates): its part (-1 until seen), its line, whether it is eligible.
        var owner: [Int16] = []
        var lines: [PartFile.LineLocation] = []
        var ids: [SiteID] = []
        var rawRows: [Double] = []
        var eligible: [Bool] = []
        var texts: [[String?]?] = []
        var reasons: [String: (count: Int, firstSite: Int, position: Int)] = [:]
        var keysFirstSeen: [String: (site: Int, position: Int)] = [:]
        var geometryTypes = Set<String>()
        for url in urls {
            let file = url.path
            var partition: Partition!
            var siteCount = 0
            guard headers.count < Int(Int16.max) else { throw PartitionError(.malformedLine(line: 1, detail: "more than 32,767 parts"), file: file) }
            let p = Int16(headers.count)
            var lastKeys: [String] = []
            var lastType = ""
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
            let (header, trailer, sha) = try PartFile.read(url, checkHeader: { header in
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
                    lines = Array(repeating: PartFile.LineLocation(offset: 0, length: 0), count: n)
                    ids = Array(repeating: .number(0), count: n)
                    rawRows = Array(repeating: .nan, count: n * k)
                    eligible = Array(repeating: false, count: n)
                    texts = header.criteria.map { $0.text ? Array(repeating: nil, count: n) : nil }
                }
                partition = header.partition
            }, consume: { sites, locations in
                // Every candidate exactly once, each in its own partition's file.
                for (s, location) in zip(sites, locations) {
                    let i = s.index
                    guard i < n else { throw PartitionError(.malformedLine(line: 0, detail: "site \(s.id) has position \(i), but there are \(n) candidates"), file: file) }
                    if owner[i] >= 0 {
                        let other = owner[i] == p ? file : headers[Int(owner[i])].url.path
                        throw PartitionError(.duplicateSite(id: s.id.description, otherFile: other), file: file)
                    }
                    guard partition.contains(id: s.id, point: s.reference) else {
                        throw PartitionError(.siteInWrongPartition(id: s.id.description, belongsTo: Partition.partitionNumber(id: s.id, point: s.reference, count: partition.count, scheme: partition.scheme)), file: file)
                    }
                    owner[i] = p
                    lines[i] = location
                    ids[i] = s.id
                    for j in 0..<k {
                        rawRows[i * k + j] = s.raw[j]
                        if texts[j] != nil { texts[j]![i] = s.text[j] }
                    }
                    eligible[i] = s.exclusions.isEmpty
                    for (position, reason) in s.exclusions.enumerated() {
                        if let seen = reasons[reason] {
                            reasons[reason] = (seen.count + 1, min(seen.firstSite, i), seen.firstSite <= i ? seen.position : position)
                        } else {
                            reasons[reason] = (1, i, position)
                        }
                    }
                    // Property names in first-seen order over the sites in input order (the CSV output's columns);
                    // sites of one part ascend, so a part's first site with a set of names is its earliest.
                    let keys = s.feature.properties.keys
                    if keys != lastKeys {
                        for (position, key) in keys.enumerated() {
                            if let seen = keysFirstSeen[key], seen.site <= i { continue }
                            keysFirstSeen[key] = (i, position)
                        }
                        lastKeys = keys
                    }
                    if let type = s.feature.geometry?.typeName, type != lastType {
                        geometryTypes.insert(type)
                        lastType = type
                    }
                }
                siteCount += sites.count
                if let size, size > 0, let last = locations.last {
                    options.progress?("ranking", (Double(headers.count) + Double(last.offset) / Double(size)) / Double(urls.count))
                }
            })
            headers.append((url, header))
            trailers.append(trailer)
            records.append(PartRecord(path: file, sha256: sha, partition: "\(header.partition.index)/\(header.partition.count)", sites: siteCount))
        }
        let first = headers[0].header
        // Candidates dropped as outliers (`outliers: drop`) are counted in the header, not in the trailer.
        if let other = trailers.firstIndex(where: { $0.candidateCount != trailers[0].candidateCount }) {
            throw PartitionError(.otherInputs(firstFile: headers[0].url.path,
                                              detail: "\(trailers[other].candidateCount) candidates kept, there \(trailers[0].candidateCount)"), file: headers[other].url.path)
        }
        let kept = trailers[0].candidateCount
        if let beyond = owner.indices.first(where: { $0 >= kept && owner[$0] >= 0 }) {
            throw PartitionError(.malformedLine(line: 0, detail: "site at position \(beyond), but \(kept) candidates were kept"), file: headers[Int(owner[beyond])].url.path)
        }
        n = kept
        owner.removeSubrange(n...)
        let present = Set(headers.map(\.header.partition.index))
        let missing = (1...first.partition.count).filter { !present.contains($0) }
        guard missing.isEmpty else { throw PartitionError(.missingPartitions(missing, count: first.partition.count), file: headers[0].url.path) }
        if let gap = owner.firstIndex(of: -1) {
            throw PartitionError(.missingSites(missing: owner.count { $0 < 0 }, of: n), file: headers[0].url.path + " (first missing: candidate \(gap))")
        }

        // Eligible rows to the front, in input order (in place: row r ≤ site i), then values in place.
        var rows: [Int] = []
        for i in 0..<n where eligible[i] { rows.append(i) }
        eligible = []
        let e = rows.count
        rawRows.withUnsafeMutableBufferPointer { m in
            for (r, i) in rows.enumerated() where r != i {
                for j in 0..<k { m[r * k + j] = m[i * k + j] }
                ids[r] = ids[i]
            }
        }
        ids.removeSubrange(e...)
        let eligibleIDs = ids
        ids = []
        rawRows.removeSubrange((e * k)...)
        let candidateFile = scenario.candidates.layer.url.path
        let scenarioFile = scenario.sourceURL?.path ?? "scenario"
        let method = options.method ?? scenario.method
        let (weights, ahp) = try Self.weights(scenario)
        var matrix = DecisionMatrix(rows: e, columns: k, values: rawRows)
        rawRows = []
        // TOPSIS takes raw values where a criterion has no value function of its own.
        let topsisNeedsRaw = method == .topsis && scenario.criteria.contains { $0.value == nil }
        let rawMatrix = topsisNeedsRaw ? matrix : nil
        for (j, criterion) in scenario.criteria.enumerated() {
            let column = texts[j] == nil ? matrix.column(j) : nil
            let v = try Aggregation.values(criterion, raw: column, text: texts[j].map { t in rows.map { t[$0]! } },
                                           scenarioFile: scenarioFile, candidateFile: candidateFile) { r in (rows[r], eligibleIDs[r]) }
            for r in 0..<e { matrix[r, j] = v[r] }
        }
        var topsisMatrix = matrix
        if let rawMatrix {
            for (j, criterion) in scenario.criteria.enumerated() where criterion.value == nil {
                for r in 0..<e { topsisMatrix[r, j] = rawMatrix[r, j] }
            }
        }
        let input = AggregationInput(values: matrix, topsisMatrix: topsisMatrix,
                                     topsisDirections: Aggregation.topsisDirections(scenario.criteria),
                                     weights: weights, criterionIDs: scenario.criteria.map(\.id), siteIDs: eligibleIDs)
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let (outcome, ranks, order) = try Aggregation.evaluate(input, method: method, settings: scenario.methodSettings, candidateFile: candidateFile,
                                                               threads: threads) { r in (rows[r], eligibleIDs[r]) }

        // Warnings as `finish` gives them.
        var warnings = trailers[0].warnings
        let measuredTexts = scenario.criteria.indices.map { j -> MeasuredCriterion in
            var field: String?
            if case .attribute(let f) = scenario.criteria[j].kind { field = f }
            return MeasuredCriterion(raw: [], text: texts[j], missingField: field, missing: nil)
        }
        warnings += CategoryCoverage.warnings(criteria: scenario.criteria, measured: measuredTexts)
        warnings += Aggregation.rankingWarnings(scenario: scenario, weights: weights, values: matrix, siteCount: n,
                                                propertyNames: Set(keysFirstSeen.keys))

        // Output order: eligible sites by rank, then the excluded in input order.
        var rowOf = [Int32](repeating: -1, count: n)
        for (r, i) in rows.enumerated() { rowOf[i] = Int32(r) }
        var outputOrder = [Int32]()
        outputOrder.reserveCapacity(n)
        for r in order { outputOrder.append(Int32(rows[r])) }
        for i in 0..<n where rowOf[i] < 0 { outputOrder.append(Int32(i)) }
        let exclusions = reasons.sorted { ($0.value.firstSite, $0.value.position) < ($1.value.firstSite, $1.value.position) }
            .map { (reason: $0.key, count: $0.value.count) }
        let propertyNames = keysFirstSeen.sorted { ($0.value.site, $0.value.position) < ($1.value.site, $1.value.position) }.map(\.key)
        return try MergedRanking(
            scenario: scenario, method: method, outcome: outcome, weights: weights, ahp: ahp,
            workingCRS: CRS(first.workingCRS), candidateCRS: CRS(first.candidateCRS),
            inputs: first.inputs, warnings: warnings,
            mergedParts: !listingParts ? [] : zip(headers, records).sorted { $0.0.header.partition.index < $1.0.header.partition.index }.map(\.1),
            totals: RunTotals(candidates: n, scored: e, exclusions: exclusions),
            partURLs: headers.map(\.url), owner: owner, lines: lines, rowOf: rowOf, values: matrix, scores: outcome.scores, ranks: ranks,
            outputOrder: outputOrder, propertyNames: propertyNames, geometryTypes: geometryTypes,
            textCriteria: texts.map { $0 != nil })
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
