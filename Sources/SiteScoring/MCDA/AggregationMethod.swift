/// The aggregation method that turns criterion values into one score per site (higher is better for every one).
public enum AggregationMethod: String, Sendable, Hashable, CaseIterable {
    /// Weighted sum (weighted linear combination) of the value-function results.
    case wsm
    /// TOPSIS (Hwang & Yoon 1981): closeness to the ideal solution.
    case topsis
    /// VIKOR (Opricovic & Tzeng 2004): compromise ranking by Q; score = 1 − Q.
    case vikor
    /// PROMETHEE II (Brans & Vincke 1985): net outranking flow φ.
    case promethee2

    /// The name planners read in summaries and reports.
    public var displayName: String {
        switch self {
        case .wsm: "WSM"
        case .topsis: "TOPSIS"
        case .vikor: "VIKOR"
        case .promethee2: "PROMETHEE II"
        }
    }
}
