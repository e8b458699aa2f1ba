/// Quantile classes of the eligible sites' scores for the map: `count` classes holding about equally many
/// sites (class 0 lowest). Breaks are scores at the k/count quantiles (nearest rank), so ties never split.
struct ScoreClasses: Sendable, Hashable {
    /// Lower bounds of classes 1…count−1, ascending.
    let breaks: [Double]
    let minimum: Double
    let maximum: Double

    /// Sequential colours, light (low) to dark (high): ColorBrewer YlGnBu.
    static let colours = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]

    init?(scores: [Double], count: Int = 5) {
        let sorted = scores.filter(\.isFinite).sorted()
        guard let lo = sorted.first, let hi = sorted.last else { return nil }
        minimum = lo
        maximum = hi
        let k = max(1, min(count, sorted.count))
        var breaks: [Double] = []
        for i in 1..<k {
            let b = sorted[min(sorted.count - 1, i * sorted.count / k)]
            if b > (breaks.last ?? lo) { breaks.append(b) }
        }
        self.breaks = breaks
    }

    /// The class of `score` (0 = lowest).
    func index(of score: Double) -> Int { breaks.filter { $0 <= score }.count }

    var classCount: Int { breaks.count + 1 }

    /// The colour of class `i`, spread over the palette when there are fewer classes than colours.
    func colour(_ i: Int) -> String {
        let palette = Self.colours
        guard classCount > 1 else { return palette[palette.count - 1] }
        let j = Int((Double(i) * Double(palette.count - 1) / Double(classCount - 1)).rounded())
        return palette[j]
    }

    /// The score range of class `i`: [lower, upper].
    func range(_ i: Int) -> (Double, Double) {
        (i == 0 ? minimum : breaks[i - 1], i == classCount - 1 ? maximum : breaks[i])
    }
}
