import SiteScoring

/// A ``ScoringModel`` whose scores are linear in the weights: score(w) = Σⱼ wⱼ·vⱼ.
///
/// Along a one-at-a-time path the weights are affine in the swept weight, so each site's score is a straight
/// line and stability intervals and tipping points can be solved exactly from line intersections.
/// Models that do not conform (TOPSIS, VIKOR) are bracketed on a grid and refined by bisection.
public protocol WeightLinearScoringModel: ScoringModel {}

extension WeightedSumModel: WeightLinearScoringModel {}

/// PROMETHEE II's net flow is Σⱼ wⱼ·φⱼ over the single-criterion net flows, so it is weight-linear too and its
/// stability intervals are exact.
extension PROMETHEEModel: WeightLinearScoringModel {}
