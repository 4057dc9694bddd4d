import NodePlanModel

extension Snapshot {
    /// The cluster once a disruption `step` is done, for planning the next batch: its terminated
    /// nodes are gone, its replacements are up (initialized: batch n+1 starts once batch n is
    /// done, so they may take pods), and replacements and nodes that received pods count as
    /// nominated, so no later batch removes them or evicts pods it did not find there.
    func after(_ step: Plan, instanceTypes: [String: [InstanceType]]?) -> Snapshot {
        var next = applying(step, instanceTypes: instanceTypes)
        let terminated = Set(step.terminations.map(\.node))
        let launched = Set(step.launches.map(\.name))
        let receiving = Set(step.assignments.map(\.node)).union(launched)
        next.nodes.removeAll { terminated.contains($0.name) }
        for index in next.nodes.indices where receiving.contains(next.nodes[index].name) {
            next.nodes[index].nominated = true
            if launched.contains(next.nodes[index].name) { next.nodes[index].initialized = true }
        }
        return next
    }
}
