/// Distinct nodes and volume together. The nodes of a clique's pods may hold other pods too, but
/// only as much as their room leaves, and the rest of the pods need nodes of their own.
///
/// Let Q be the clique's pods, q ∈ Q on its own node of kind k_q, and y the volume bound's pod
/// values (`VolumeBound`) with its weights, f_k(p) = Σ_r w_{k,r}·req_{p,r}/a_{k,r}. Other pods on
/// q's node have values adding up to at most c_{k_q}·(1 − f_{k_q}(q)) (their shares and q's add up
/// to at most 1), and pods on other nodes at most those nodes' prices. With Y the values of the
/// pods outside Q, any valid plan costs at least
///
///     Σ_q c_{k_q} + max(0, Y − Σ_q c_{k_q}·(1 − f_{k_q}(q)))
///     ≥ λ·Y + Σ_q min over q's kinds k of c_k·(1 − λ + λ·f_k(q))     for every λ in [0, 1],
///
/// since max(0, z) ≥ λz. λ = 0 is the distinct-node bound, λ = 1 the volume bound; the right-hand
/// side is concave in λ, so a golden-section search finds the best λ in between. The minimum runs
/// over every candidate (not the volume bound's undominated rows, which ignore price alone).
/// With the volume bound's NodePool-limit multipliers μ, every price becomes c_k + μ·u_k and
/// μ·B is subtracted, as there.
enum CliqueVolumeBound {
    static func value(members: [(classIndex: Int, pods: Int)], classes: [CompatibilityClass], slots: [NodeSlot],
                      volume: VolumeBound, weights: [[Double]], budgets: [PoolBudget],
                      multipliers: [Double]) -> Double {
        guard !members.isEmpty, !weights.isEmpty else { return 0 }
        let pricedBudgets = zip(budgets, multipliers).reduce(0) { $0 + $1.1 * $1.0.budget }
        var inClique = Array(repeating: 0, count: classes.count)
        for member in members { inClique[member.classIndex] = member.pods }
        var outside = 0.0
        for index in classes.indices {
            let value = volume.podValue(ofClass: index, weights, multipliers)
            outside += Double(classes[index].count - inClique[index]) * value
        }
        // Per clique class and candidate: its price (with multipliers) and price × f_k.
        let terms = members.map { member in
            let requests = classes[member.classIndex].requests
            return classes[member.classIndex].candidates.map { candidate -> (price: Double, share: Double) in
                let slot = slots[candidate.slot]
                let weighting = weights[slot.template]
                var share = 0.0
                for (offset, position) in volume.resources.enumerated() where requests[position] > 0 {
                    share += weighting[offset] * Double(requests[position]) / Double(slot.room[position])
                }
                let price = zip(budgets, multipliers).reduce(candidate.price) {
                    $0 + $1.1 * $1.0.usage[candidate.slot]
                }
                return (price, price * share)
            }
        }
        func bound(_ lambda: Double) -> Double {
            var total = lambda * outside - pricedBudgets
            for (member, candidates) in zip(members, terms) {
                let cheapest = candidates.lazy.map { $0.price * (1 - lambda) + lambda * $0.share }.min() ?? 0
                total += Double(member.pods) * cheapest
            }
            return total
        }
        return max(bound(0), bound(1), GoldenSection.maximum(low: 0, high: 1, bound).value)
    }
}
