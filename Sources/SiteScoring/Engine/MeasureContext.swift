import Dispatch
import Foundation
import GeoCore

/// One criterion measured for every site, before value functions.
struct MeasuredCriterion {
    /// Raw value per site; NaN where the site lacks the attribute or the criterion is textual.
    var raw: [Double]
    /// Raw text per site for a `categories` attribute.
    var text: [String?]?
    /// The field whose absence excludes a site, and per site whether it is absent.
    var missingField: String?
    var missing: [Bool]?
}

/// The layers' spatial indexes and the per-site measuring of criteria and constraints.
/// Sites are split into chunks run on all cores; each chunk writes its own slots, so results
/// are the same for any thread count.
struct MeasureContext {
    let layers: [String: LoadedLayer]
    let sites: SiteTable
    let threads: Int
    let progress: (@Sendable (String, Double) -> Void)?
    /// Spatial index per used layer, over its features with a geometry; `features[k]` maps entry k to the layer's feature index.
    var indexes: [String: (index: SpatialIndex, features: [Int])] = [:]
    /// Per `sum_within` (layer, field) (`valueKey`): each feature's value.
    var fieldValues: [String: [Double]] = [:]
    /// Radius grids of point layers, per layer and summed fields (`gridKey`): where a group of radius criteria is
    /// measured from a grid. A layer only those criteria read has a grid and no entry in `indexes`.
    var grids: [String: PointRadiusGrid] = [:]
    /// Collect every field problem before throwing (`validate`).
    var collectsErrors = false
    /// The candidates' fields as tallied over the whole file when `sites` holds only some of them (streaming);
    /// nil: tallied from `sites`.
    var candidateFields: FieldTally?

    init(layers: [String: LoadedLayer], sites: SiteTable, threads: Int, progress: (@Sendable (String, Double) -> Void)?) {
        self.layers = layers
        self.sites = sites
        self.threads = max(1, threads)
        self.progress = progress
    }

    /// Runs `body(site, query)` for every site, in parallel chunks with one index query object per chunk.
    func forEachSite(layer: String?, stage: String, _ body: @escaping @Sendable (Int, inout SpatialIndex.Query?) -> Void) {
        let n = sites.count
        guard n > 0 else { return }
        let chunkSize = max(256, n / (threads * 8) + 1)
        let chunks = (n + chunkSize - 1) / chunkSize
        let index = layer.flatMap { indexes[$0]?.index }
        var report: (@Sendable (Double) -> Void)?
        if let progress { report = { fraction in progress(stage, fraction) } }
        let counter = ProgressCounter(total: chunks, report: report)
        let work: @Sendable (Int) -> Void = { chunk in
            var query = index?.makeQuery()
            for site in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) { body(site, &query) }
            counter.advance()
        }
        if threads == 1 {
            for chunk in 0..<chunks { work(chunk) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        }
    }
}
