import GeoCore

/// The uncapacitated heuristic: lazy greedy, then Teitz–Bart vertex substitution, from a few deterministic
/// starts, keeping the best local optimum (ties: the earlier start).
///
/// Starts: plain greedy; greedy whose first site is forced to each of the next-best single sites
/// (`extraStarts`, a cheap multi-start that escapes the local optimum greedy + swaps can share, e.g. a
/// p-median whose best single site is not in any good K-set); with a budget, the same again ranking by
/// gain per cost. Extra starts run only while the instance has at most `multiStartPairLimit` service
/// pairs, so very large instances cost one start.
struct MultiStartSearch {
    let graph: ServiceGraph
    let rules: SiteRules
    let threads: Int?
    static let extraStarts = 3
    static let multiStartPairLimit = 5_000_000

    struct Outcome {
        var open: [Int]
        var value: Double
        /// Value of the plain greedy (first start) before local search.
        var greedyValue: Double
    }

    func run() -> Outcome {
        let empty = MeritState(graph: graph)
        var firsts: [Int?] = [nil]
        if graph.pairCount <= Self.multiStartPairLimit {
            let gains = parallelChunks(count: graph.candidateCount, threads: threads, minChunk: 64) { range in
                range.map { empty.gain(of: $0, graph) }
            }.flatMap { $0 }
            let ranked = gains.indices.filter { gains[$0] > 0 }.sorted { gains[$0] != gains[$1] ? gains[$0] > gains[$1] : $0 < $1 }
            firsts += ranked.dropFirst().prefix(Self.extraStarts).map { Optional($0) }
        }
        let rankings = rules.budget != nil ? [false, true] : [false]
        var best: Outcome?
        for perCost in rankings {
            for first in firsts {
                var sites = SiteSet(rules: rules, candidateCount: graph.candidateCount)
                var state = empty
                if let first {
                    guard sites.canAdd(first) else { continue }
                    state.add(first, slot: 0, graph: graph)
                    sites.add(first)
                }
                let greedy = GreedySelection.run(graph: graph, state: &state, sites: &sites, threads: threads, perCost: perCost)
                VertexSubstitution.run(graph: graph, sites: &sites, threads: threads)
                let value = MeritState(graph: graph, open: sites.open).value(graph)
                if best == nil {
                    best = Outcome(open: sites.open, value: value, greedyValue: greedy)
                } else if value > best!.value + 1e-12 * Swift.max(1, abs(best!.value)) {
                    best!.open = sites.open
                    best!.value = value
                }
            }
        }
        return best!
    }
}
