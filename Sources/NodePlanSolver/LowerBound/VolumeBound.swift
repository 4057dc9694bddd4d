/// The resource-volume bound: LP duality with one weighting of the resources per NodePool.
///
/// Give every node kind k (price c_k, room a_k) weights w_k ≥ 0 with Σ_r w_{k,r} = 1. A node of
/// kind k can only hold pods whose Σ_r w_{k,r}·req_r/a_{k,r} adds up to at most 1, because each
/// resource's share is at most 1. Give every pod p the value
///
///     y_p = min over the kinds k that p may use of c_k · Σ_r w_{k,r}·req_{p,r}/a_{k,r}.
///
/// The pods on any node of kind k then have values adding up to at most c_k: each may use k, so
/// each value is at most its own c_k·(weighted share of k), and those shares add up to at most
/// 1. Summing over the nodes of any valid plan, its cost is at least Σ_p y_p. The argument never
/// asks which pods share a node, so pods of different classes (or pools they could both use)
/// sharing nodes are covered. What it needs: the same weights for every pod on a node kind, and
/// a minimum over every kind each pod may use. (These y are a feasible dual of the configuration
/// LP; with the best weights per node kind the bound equals the fractional "fluid" LP.)
///
/// NodePool limits enter by Lagrangian relaxation: a pool whose new nodes may use at most B of a
/// quantity (nodes, or capacity of a resource), u_k per node of kind k, gets a multiplier μ ≥ 0;
/// pricing its kinds at c_k + μ·u_k gives a bound on Σ (c_k + μ·u_k) over the plan's nodes, which
/// exceeds the plan's cost by at most μ·B, so subtracting μ·B leaves a valid bound for every μ.
///
/// Weights are chosen per NodePool: pools hold different work (GPU nodes are full when their
/// GPUs are, general nodes when CPU or memory is), and a single weighting for all would price
/// one of them by the wrong resource. Every weighting gives a valid bound, so the search only
/// decides how tight it is. The bound is concave in the weights (a sum of minima of linear
/// functions), so it is maximised by starting each pool from the best of the pure and uniform
/// weightings, then moving weight between pairs of resources of one pool at a time with a
/// golden-section line search, until a round gains nothing; then each multiplier is searched
/// (doubling, then golden section: the bound is concave in it) and the weights again. A simplex method would find the
/// exact maximum; on the tests and benchmarks this search comes within rounding of the optimum on
/// the tight cases, costs milliseconds, and cannot return an invalid bound.
struct VolumeBound {
    /// A candidate node kind of a merged class: its weighting, price × request / room of each of
    /// `resources` (the cost per unit of weight one pod puts on it), and the same with each
    /// budget's usage in place of the price.
    private struct Row {
        var group: Int
        var costs: [Double]
        var budgetCosts: [(budget: Int, costs: [Double])]

        /// Whether this row costs no more than `other` for every weighting and multipliers.
        func dominates(_ other: Row) -> Bool {
            guard group == other.group, zip(costs, other.costs).allSatisfy({ $0 <= $1 }) else { return false }
            return zip(budgetCosts, other.budgetCosts).allSatisfy { mine, theirs in
                zip(mine.costs, theirs.costs).allSatisfy { $0 <= $1 }
            }
        }
    }

    /// Resource positions some pod requests: the only ones a weight can pay off on.
    let resources: [Int]
    /// The number of weightings (NodePools).
    private let groups: Int
    private let budgets: [PoolBudget]
    private let counts: [Double]
    /// Per class, its merged row set (nil for a class without candidates).
    private let mergedClass: [Int?]
    private let rows: [[Row]]

    init(classes: [CompatibilityClass], slots: [NodeSlot], groups: Int, budgets: [PoolBudget]) {
        let width = classes.first?.requests.count ?? 0
        let resources = (0..<width).filter { position in classes.contains { $0.requests[position] > 0 } }
        self.resources = resources
        self.groups = groups
        self.budgets = budgets
        let budgetsOfGroup = (0..<groups).map { group in budgets.indices.filter { budgets[$0].template == group } }
        // Classes with the same offers and requests have the same candidates: one row set each.
        var merged: [MergeKey: Int] = [:]
        var counts: [Double] = []
        var rows: [[Row]] = []
        var mergedClass: [Int?] = []
        for podClass in classes {
            guard !podClass.candidates.isEmpty else {
                mergedClass.append(nil)
                continue
            }
            let key = MergeKey(offers: podClass.offersIndex, requests: podClass.requests)
            if let index = merged[key] {
                counts[index] += Double(podClass.count)
                mergedClass.append(index)
                continue
            }
            mergedClass.append(counts.count)
            let candidateRows = podClass.candidates.map { candidate in
                let slot = slots[candidate.slot]
                let shares = resources.map { position in
                    let request = podClass.requests[position]
                    // A fitting positive request implies a positive room.
                    return request > 0 ? Double(request) / Double(slot.room[position]) : 0
                }
                return Row(group: slot.template, costs: shares.map { candidate.price * $0 },
                           budgetCosts: budgetsOfGroup[slot.template].map { budget in
                               (budget, shares.map { budgets[budget].usage[candidate.slot] * $0 })
                           })
            }
            merged[key] = counts.count
            counts.append(Double(podClass.count))
            rows.append(Self.undominated(candidateRows))
        }
        self.counts = counts
        self.rows = rows
        self.mergedClass = mergedClass
    }

    private struct MergeKey: Hashable {
        var offers: Int
        var requests: ResourceVector
    }

    /// Rows no other row beats for every weighting and multipliers: the rest never attain a minimum.
    private static func undominated(_ rows: [Row]) -> [Row] {
        var kept: [Row] = []
        let sums = rows.map { $0.costs.reduce(0, +) }
        for index in rows.indices.sorted(by: { sums[$0] < sums[$1] })
        where !kept.contains(where: { $0.dominates(rows[index]) }) {
            kept.append(rows[index])
        }
        return kept
    }

