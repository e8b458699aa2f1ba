import SiteScoring

/// Scores of all sites along one ``WeightPath``. For a ``WeightLinearScoringModel`` each site's score is the
/// line sᵢ(t) = bᵢ + t·mᵢ (bᵢ at t = 0, bᵢ + mᵢ at t = 1); otherwise the model is evaluated at w(t).
struct PathScores {
    let path: WeightPath
    let model: any ScoringModel
    /// Intercepts and slopes when the model is weight-linear.
    let intercept: [Double]?
    let slope: [Double]?

    init(path: WeightPath, model: any ScoringModel) {
        self.path = path
        self.model = model
        if model is any WeightLinearScoringModel, path.rest.count > 1 {
            let b = model.scores(weights: path.weights(at: 0))
            let a = model.scores(weights: path.weights(at: 1))
            intercept = b
            slope = zip(a, b).map { $0 - $1 }
        } else {
            intercept = nil
            slope = nil
        }
    }

    var isLinear: Bool { intercept != nil }

    func scores(at t: Double) -> [Double] {
        if let b = intercept, let m = slope {
            return (0..<b.count).map { b[$0] + t * m[$0] }
        }
        return model.scores(weights: path.weights(at: t))
    }
}
