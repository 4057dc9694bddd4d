/// What a NodePool's `limits` leave for new nodes: at most `budget` of some quantity summed over
/// the pool's new nodes, each node of slot s using `usage[s]` (1 for the node count, the instance
/// type's capacity for a resource). A valid plan keeps within every budget; with a budget below
/// zero (the pool is already over its limit) it launches nothing there, so the budget counts as 0.
struct PoolBudget {
    /// The template the budget belongs to.
    var template: Int
    /// Per slot (zero for slots of other templates).
    var usage: [Double]
    var budget: Double

    /// The budgets of every template that could bind for `pods` pods: one that the pods could not
    /// exhaust even each on its own node of the largest kind is left out.
    static func all(limits: [NodePoolLimits], slots: [NodeSlot], templates: [NodeClaimTemplate],
                    pods: Int) -> [PoolBudget] {
        var budgets: [PoolBudget] = []
        for (templateIndex, limit) in limits.enumerated() {
            let own = slots.indices.filter { slots[$0].template == templateIndex }
            func add(budget: Double, usage: (NodeSlot) -> Double) {
                var perSlot = Array(repeating: 0.0, count: slots.count)
                for slot in own { perSlot[slot] = usage(slots[slot]) }
                let most = own.map { perSlot[$0] }.max() ?? 0
                if most * Double(pods) > budget { budgets.append(PoolBudget(template: templateIndex, usage: perSlot,
                                                                            budget: budget)) }
            }
            if let nodes = limit.nodesRemaining { add(budget: Double(max(0, nodes))) { _ in 1 } }
            for resource in limit.remaining {
                add(budget: Double(max(0, resource.milli))) { slot in
                    Double(templates[slot.template].options[slot.option].capacity[resource.position])
                }
            }
        }
        return budgets
    }
}
