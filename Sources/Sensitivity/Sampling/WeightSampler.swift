/// How weight vectors are drawn for Monte Carlo and SMAA.
public enum WeightSampler: Sendable, Hashable {
    /// wᵢ·Uᵢ with Uᵢ uniform in [1 − spread, 1 + spread], renormalised to sum 1.
    case perturbed(weights: [Double], spread: Double)
    /// Uniform on the simplex {w ≥ 0, Σw = 1}: normalised standard exponentials (Rubinstein 1982;
    /// Smith & Tromble 2004), i.e. Dirichlet(1, …, 1).
    case uniformSimplex(criteria: Int)
    /// Uniform on the part of the simplex that keeps the order of `weights`: a uniform simplex draw whose
    /// components are sorted and assigned so the largest goes to the criterion with the largest weight.
    /// The simplex splits into k! congruent order cells mapped onto each other by permuting coordinates,
    /// so sorting maps the uniform distribution onto the uniform distribution of one cell
    /// (Lahdelma, Miettinen & Salminen 2003, SMAA with ordinal criteria and weights).
    /// Criteria with equal weights are not ordered among themselves: their values are shuffled.
    case ordinal(weights: [Double])

    var criterionCount: Int {
        switch self {
        case .perturbed(let w, _), .ordinal(let w): w.count
        case .uniformSimplex(let k): k
        }
    }

    /// For `.ordinal`: criterion indices by weight descending (stable), grouped into runs of equal weight.
    static func orderGroups(_ weights: [Double]) -> [[Int]] {
        let order = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
        var groups: [[Int]] = []
        for j in order {
            if let last = groups.last?.last, weights[last] == weights[j] {
                groups[groups.count - 1].append(j)
            } else {
                groups.append([j])
            }
        }
        return groups
    }

    /// Draws one weight vector into `w` (k elements). `scratch` has k elements; `groups` is ``orderGroups(_:)``
    /// for `.ordinal` (ignored otherwise).
    func draw(into w: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>,
              groups: [[Int]], random: inout StreamRandom) {
        let k = w.count
        switch self {
        case .perturbed(let weights, let spread):
            var sum = 0.0
            for j in 0..<k {
                w[j] = weights[j] * (1 - spread + 2 * spread * random.unit())
                sum += w[j]
            }
            for j in 0..<k { w[j] /= sum }
        case .uniformSimplex:
            Self.simplex(into: w, random: &random)
        case .ordinal:
            Self.simplex(into: scratch, random: &random)
            var sorted = scratch
            sorted.sort(by: >)
            var position = 0
            for group in groups {
                for j in group {
                    w[j] = sorted[position]
                    position += 1
                }
                // Fisher–Yates inside a group of equal scenario weights: both orders are admissible.
                if group.count > 1 {
                    for a in stride(from: group.count - 1, to: 0, by: -1) {
                        let b = Int(random.next() % UInt64(a + 1))
                        let (ja, jb) = (group[a], group[b])
                        (w[ja], w[jb]) = (w[jb], w[ja])
                    }
                }
            }
        }
    }

    /// Normalised exponentials: uniform on the simplex.
    static func simplex(into w: UnsafeMutableBufferPointer<Double>, random: inout StreamRandom) {
        var sum = 0.0
        for j in 0..<w.count {
            w[j] = random.exponential()
            sum += w[j]
        }
        for j in 0..<w.count { w[j] /= sum }
    }
}
