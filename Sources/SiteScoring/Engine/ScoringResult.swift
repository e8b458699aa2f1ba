import Foundation
import GeoCore

/// Everything a scoring run computed, kept so the output can explain every rank:
/// raw criterion values, value-function results, exclusions, weights, scores and ranks.
public struct ScoringResult: Sendable {
    public let scenario: Scenario
    /// The working CRS the metric computations used.
    public let workingCRS: CRS
    /// The candidate features as read (original geometry and properties, in `candidateCRS`).
    public let candidates: [Feature]
    /// The CRS of `candidates`' coordinates.
    public let candidateCRS: CRS
    /// Each site's id.
    public let siteIDs: [SiteID]
    /// Each site's reference point in the working CRS (its centroid when it is not a point).
    public let referencePoints: [Position]
    /// One column per criterion, in scenario order.
    public let criteria: [CriterionColumn]
    /// Normalised weights (sum 1), in criterion order.
    public let weights: [Double]
    /// The AHP derivation of the weights, when the scenario used AHP.
    public let ahp: AHPResult?
    /// Per site: failed constraint ids in scenario order, then `missing:<field>` entries. Empty = eligible.
    public let exclusions: [[String]]
    /// Per site: the score, nil when excluded.
    public let scores: [Double?]
    /// Per site: the rank 1…n, nil when excluded.
    public let ranks: [Int?]
    /// Site indices in output order: by rank, then excluded sites in input order.
    public let outputOrder: [Int]
    /// The aggregation method the run used (the scenario's, or the override).
    public let method: AggregationMethod
    /// The method's result with its intermediates (rows = eligible sites in input order).
    public let outcome: AggregationOutcome
    /// The method's own output properties per site (nil when excluded), e.g. `vikor_q`.
    public let methodColumns: [MethodColumn]
    /// The files read, with their SHA-256, for the run manifest.
    public let inputs: [InputRecord]
    /// What was read from each layer (candidates first), for `validate`.
    public let layers: [LayerSummary]
    /// The context layers in scenario order: their features as read and geometries in the working CRS, for planning and
    /// maps; empty unless the run was asked to keep them (`RunOptions.keepsContextLayers`).
    public let contextLayers: [ContextLayer]
    /// Warnings for the planner (each printed as one `warning:` line).
    public let warnings: [String]
    /// The run's working state when it was asked to keep it (`RunOptions.keepsWorkingState`), else nil.
    public var workingState: KeptAlive?
    /// The partition files a merged result was assembled from (empty for a single-process run); the manifest
    /// lists them as `parts`, and that member is the only difference from the single-process output.
    public var mergedParts: [PartRecord] = []
    /// The counts of the whole run when this result holds only some of its sites (a chunk of a merged run's
    /// output, in output order); nil: this result holds every site.
    public var totals: RunTotals?

    /// The TOPSIS intermediates, when the method was TOPSIS.
    public var topsis: TOPSISResult? {
        if case .topsis(let r) = outcome { return r }
        return nil
    }

    /// Each site's name for people (the scenario's `label_field`, else the `name` property), nil where it has none.
    public var siteLabels: [String?] {
        let field = scenario.labelField ?? "name"
        return candidates.map { f in
            switch f.properties[field] {
            case .string(let s)? where !s.isEmpty: s
            case .number(let n)?: SiteID.number(n).description
            default: nil
            }
        }
    }

    /// "id (name)", or the id alone when the site has no name or the name is the id.
    public func displayName(_ s: Int, labels: [String?]) -> String {
        guard let label = labels[s], label != siteIDs[s].description else { return siteIDs[s].description }
        return "\(siteIDs[s]) (\(label))"
    }

    /// The number of candidates of the run.
    public var candidateTotal: Int { totals?.candidates ?? siteIDs.count }

    /// The number of ranked sites of the run.
    public var scoredTotal: Int { totals?.scored ?? eligibleIndices.count }

    /// `exclusionCounts` of the whole run.
    public var exclusionTotals: [(reason: String, count: Int)] { totals?.exclusions ?? exclusionCounts }

    /// Indices of the eligible sites, in input order.
    public var eligibleIndices: [Int] { exclusions.indices.filter { exclusions[$0].isEmpty } }

    /// The number of sites each constraint (and each `missing:<field>`) excluded, in first-seen order.
    public var exclusionCounts: [(reason: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for reasons in exclusions {
            for r in reasons {
                if counts[r] == nil { order.append(r) }
                counts[r, default: 0] += 1
            }
        }
        return order.map { ($0, counts[$0]!) }
    }
}

/// A context layer of a run: its features as read and their geometries in the working CRS.
public struct ContextLayer: Sendable {
    /// The layer's name in the scenario.
    public let name: String
    /// The file it was read from.
    public let path: String
    /// The features as read (properties, original geometry).
    public let features: [Feature]
    /// Each feature's geometry in the working CRS (nil where it has none).
    public let geometries: [Geometry?]
    /// Members of the file's collection other than the features (e.g. `attribution` of the shipped official layers).
    public let foreignMembers: JSONObject
}

/// A per-site figure of the aggregation method (VIKOR's S, R, Q; PROMETHEE's φ⁺, φ⁻).
public struct MethodColumn: Sendable {
    /// The output property.
    public let name: String
    /// Per site; nil when the site is excluded.
    public let values: [Double?]
}

/// One criterion's values for all sites.
public struct CriterionColumn: Sendable {
    public let criterion: Criterion
    /// The raw value per site (NaN where missing, or where the criterion is a text attribute).
    public let raw: [Double]
    /// The raw text per site for a `categories` attribute (nil elsewhere).
    public let text: [String?]?
    /// The value-function result v per site (nil for excluded sites).
    public let values: [Double?]

    /// The criterion's id (the raw value's output property), kept apart from `criterion` so hot loops
    /// do not copy the whole criterion.
    public let id: String
    /// The output property of the value-function result, `<id>_value`.
    public let valueName: String

    init(criterion: Criterion, raw: [Double], text: [String?]?, values: [Double?]) {
        self.criterion = criterion
        self.raw = raw
        self.text = text
        self.values = values
        self.id = criterion.id
        self.valueName = criterion.id + "_value"
    }

    /// Whether `raw` holds whole numbers (counts, `inside`), written without a fraction.
    public var isIntegral: Bool {
        switch criterion.kind {
        case .countWithin, .inside: true
        default: false
        }
    }
}

/// A file the run read.
public struct InputRecord: Sendable, Hashable {
    public var layer: String
    public var path: String
    public var sha256: String
    /// The GeoJSON collection's `attribution` foreign member (the licence's credit line), when it has one.
    public var attribution: String? = nil
    /// The GeoJSON collection's `derivation` foreign member (what was changed), when it has one.
    public var derivation: String? = nil
}

/// The counts of a run, for results that hold only some of its sites.
public struct RunTotals: Sendable {
    public var candidates: Int
    public var scored: Int
    /// Sites per constraint (and `missing:<field>`), in first-seen order.
    public var exclusions: [(reason: String, count: Int)]
}

/// A value kept alive and never read again: the working state of a run whose caller exits without freeing it
/// (`RunOptions.keepsWorkingState`). `@unchecked Sendable` is sound because nothing can reach the value.
public final class KeptAlive: @unchecked Sendable {
    private let value: Any

    init(_ value: Any) { self.value = value }
}
