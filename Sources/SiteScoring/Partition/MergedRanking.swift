import Dispatch
import Foundation
import GeoCore

/// The ranking of a run whose sites live in part files (`standort merge`, `score --stream`): in memory only what
/// ranking needed — each eligible site's values, scores and ranks, and where each site's line is; the candidates,
/// raw values and exclusions are re-read from their lines, a chunk of output positions at a time, when the output
/// is written (issue 16). A chunk is an ordinary ``ScoringResult`` of those sites in output order, so every
/// output is encoded by the same code as a single-process run's, and the bytes are the same.
public final class MergedRanking: @unchecked Sendable {
    public let scenario: Scenario
    public let method: AggregationMethod
    public let outcome: AggregationOutcome
    public let weights: [Double]
    public let ahp: AHPResult?
    public let workingCRS: CRS
    public let candidateCRS: CRS
    public let inputs: [InputRecord]
    /// Warnings for the planner (each printed as one `warning:` line).
    public let warnings: [String]
    /// The part files merged, with their SHA-256 (empty for `score --stream`, whose part is temporary).
    public let mergedParts: [PartRecord]
    public let totals: RunTotals
    /// The candidates' property names in first-seen order (the CSV output's columns).
    let propertyNames: [String]
    /// The candidates' geometry types.
    let geometryTypes: Set<String>
    private let parts: PartReaders
    private let owner: [Int16]
    private let lines: [PartFile.LineLocation]
    private let rowOf: [Int32]
    private let values: DecisionMatrix
    private let scores: [Double]
    private let ranks: [Int]
    private let outputOrder: [Int32]
    private let textCriteria: [Bool]

    init(scenario: Scenario, method: AggregationMethod, outcome: AggregationOutcome, weights: [Double], ahp: AHPResult?,
         workingCRS: CRS, candidateCRS: CRS, inputs: [InputRecord], warnings: [String], mergedParts: [PartRecord], totals: RunTotals,
         partURLs: [URL], owner: [Int16], lines: [PartFile.LineLocation], rowOf: [Int32], values: DecisionMatrix, scores: [Double],
         ranks: [Int], outputOrder: [Int32], propertyNames: [String], geometryTypes: Set<String>, textCriteria: [Bool]) throws {
        self.scenario = scenario
        self.method = method
        self.outcome = outcome
        self.weights = weights
        self.ahp = ahp
        self.workingCRS = workingCRS
        self.candidateCRS = candidateCRS
        self.inputs = inputs
        self.warnings = warnings
        self.mergedParts = mergedParts
        self.totals = totals
        parts = try PartReaders(partURLs)
        self.owner = owner
        self.lines = lines
        self.rowOf = rowOf
        self.values = values
        self.scores = scores
        self.ranks = ranks
        self.outputOrder = outputOrder
        self.propertyNames = propertyNames
        self.geometryTypes = geometryTypes
        self.textCriteria = textCriteria
    }

    /// The number of sites (output positions).
    public var count: Int { outputOrder.count }

    /// The sites at output positions `range` as a result of their own, in output order (its `totals` are the run's).
    public func chunk(_ range: Range<Int>) throws -> ScoringResult {
        let k = scenario.criteria.count
        let sites = range.map { Int(outputOrder[$0]) }
        // Lines read and parsed on all cores, part by part.
        let slots = ConcurrentSlots<Result<PartFile.Site, Error>>(count: sites.count)
        let byPart = Dictionary(grouping: sites.indices) { owner[sites[$0]] }.sorted { $0.key < $1.key }
        for (part, members) in byPart {
            let reader = try parts.reader(Int(part))
            let work: @Sendable (Int) -> Void = { [self] m in
                let n = members[m]
                slots.set(n, Result { try PartFile.readSite(reader, at: lines[sites[n]], criteria: k) })
            }
            if members.count > 256 { DispatchQueue.concurrentPerform(iterations: members.count, execute: work) } else { (0..<members.count).forEach(work) }
        }
        let read = try slots.values.map { try $0.get() }
        let methodColumns = outcome.columns
        let criteria = scenario.criteria.enumerated().map { j, c in
            CriterionColumn(criterion: c, raw: read.map { $0.raw[j] }, text: textCriteria[j] ? read.map { $0.text[j] } : nil,
                            values: sites.map { rowOf[$0] >= 0 ? values[Int(rowOf[$0]), j] : nil })
        }
        func eligibleRow(_ n: Int) -> Int? { rowOf[sites[n]] >= 0 ? Int(rowOf[sites[n]]) : nil }
        var result = ScoringResult(
            scenario: scenario, workingCRS: workingCRS, candidates: read.map(\.feature), candidateCRS: candidateCRS,
            siteIDs: read.map(\.id), referencePoints: read.map(\.reference), criteria: criteria, weights: weights, ahp: ahp,
            exclusions: read.map(\.exclusions), scores: sites.indices.map { eligibleRow($0).map { scores[$0] } },
            ranks: sites.indices.map { eligibleRow($0).map { ranks[$0] } }, outputOrder: Array(sites.indices),
            method: method, outcome: outcome,
            methodColumns: methodColumns.map { column in
                MethodColumn(name: column.name, values: sites.indices.map { eligibleRow($0).map { column.values[$0] } })
            },
            inputs: inputs, layers: [], contextLayers: [], warnings: [])
        result.mergedParts = mergedParts
        result.totals = totals
        return result
    }

    /// The whole ranking as one result in output order (for formats written from a complete collection: GeoPackage,
    /// FlatGeobuf, XLSX; every site in memory).
    public func materialized() throws -> ScoringResult { try chunk(0..<count) }
}

/// The part files of a merge, opened for reading lines back: all kept open when there are few, otherwise opened for
/// each use (a merge of thousands of partitions must not run out of file descriptors).
final class PartReaders: @unchecked Sendable {
    /// Parts kept open at once, well below the usual limit of 1,024 descriptors.
    static let keptOpen = 256
    private let urls: [URL]
    private let open: [BlockReader]?

    init(_ urls: [URL], keptOpen: Int = PartReaders.keptOpen) throws {
        self.urls = urls
        open = urls.count <= keptOpen ? try urls.map(Self.openPart) : nil
    }

    /// A reader of part `index`.
    func reader(_ index: Int) throws -> BlockReader {
        try open?[index] ?? Self.openPart(urls[index])
    }

    private static func openPart(_ url: URL) throws -> BlockReader {
        do throws(BlockReader.OpenError) { return try BlockReader(url) } catch {
            throw PartitionError(.notAPartFile(detail: "cannot be read: \(error.reason)"), file: url.path)
        }
    }
}
