/// How eagerly a NodePool's nodes are consolidated.
public enum ConsolidationPolicy: String, Hashable, Sendable, Codable {
    case whenEmpty = "WhenEmpty"
    case whenEmptyOrUnderutilized = "WhenEmptyOrUnderutilized"
    case balanced = "Balanced"
}

/// Disruption reasons a budget may be limited to.
public enum DisruptionReason: String, Hashable, Sendable, Codable, CaseIterable {
    case underutilized = "Underutilized"
    case empty = "Empty"
    case drifted = "Drifted"
}

/// A disruption budget: at most `nodes` (a count or a percentage) disrupted at once, optionally
/// only during a cron `schedule` window of `duration` seconds, optionally only for some reasons.
public struct DisruptionBudget: Hashable, Sendable, Codable {
    /// "10%" or "3".
    public var nodes: String
    public var schedule: String?
    public var durationSeconds: Double?
    /// Empty means every reason.
    public var reasons: [DisruptionReason]

    public init(nodes: String, schedule: String? = nil, durationSeconds: Double? = nil, reasons: [DisruptionReason] = []) {
        self.nodes = nodes
        self.schedule = schedule
        self.durationSeconds = durationSeconds
        self.reasons = reasons
    }
}

/// A NodePool's disruption settings.
public struct Disruption: Hashable, Sendable, Codable {
    public var consolidationPolicy: ConsolidationPolicy
    /// Seconds a node must stay unchanged before consolidation; nil means `Never`.
    public var consolidateAfterSeconds: Double?
    public var budgets: [DisruptionBudget]

    public init(consolidationPolicy: ConsolidationPolicy = .whenEmptyOrUnderutilized, consolidateAfterSeconds: Double? = 0,
                budgets: [DisruptionBudget] = [DisruptionBudget(nodes: "10%")]) {
        self.consolidationPolicy = consolidationPolicy
        self.consolidateAfterSeconds = consolidateAfterSeconds
        self.budgets = budgets
    }
}

/// A Karpenter `karpenter.sh/v1` NodePool.
public struct NodePool: Hashable, Sendable, Codable {
    public var name: String
    /// Higher weights are tried first; ties go to the name that sorts last.
    public var weight: Int32
    public var labels: [String: String]
    public var annotations: [String: String]
    public var taints: [Taint]
    /// Taints present at launch and removed at initialization; ignored when provisioning.
    public var startupTaints: [Taint]
    public var requirements: [NodeSelectorRequirement]
    /// Name of the AKSNodeClass the template refers to.
    public var nodeClass: String
    /// Seconds after creation that a node is forcibly expired; nil means `Never`.
    public var expireAfterSeconds: Double?
    public var terminationGracePeriodSeconds: Double?
    public var disruption: Disruption
    /// Caps on the summed capacity of the pool's nodes (any resource, plus `nodes`).
    public var limits: ResourceList
    /// Static NodePools keep a fixed node count and are left out of provisioning and consolidation.
    public var replicas: Int64?

    public init(name: String, weight: Int32 = 0, labels: [String: String] = [:], annotations: [String: String] = [:],
                taints: [Taint] = [], startupTaints: [Taint] = [], requirements: [NodeSelectorRequirement] = [],
                nodeClass: String = "default", expireAfterSeconds: Double? = 720 * 3600,
                terminationGracePeriodSeconds: Double? = nil, disruption: Disruption = Disruption(),
                limits: ResourceList = ResourceList(), replicas: Int64? = nil) {
        self.name = name
        self.weight = weight
        self.labels = labels
        self.annotations = annotations
        self.taints = taints
        self.startupTaints = startupTaints
        self.requirements = requirements
        self.nodeClass = nodeClass
        self.expireAfterSeconds = expireAfterSeconds
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.disruption = disruption
        self.limits = limits
        self.replicas = replicas
    }
}
