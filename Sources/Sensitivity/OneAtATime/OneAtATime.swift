import SiteScoring

/// One-at-a-time weight sweeps: for each criterion i, wᵢ takes the values 0, step, …, 1 and the other
/// weights are rescaled proportionally (``WeightPath``); plus exact stability intervals and tipping points.
///
/// OAT explores only the lines through the current weights, one criterion at a time, so it cannot show
/// interactions between criteria (Saltelli et al. 2008, ch. 1; Saltelli & Annoni 2010): read it together
/// with Monte Carlo or SMAA.
public enum OneAtATime {
    /// Runs the sweep, the stability intervals and the tipping points.
    /// - Parameters:
    ///   - step: grid step in (0, 1]; the grid is 0, step, 2·step, …, 1.
    ///   - top: N of "top N" (≥ 1).
    ///   - resolution: for models that are not weight-linear (TOPSIS), the bracketing grid of the stability
    ///     and tipping searches; crossings are then refined by bisection (stability) or interpolation (tipping).
    public static func run(_ problem: SensitivityProblem, step: Double = 0.05, top: Int,
                           resolution: Double = 0.01) throws(SensitivityError) -> OATResult {
        guard step > 0, step <= 1 else { throw .invalidParameter(name: "step", value: step, expected: "0 < step ≤ 1") }
        guard top >= 1 else { throw .invalidParameter(name: "top", value: Double(top), expected: "≥ 1") }
        guard resolution > 0, resolution <= 1 else {
            throw .invalidParameter(name: "resolution", value: resolution, expected: "0 < resolution ≤ 1")
        }
        let ids = problem.siteIDs
        let current = problem.scores(problem.weights)
        let currentRanks = Ranking.rank(scores: current, ids: ids)
        let count = Int((1 / step).rounded(.down)) + 1
        var values = (0..<count).map { min(1, Double($0) * step) }
        if values.last! < 1 - 1e-12 { values.append(1) }

        var grid: [OATGridPoint] = []
        var stability: [StabilityInterval] = []
        var tipping = TippingSearch(problem: problem, top: top, currentScores: current)
        // Same order as Ranking.rank (tested), radix-sorted: hundreds of full rankings for large problems.
        var sorter = RankSorter(idOrder: problem.idOrder)
        var ranks = [Int32](repeating: 0, count: ids.count)
        for c in 0..<problem.criterionCount {
            let path = WeightPath(weights: problem.weights, criterion: c)
            let lines = PathScores(path: path, model: problem.model)
            for t in values {
                let scores = problem.scores(path.weights(at: t))
                scores.withUnsafeBufferPointer { sorter.sort(scores: $0) }
                for (position, site) in sorter.order.enumerated() { ranks[Int(site)] = Int32(position + 1) }
                grid.append(OATGridPoint(criterion: c, weight: t, scores: scores, ranks: ranks))
            }
            stability.append(StabilitySearch.interval(problem: problem, lines: lines, top: top,
                                                      currentScores: current, resolution: resolution))
            tipping.add(lines: lines, resolution: resolution)
        }
        return OATResult(step: step, top: top, criterionIDs: problem.criterionIDs, siteIDs: ids,
                         currentScores: current, currentRanks: currentRanks, grid: grid,
                         stability: stability, tipping: tipping.result(currentRanks: currentRanks))
    }
}