    /// The bound for `weights` (per weighting, non-negative, one per entry of `resources`; each
    /// normalised to sum 1) and `multipliers` (one per budget, non-negative).
    func value(_ weights: [[Double]], multipliers: [Double]) -> Double {
        let normalised = Self.normalised(weights)
        var total = 0.0
        for index in rows.indices { total += counts[index] * podValue(merged: index, normalised, multipliers) }
        for (budget, multiplier) in zip(budgets, multipliers) { total -= multiplier * budget.budget }
        return total
    }

    /// y_p for a pod of class `classIndex` under normalised `weights` and `multipliers`; zero
    /// without candidates.
    func podValue(ofClass classIndex: Int, _ weights: [[Double]], _ multipliers: [Double]) -> Double {
        mergedClass[classIndex].map { podValue(merged: $0, weights, multipliers) } ?? 0
    }

    private func podValue(merged index: Int, _ weights: [[Double]], _ multipliers: [Double]) -> Double {
        var best = Double.infinity
        for row in rows[index] {
            let weighting = weights[row.group]
            var cost = 0.0
            for offset in row.costs.indices { cost += weighting[offset] * row.costs[offset] }
            for (budget, costs) in row.budgetCosts where multipliers[budget] > 0 {
                for offset in costs.indices { cost += multipliers[budget] * weighting[offset] * costs[offset] }
            }
            best = min(best, cost)
        }
        return best
    }

    private static func normalised(_ weights: [[Double]]) -> [[Double]] {
        weights.map { weighting in
            let sum = weighting.reduce(0, +)
            return sum > 0 ? weighting.map { $0 / sum } : weighting
        }
    }

    /// The best weightings (normalised) and multipliers found, and their bound.
    func maximized() -> (value: Double, weights: [[Double]], multipliers: [Double]) {
        let dimension = resources.count
        var multipliers = Array(repeating: 0.0, count: budgets.count)
        guard dimension > 0, !rows.isEmpty else { return (0, [], multipliers) }
        var starts = (0..<dimension).map { position in (0..<dimension).map { $0 == position ? 1.0 : 0.0 } }
        starts.append(Array(repeating: 1 / Double(dimension), count: dimension))
        var weights = Array(repeating: starts[dimension], count: groups)
        for group in 0..<groups {
            weights[group] = starts.max { first, second in
                var left = weights
                var right = weights
                left[group] = first
                right[group] = second
                return value(left, multipliers: multipliers) < value(right, multipliers: multipliers)
            }!
        }
        var best = value(weights, multipliers: multipliers)
        (weights, best) = searchWeights(weights, best, multipliers)
        for _ in 0..<(budgets.isEmpty ? 0 : Self.maximumRounds) {
            let before = best
            for budget in budgets.indices {
                (multipliers, best) = searchMultiplier(budget, multipliers, best, weights)
            }
            (weights, best) = searchWeights(weights, best, multipliers)
            if best - before <= abs(before) * 1e-12 { break }
        }
        return (best, Self.normalised(weights), multipliers)
    }

    private static let maximumRounds = 12

    /// Rounds of pairwise moves within each weighting until a round gains nothing.
    private func searchWeights(_ start: [[Double]], _ current: Double, _ multipliers: [Double])
        -> ([[Double]], Double) {
        var (weights, best) = (start, current)
        let dimension = resources.count
        for _ in 0..<Self.maximumRounds {
            let before = best
            for group in 0..<groups {
                for first in 0..<dimension {
                    for second in (first + 1)..<dimension {
                        let (amount, found) = GoldenSection.maximum(low: -weights[group][second],
                                                                    high: weights[group][first]) { amount in
                            let candidate = Self.moved(weights, group: group, from: first, to: second, by: amount)
                            return value(candidate, multipliers: multipliers)
                        }
                        if found > best {
                            weights = Self.moved(weights, group: group, from: first, to: second, by: amount)
                            best = found
                        }
                    }
                }
            }
            if best - before <= abs(before) * 1e-12 { break }
        }
        return (weights, best)
    }

    private static func moved(_ weights: [[Double]], group: Int, from first: Int, to second: Int, by amount: Double)
        -> [[Double]] {
        var result = weights
        result[group][first] = max(0, result[group][first] - amount)
        result[group][second] = max(0, result[group][second] + amount)
        return result
    }

    /// The best multiplier of one budget with everything else fixed: doubling until the bound
    /// drops, then golden section (the bound is concave in it).
    private func searchMultiplier(_ budget: Int, _ start: [Double], _ current: Double, _ weights: [[Double]])
        -> ([Double], Double) {
        func bound(_ multiplier: Double) -> Double {
            var multipliers = start
            multipliers[budget] = multiplier
            return value(weights, multipliers: multipliers)
        }
        let largestUsage = budgets[budget].usage.max() ?? 0
        guard largestUsage > 0 else { return (start, current) }
        // An average pod's value per unit of usage sets the first step; the maximum lies below
        // the first point where the bound stops rising.
        let firstStep = max(current, 1e-9) / Double(max(1, counts.reduce(0, +))) / largestUsage
        var step = firstStep
        var high = step
        var previous = bound(0)
        var next = bound(high)
        while next > previous, high < 1e12 * firstStep {
            previous = next
            step *= 2
            high += step
            next = bound(high)
        }
        let (multiplier, found) = GoldenSection.maximum(low: 0, high: high, bound)
        guard found > current else { return (start, current) }
        var multipliers = start
        multipliers[budget] = multiplier
        return (multipliers, found)
    }
}
