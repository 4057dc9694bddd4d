/// One way to buy a node: instance type, zone, capacity type and its hourly price.
public struct LaunchOption: Hashable, Sendable, Codable {
    public var instanceType: String
    public var zone: String
    public var capacityType: CapacityType
    /// USD per hour.
    public var price: Double

    public init(instanceType: String, zone: String, capacityType: CapacityType, price: Double) {
        self.instanceType = instanceType
        self.zone = zone
        self.capacityType = capacityType
        self.price = price
    }
}

/// A new node (NodeClaim) the plan launches.
public struct NodeLaunch: Hashable, Sendable, Codable {
    /// Plan-local name, referenced by terminations that wait for it.
    public var name: String
    public var nodePool: String
    /// The chosen offering.
    public var choice: LaunchOption
    /// Other offerings that also fit every pod, ranked by price (spot first on ties); the agent
    /// walks them when the choice turns out unavailable.
    public var fallbacks: [LaunchOption]
    /// The NodeClaim's requirements (pool ∩ pods ∩ chosen domains).
    public var requirements: [NodeSelectorRequirement]
    public var labels: [String: String]
    public var taints: [Taint]
    public var startupTaints: [Taint]
    /// Indices into `Snapshot.pods`.
    public var pods: [Int32]
    /// Pod requests plus DaemonSet overhead.
    public var requests: ResourceList
    /// Set when minValues was relaxed under the BestEffort policy.
    public var minValuesRelaxed: Bool

    public init(name: String, nodePool: String, choice: LaunchOption, fallbacks: [LaunchOption] = [],
                requirements: [NodeSelectorRequirement] = [], labels: [String: String] = [:], taints: [Taint] = [],
                startupTaints: [Taint] = [], pods: [Int32] = [], requests: ResourceList = ResourceList(),
                minValuesRelaxed: Bool = false) {
        self.name = name
        self.nodePool = nodePool
        self.choice = choice
        self.fallbacks = fallbacks
        self.requirements = requirements
        self.labels = labels
        self.taints = taints
        self.startupTaints = startupTaints
        self.pods = pods
        self.requests = requests
        self.minValuesRelaxed = minValuesRelaxed
    }
}

/// Pending (or moved) pods placed onto an existing or in-flight node.
public struct NodeAssignment: Hashable, Sendable, Codable {
    public var node: String
    /// Indices into `Snapshot.pods`.
    public var pods: [Int32]
    public init(node: String, pods: [Int32]) {
        self.node = node
        self.pods = pods
    }
}

/// Why a node is removed.
public enum TerminationReason: String, Hashable, Sendable, Codable {
    case empty = "Empty"
    case underutilized = "Underutilized"
    case drifted = "Drifted"
    case expired = "Expired"
}

/// A node the plan removes, with the launches that must be Ready first.
public struct NodeTermination: Hashable, Sendable, Codable {
    public var node: String
    public var reason: TerminationReason
    /// Names of `NodeLaunch`es that must be Ready before this node is drained.
    public var waitFor: [String]
    /// Pods evicted (indices into `Snapshot.pods`), each re-homed by an assignment or launch.
    public var evictedPods: [Int32]
    /// Execution batch: batch n starts when batch n−1 is done; budgets hold within each batch.
    public var batch: Int32
    /// USD per hour saved by this termination (net of replacements it alone needs).
    public var savingsPerHour: Double
    /// What evicting its pods costs: Σ max(0, eviction cost) over the evicted pods, eviction cost
    /// being Karpenter's `clamp(1 + deletion-cost/2^27 + priority/2^25, −10, 10)`.
    public var disruptionCost: Double

    public init(node: String, reason: TerminationReason, waitFor: [String] = [], evictedPods: [Int32] = [],
                batch: Int32 = 0, savingsPerHour: Double = 0, disruptionCost: Double = 0) {
        self.node = node
        self.reason = reason
        self.waitFor = waitFor
        self.evictedPods = evictedPods
        self.batch = batch
        self.savingsPerHour = savingsPerHour
        self.disruptionCost = disruptionCost
    }
}

/// A pod the plan cannot place, and why.
public struct UnschedulablePod: Hashable, Sendable, Codable {
    /// Index into `Snapshot.pods`.
    public var pod: Int32
    /// One human-readable sentence naming the constraint.
    public var reason: String
    /// Per pool (or per SKU) detail: what ruled each out.
    public var details: [String]
    /// Lower-priority running pods whose preemption would let this pod run (a recommendation only).
    public var preemptionCandidates: [Int32]

    public init(pod: Int32, reason: String, details: [String] = [], preemptionCandidates: [Int32] = []) {
        self.pod = pod
        self.reason = reason
        self.details = details
        self.preemptionCandidates = preemptionCandidates
    }
}

/// Cost of the cluster's nodes in USD per hour.
public struct CostSummary: Hashable, Sendable, Codable {
    public var before: Double
    public var after: Double
    /// A proven lower bound: the nodes the plan keeps plus the cheapest any valid set of new nodes
    /// could cost for the pods this plan launches nodes for (docs/lower-bound.md).
    public var lowerBound: Double

    public init(before: Double = 0, after: Double = 0, lowerBound: Double = 0) {
        self.before = before
        self.after = after
        self.lowerBound = lowerBound
    }

    /// How far `after` is above the lower bound, in percent of the bound.
    public var gapPercent: Double { lowerBound > 0 ? (after - lowerBound) / lowerBound * 100 : 0 }
}

/// The solver's answer.
public struct Plan: Hashable, Sendable, Codable {
    public var launches: [NodeLaunch]
    public var assignments: [NodeAssignment]
    public var terminations: [NodeTermination]
    public var unschedulable: [UnschedulablePod]
    public var cost: CostSummary
    /// Named phases and their durations in milliseconds (measured by the caller's clock).
    public var timings: [String: Double]
    public var warnings: [String]
    public var strategy: SolverStrategy

    public init(launches: [NodeLaunch] = [], assignments: [NodeAssignment] = [], terminations: [NodeTermination] = [],
                unschedulable: [UnschedulablePod] = [], cost: CostSummary = CostSummary(), timings: [String: Double] = [:],
                warnings: [String] = [], strategy: SolverStrategy = .optimize) {
        self.launches = launches
        self.assignments = assignments
        self.terminations = terminations
        self.unschedulable = unschedulable
        self.cost = cost
        self.timings = timings
        self.warnings = warnings
        self.strategy = strategy
    }
}
