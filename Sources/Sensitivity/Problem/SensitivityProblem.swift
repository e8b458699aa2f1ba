import SiteScoring

/// One decision problem prepared for sensitivity analysis: the sites, the criteria, the scenario's weights
/// and a ``ScoringModel`` that scores every site for any weight vector (the spatial criteria are computed once).
public struct SensitivityProblem: Sendable {
    /// One id per site, in the model's alternative order.
    public let siteIDs: [SiteID]
    /// One id per criterion, in the model's criterion order.
    public let criterionIDs: [String]
    /// The scenario's weights, normalised to sum 1.
    public let weights: [Double]
    /// The prepared aggregation (``WeightedSumModel``, ``TOPSISModel``, …).
    public let model: any ScoringModel
    /// Site indices sorted by ``SiteID`` (then position): the ranking's tie-break order, computed once.
    let idOrder: [Int32]

    /// - Throws: ``SensitivityError/countMismatch(what:listed:modelCount:)`` when the ids do not match the model,
    ///   ``SensitivityError/invalidWeights(_:)`` when a weight is negative or not finite, or all are 0.
    ///   Weights that do not sum to 1 are divided by their sum.
    public init(siteIDs: [SiteID], criterionIDs: [String], weights: [Double], model: any ScoringModel) throws(SensitivityError) {
        guard siteIDs.count == model.alternativeCount else {
            throw .countMismatch(what: "site", listed: siteIDs.count, modelCount: model.alternativeCount)
        }
        guard criterionIDs.count == model.criterionCount else {
            throw .countMismatch(what: "criterion", listed: criterionIDs.count, modelCount: model.criterionCount)
        }
        guard weights.count == model.criterionCount else {
            throw .countMismatch(what: "weight", listed: weights.count, modelCount: model.criterionCount)
        }
        let sum = weights.reduce(0, +)
        guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }), sum > 0, sum.isFinite else {
            throw .invalidWeights(weights)
        }
        self.siteIDs = siteIDs
        self.criterionIDs = criterionIDs
        self.weights = weights.map { $0 / sum }
        self.model = model
        // Ranking all-equal scores yields exactly the tie-break order (id, then position).
        idOrder = Ranking.order(scores: [Double](repeating: 0, count: siteIDs.count), ids: siteIDs).map { Int32($0) }
    }

    /// Number of sites.
    public var siteCount: Int { siteIDs.count }
    /// Number of criteria.
    public var criterionCount: Int { criterionIDs.count }

    /// The scores for `weights`.
    func scores(_ weights: [Double]) -> [Double] { model.scores(weights: weights) }

    /// The current ranks (1…n) at the scenario's weights.
    public func currentRanks() -> [Int] {
        Ranking.rank(scores: scores(weights), ids: siteIDs)
    }
}
