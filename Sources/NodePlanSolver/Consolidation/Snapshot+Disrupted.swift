import NodePlanModel

extension Snapshot {
    /// The cluster once a disruption `step` is done, for planning the next batch: its terminated
    /// nodes are gone, its replacements are up but left alone (not initialized, so no later batch
    /// removes them or moves pods onto them), and nodes that received pods count as nominated, so no
    /// later batch evicts pods it did not find there.
    func after(_ step: Plan, instanceTypes: [String: [InstanceType]]?) -> Snapshot {
        var next = applying(step, instanceTypes: instanceTypes)
        let terminated = Set(step.terminations.map(\.node))
        let receiving = Set(step.assignments.map(\.node))
        next.nodes.removeAll { terminated.contains($0.name) }
        for index in next.nodes.indices where receiving.contains(next.nodes[index].name) {
            next.nodes[index].nominated = true
        }
        return next
    }
}
