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
/// Weights are chosen per NodePool: pools hold different work (GPU nodes are full when their
/// GPUs are, general nodes when CPU or memory is), and a single weighting for all would price
/// one of them by the wrong resource. Every weighting gives a valid bound, so the search only
/// decides how tight it is. The bound is concave in the weights (a sum of minima of linear
/// functions), so it is maximised by starting each pool from the best of the pure and uniform
/// weightings, then moving weight between pairs of resources of one pool at a time with a
/// golden-section line search, until a round gains nothing. A simplex method would find the
/// exact maximum; on the tests and benchmarks this search comes within rounding of the optimum on
/// the tight cases, costs milliseconds, and cannot return an invalid bound.
struct VolumeBound {
    /// Resource positions some pod requests: the only ones a weight can pay off on.
    let resources: [Int]
    /// The number of weightings (NodePools).
    private let groups: Int
    private let counts: [Double]
    /// Per class, its merged row set (nil for a class without candidates).
    private let mergedClass: [Int?]
    /// Per merged class, for each undominated candidate, its weighting and price × request / room
    /// of each of `resources`: the cost per unit of weight one pod puts on that node kind.
    private let rows: [[(group: Int, costs: [Double])]]

    init(classes: [CompatibilityClass], slots: [NodeSlot], groups: Int) {
        let width = classes.first?.requests.count ?? 0
        let resources = (0..<width).filter { position in classes.contains { $0.requests[position] > 0 } }
        self.resources = resources
        self.groups = groups
        // Classes with the same offers and requests have the same candidates: one row set each.
        var merged: [MergeKey: Int] = [:]
        var counts: [Double] = []
        var rows: [[(group: Int, costs: [Double])]] = []
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
                let room = slots[candidate.slot].room
                let costs = resources.map { position in
                    let request = podClass.requests[position]
                    // A fitting positive request implies a positive room.
                    return request > 0 ? candidate.price * Double(request) / Double(room[position]) : 0
                }
                return (group: slots[candidate.slot].template, costs: costs)
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

    /// Rows no row of the same weighting beats in every resource: the rest never attain a minimum.
    private static func undominated(_ rows: [(group: Int, costs: [Double])]) -> [(group: Int, costs: [Double])] {
        var kept: [(group: Int, costs: [Double])] = []
        let sums = rows.map { $0.costs.reduce(0, +) }
        for index in rows.indices.sorted(by: { sums[$0] < sums[$1] }) {
            let row = rows[index]
            let dominated = kept.contains { other in
                other.group == row.group && zip(other.costs, row.costs).allSatisfy { $0 <= $1 }
            }
            if !dominated { kept.append(row) }
        }
        return kept
    }

    /// The bound for `weights` (per weighting, non-negative, one per entry of `resources`), each
    /// weighting normalised to sum 1.
    func value(_ weights: [[Double]]) -> Double {
        let normalised = Self.normalised(weights)
        var total = 0.0
        for index in rows.indices { total += counts[index] * podValue(merged: index, normalised) }
        return total
    }

    /// y_p for a pod of class `classIndex` under normalised `weights`; zero without candidates.
    func podValue(ofClass classIndex: Int, _ weights: [[Double]]) -> Double {
        mergedClass[classIndex].map { podValue(merged: $0, weights) } ?? 0
    }

    private func podValue(merged index: Int, _ weights: [[Double]]) -> Double {
        var best = Double.infinity
        for row in rows[index] {
            let weighting = weights[row.group]
            var cost = 0.0
            for offset in row.costs.indices { cost += weighting[offset] * row.costs[offset] }
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

    /// The best weightings found (normalised) and their bound.
    func maximized() -> (value: Double, weights: [[Double]]) {
        let dimension = resources.count
        guard dimension > 0, !rows.isEmpty else { return (0, []) }
        var starts = (0..<dimension).map { position in (0..<dimension).map { $0 == position ? 1.0 : 0.0 } }
        starts.append(Array(repeating: 1 / Double(dimension), count: dimension))
        var weights = Array(repeating: starts[dimension], count: groups)
        for group in 0..<groups {
            weights[group] = starts.max { first, second in
                var left = weights
                var right = weights
                left[group] = first
                right[group] = second
                return value(left) < value(right)
            }!
        }
        var best = value(weights)
        for _ in 0..<Self.maximumRounds {
            let before = best
            for group in 0..<groups {
                for first in 0..<dimension {
                    for second in (first + 1)..<dimension {
                        (weights, best) = lineSearch(weights, best, group: group, from: first, to: second)
                    }
                }
            }
            if best - before <= before * 1e-12 { break }
        }
        return (best, Self.normalised(weights))
    }

    private static let maximumRounds = 12
    private static let goldenSteps = 48

    /// Moves weight t from resource `first` to `second` in one weighting (t may be negative), t
    /// chosen by golden section on the concave bound; keeps the weights unless a move is better.
    private func lineSearch(_ weights: [[Double]], _ current: Double, group: Int, from first: Int, to second: Int)
        -> ([[Double]], Double) {
        func moved(_ amount: Double) -> [[Double]] {
            var result = weights
            result[group][first] = max(0, result[group][first] - amount)
            result[group][second] = max(0, result[group][second] + amount)
            return result
        }
        var low = -weights[group][second]
        var high = weights[group][first]
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
