extension PlanningProblem {
    /// Checks the instance before solving: counts, radius and target against the model, finite positions,
    /// weights, scores (with attractiveness `score`), costs (with a budget) and capacities.
    ///
    /// Capacitated p-median is also checked for total capacity: the `count` largest candidate capacities
    /// plus the existing facilities' capacities must reach the total demand, else the error names the
    /// shortfall.
    public func validate() throws(PlanningError) {
        let s = settings
        guard !candidates.isEmpty else { throw PlanningError(.noCandidates) }
        guard !demand.isEmpty else { throw PlanningError(.noDemand) }
        if s.model != .setcover {
            guard s.count >= 1 else { throw PlanningError(.countNotPositive(count: s.count)) }
            guard s.count <= candidates.count else {
                throw PlanningError(.countExceedsCandidates(count: s.count, candidates: candidates.count))
            }
        }
        if let r = s.radius, !(r.isFinite && r >= 0) { throw PlanningError(.invalidRadius(r)) }
        if s.model != .pmedian {
            guard let r = s.radius else { throw PlanningError(.missingRadius(model: s.model)) }
            guard r > 0 else { throw PlanningError(.invalidRadius(r)) }
        }
        if s.model == .setcover {
            guard let t = s.target, t > 0, t <= 1 else { throw PlanningError(.invalidTarget(s.target)) }
        }
        guard s.minSpacing.isFinite, s.minSpacing >= 0 else { throw PlanningError(.invalidMinSpacing(s.minSpacing)) }
        guard s.timeLimit > 0, !s.timeLimit.isNaN else { throw PlanningError(.invalidTimeLimit(s.timeLimit)) }
        for c in candidates where !c.position.isFinite {
            throw PlanningError(.nonFinitePosition(kind: "candidate site", id: c.id))
        }
        for d in demand {
            guard d.position.isFinite else { throw PlanningError(.nonFinitePosition(kind: "demand point", id: d.id)) }
            guard d.weight.isFinite, d.weight >= 0 else { throw PlanningError(.invalidWeight(demandID: d.id, weight: d.weight)) }
        }
        for e in existing where !e.position.isFinite {
            throw PlanningError(.nonFinitePosition(kind: "existing facility", id: e.id))
        }
        guard totalDemand > 0 else { throw PlanningError(.noDemand) }
        if s.attractiveness == .score && s.model == .mclp {
            for c in candidates where !(c.score >= 0 && c.score <= 1) {
                throw PlanningError(.scoreOutOfRange(candidateID: c.id, score: c.score))
            }
        }
        if let b = s.budget {
            guard b.isFinite, b >= 0 else { throw PlanningError(.invalidBudget(b)) }
            for c in candidates {
                guard let cost = c.cost, cost.isFinite, cost >= 0 else { throw PlanningError(.missingCost(candidateID: c.id)) }
            }
        }
        if let perUnit = s.capacityPerUnit {
            guard s.model != .setcover else { throw PlanningError(.capacityUnsupported(model: s.model)) }
            guard perUnit.isFinite, perUnit > 0 else { throw PlanningError(.invalidPerUnit(perUnit)) }
            for c in candidates {
                guard let cap = c.capacity, cap.isFinite, cap >= 0 else { throw PlanningError(.missingCapacity(candidateID: c.id)) }
            }
            for e in existing {
                if let cap = e.capacity, !(cap.isFinite && cap >= 0) {
                    throw PlanningError(.invalidExistingCapacity(facilityID: e.id, capacity: cap))
                }
            }
            if s.model == .pmedian && !existing.indices.contains(where: { capacity(ofExisting: $0) == nil }) {
                let largest = candidates.indices.map { capacity(ofCandidate: $0)! }.sorted(by: >).prefix(s.count)
                let available = largest.reduce(0, +) + existing.indices.reduce(0) { $0 + capacity(ofExisting: $1)! }
                let total = totalDemand
                if available < total {
                    throw PlanningError(.insufficientCapacity(totalDemand: total, capacity: available, shortfall: total - available))
                }
            }
        }
    }
}
