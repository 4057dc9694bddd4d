import NodePlanModel

/// One snapshot planned by two strategies, side by side (`nodeplan compare`): Karpenter's greedy as
/// the baseline and nodeplan's optimizing strategy, with what the second saves over the first.
public struct PlanComparison: Sendable, Hashable, Codable {
    /// The figures of one strategy's plan.
    public struct Column: Sendable, Hashable, Codable {
        /// The strategy the solve was asked for.
        public var strategy: String
        /// Nodes the plan launches.
        public var newNodes: Int
        /// Nodes in the cluster after the plan: existing nodes it keeps plus the new ones.
        public var nodesAfter: Int
        /// Pending pods the plan places, on new or existing nodes.
        public var podsPlaced: Int
        public var unschedulablePods: Int
        /// The whole cluster's cost after the plan.
        public var costPerHour: Double
        public var costPerMonth: Double
        /// What the new nodes alone cost.
        public var newNodeCostPerHour: Double
        /// Requests of the pods on the new nodes over the new nodes' allocatable, in percent, per
        /// resource (cpu, memory, pods; GPUs when a new node has them). Empty without new nodes.
        public var utilizationPercent: [String: Double]
        /// Wall-clock time of the solve, measured by the caller.
        public var solveMilliseconds: Double
        /// The plan's proven cost lower bound per hour (docs/lower-bound.md); 0 when none was computed.
        public var lowerBoundPerHour: Double
        /// How far `costPerHour` is above the lower bound, in percent of the bound.
        public var gapPercent: Double

        /// The figures of `plan`, solved for `snapshot` with `strategy` in `solveMilliseconds`;
        /// `instanceTypes` (by pool) supply the new nodes' allocatable.
        public init(strategy: SolverStrategy, snapshot: Snapshot, plan: Plan, instanceTypes: [String: [InstanceType]] = [:],
                    solveMilliseconds: Double) {
            self.strategy = strategy.rawValue
            newNodes = plan.launches.count
            let terminated = Set(plan.terminations.map(\.node))
            nodesAfter = snapshot.nodes.filter { !terminated.contains($0.name) }.count + plan.launches.count
            podsPlaced = plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count }
            unschedulablePods = plan.unschedulable.count
            costPerHour = plan.cost.after
            costPerMonth = plan.cost.after * PlanSummary.hoursPerMonth
            newNodeCostPerHour = plan.launches.reduce(0) { $0 + $1.choice.price }
            let newFills = NodeFill.fills(snapshot: snapshot, plan: plan, instanceTypes: instanceTypes).filter { $0.kind == "new" }
            var requested = ResourceList()
            var allocatable = ResourceList()
            for fill in newFills {
                allocatable.add(fill.allocatable)
                for segment in fill.segments { requested.add(segment.requests) }
            }
            var utilization: [String: Double] = [:]
            for resource in [ResourceName.cpu, ResourceName.memory, ResourceName.pods, ResourceName.nvidiaGPU]
            where allocatable[resource].milli > 0 {
                utilization[resource] = requested[resource].doubleValue / allocatable[resource].doubleValue * 100
            }
            utilizationPercent = utilization
            self.solveMilliseconds = solveMilliseconds
            lowerBoundPerHour = plan.cost.lowerBound
            gapPercent = plan.cost.gapPercent
        }
    }

    /// What the optimized plan saves over the baseline (negative when it costs more).
    public struct Saving: Sendable, Hashable, Codable {
        public var perHour: Double
        public var perMonth: Double
        /// In percent of the baseline's cost after the plan.
        public var percent: Double
    }

    public var baseline: Column
    public var optimized: Column
    public var saving: Saving

    public init(baseline: Column, optimized: Column) {
        self.baseline = baseline
        self.optimized = optimized
        let perHour = baseline.costPerHour - optimized.costPerHour
        saving = Saving(perHour: perHour, perMonth: perHour * PlanSummary.hoursPerMonth,
                        percent: baseline.costPerHour > 0 ? perHour / baseline.costPerHour * 100 : 0)
    }
}
