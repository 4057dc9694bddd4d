import NodePlanModel

extension PlanComparison {
    /// The comparison as `nodeplan compare` prints it: one row per figure, one column per strategy,
    /// then the saving.
    public func table() -> String {
        var table = TextTable(headers: ["", baseline.strategy.uppercased(), optimized.strategy.uppercased()])
        func row(_ name: String, _ value: (Column) -> String) { table.append([name, value(baseline), value(optimized)]) }
        row("new nodes") { "\($0.newNodes)" }
        row("nodes after") { "\($0.nodesAfter)" }
        row("pods placed") { "\($0.podsPlaced)" }
        row("unschedulable pods") { "\($0.unschedulablePods)" }
        row("cost $/hour") { PlanTextReport.dollars($0.costPerHour) }
        row("cost $/month") { PlanTextReport.dollars($0.costPerMonth) }
        row("new nodes $/hour") { PlanTextReport.dollars($0.newNodeCostPerHour) }
        for resource in Self.utilizationResources(baseline, optimized) {
            row("\(resource) utilization %") { $0.utilizationPercent[resource].map { PlanTextReport.fixed($0, digits: 1) } ?? "-" }
        }
        row("solve ms") { PlanTextReport.fixed($0.solveMilliseconds, digits: 1) }
        row("lower bound $/hour") { $0.lowerBoundPerHour > 0 ? PlanTextReport.dollars($0.lowerBoundPerHour) : "-" }
        row("gap to lower bound %") { $0.lowerBoundPerHour > 0 ? PlanTextReport.fixed($0.gapPercent, digits: 1) : "-" }
        return table.render() + "\nsaving with \(optimized.strategy): \(PlanTextReport.dollars(saving.perHour))/h "
            + "(\(PlanTextReport.dollars(saving.perMonth))/month, \(PlanTextReport.fixed(saving.percent, digits: 1))%)\n"
    }

    /// Resources either column reports utilization for, in a fixed order.
    private static func utilizationResources(_ columns: Column...) -> [String] {
        [ResourceName.cpu, ResourceName.memory, ResourceName.pods, ResourceName.nvidiaGPU].filter { resource in
            columns.contains { $0.utilizationPercent[resource] != nil }
        }
    }
}
