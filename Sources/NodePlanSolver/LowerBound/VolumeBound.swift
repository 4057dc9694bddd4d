/// The resource-volume bound: LP duality with one weighting of the resources.
///
/// For weights w ≥ 0 with Σ_r w_r = 1, a node of kind k (price c_k, room a_k) can only hold pods
/// whose Σ_r w_r·req_r/a_{k,r} adds up to at most 1, because each resource's share is at most 1.
/// Give every pod p the value y_p = min over the kinds k it may use of c_k·Σ_r w_r·req_{p,r}/a_{k,r}.
/// Then the pods on any node of kind k have values adding up to at most c_k: each of them may use
/// k, so each value is at most its own c_k·(weighted share of k), and the shares add up to at most
/// 1. Summing over the nodes of any valid plan, its cost is at least Σ_p y_p. Nothing in this
/// argument asks which pods share a node, so pods of different classes sharing nodes are covered;
/// what it needs is the same weights for every pod, and a minimum over the kinds each pod may use.
///
/// (These y are a feasible dual of the configuration LP; with the best weights per node kind the
/// bound would equal the fractional "fluid" LP, with one weighting it can only be lower.)
///
/// Every weighting gives a valid bound, so the search below only decides how tight it is. The
/// bound is concave in w (a sum of minima of linear functions), so it is maximised by starting
/// from the best of the pure and uniform weightings, then moving weight between pairs of
/// resources with a golden-section line search until a round gains nothing. A simplex method
/// would find the exact maximum; with a handful of resources this search reaches it or comes
/// within rounding in microseconds per class, and cannot return an invalid bound.
struct VolumeBound {
    /// Resource positions some pod requests: the only ones a weight can pay off on.
    let resources: [Int]
    private let counts: [Double]
    /// Per class, for each undominated candidate, price × request / room of each of `resources`,
    /// flattened: the cost per unit of weight one pod puts on that node kind.
    private let unitCosts: [[Double]]

    init(classes: [CompatibilityClass], slots: [NodeSlot]) {
        let width = classes.first?.requests.count ?? 0
        let resources = (0..<width).filter { position in classes.contains { $0.requests[position] > 0 } }
        self.resources = resources
        // Classes with the same offers and requests have the same candidates: one row set each.
        var merged: [MergeKey: Int] = [:]
        var counts: [Double] = []
        var unitCosts: [[Double]] = []
        for podClass in classes where !podClass.candidates.isEmpty {
            let key = MergeKey(offers: podClass.offersIndex, requests: podClass.requests)
            if let index = merged[key] {
                counts[index] += Double(podClass.count)
                continue
            }
            let rows = podClass.candidates.map { candidate in
                let room = slots[candidate.slot].room
                return resources.map { position in
                    let request = podClass.requests[position]
                    // A fitting positive request implies a positive room.
                    return request > 0 ? candidate.price * Double(request) / Double(room[position]) : 0
                }
            }
            merged[key] = counts.count
            counts.append(Double(podClass.count))
            unitCosts.append(Self.undominated(rows).flatMap { $0 })
        }
        self.counts = counts
        self.unitCosts = unitCosts
    }

    private struct MergeKey: Hashable {
        var offers: Int
        var requests: ResourceVector
    }

    /// Rows no other row beats in every resource: the rest never attain a minimum.
    private static func undominated(_ rows: [[Double]]) -> [[Double]] {
        var kept: [[Double]] = []
        let sums = rows.map { $0.reduce(0, +) }
        for index in rows.indices.sorted(by: { sums[$0] < sums[$1] }) {
            let row = rows[index]
            let dominated = kept.contains { keptRow in zip(keptRow, row).allSatisfy { $0 <= $1 } }
            if !dominated { kept.append(row) }
        }
        return kept
    }

    /// The bound for `weights` (non-negative, one per entry of `resources`), normalised to sum 1.
    func value(_ weights: [Double]) -> Double {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return 0 }
        let dimension = resources.count
        var total = 0.0
        for (index, costs) in unitCosts.enumerated() {
            var best = Double.infinity
            var start = 0
            while start < costs.count {
                var cost = 0.0
                for offset in 0..<dimension { cost += weights[offset] * costs[start + offset] }
                best = min(best, cost)
                start += dimension
            }
            total += counts[index] * best
        }
        return total / sum
    }

    /// The best weighting found and its bound.
    func maximized() -> (value: Double, weights: [Double]) {
        let dimension = resources.count
        guard dimension > 0, !unitCosts.isEmpty else { return (0, []) }
        var starts = (0..<dimension).map { position in (0..<dimension).map { $0 == position ? 1.0 : 0.0 } }
        starts.append(Array(repeating: 1 / Double(dimension), count: dimension))
        var weights = starts.max { value($0) < value($1) }!
        var best = value(weights)
        for _ in 0..<Self.maximumRounds {
            let before = best
            for first in 0..<dimension {
                for second in (first + 1)..<dimension {
                    (weights, best) = lineSearch(weights, best, from: first, to: second)
                }
            }
            if best - before <= before * 1e-12 { break }
        }
        return (best, weights)
    }

    private static let maximumRounds = 12
    private static let goldenSteps = 48

    /// Moves weight t from resource `first` to `second` (t may be negative), t chosen by golden
    /// section on the concave bound; keeps the current weights unless a move is better.
    private func lineSearch(_ weights: [Double], _ current: Double, from first: Int, to second: Int)
        -> ([Double], Double) {
        func moved(_ amount: Double) -> [Double] {
            var result = weights
            result[first] = max(0, result[first] - amount)
            result[second] = max(0, result[second] + amount)
            return result
        }
        var low = -weights[second]
        var high = weights[first]
        guard high - low > 1e-15 else { return (weights, current) }
        let ratio = (5.0.squareRoot() - 1) / 2
        var left = high - ratio * (high - low)
        var right = low + ratio * (high - low)
        var leftValue = value(moved(left))
        var rightValue = value(moved(right))
        for _ in 0..<Self.goldenSteps {
            if leftValue < rightValue {
                low = left
                left = right
                leftValue = rightValue
                right = low + ratio * (high - low)
                rightValue = value(moved(right))
            } else {
                high = right
                right = left
                rightValue = leftValue
                left = high - ratio * (high - low)
                leftValue = value(moved(left))
            }
        }
        let (amount, found) = leftValue >= rightValue ? (left, leftValue) : (right, rightValue)
        return found > current ? (moved(amount), found) : (weights, current)
    }
}
