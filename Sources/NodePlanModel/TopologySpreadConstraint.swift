/// What a topology spread constraint does when it cannot be satisfied.
public enum UnsatisfiableConstraintAction: String, Hashable, Sendable, Codable {
    case doNotSchedule = "DoNotSchedule"
    case scheduleAnyway = "ScheduleAnyway"
}

/// Whether a spread constraint's domain counting honours a pod attribute.
public enum NodeInclusionPolicy: String, Hashable, Sendable, Codable {
    case honor = "Honor"
    case ignore = "Ignore"
}

/// A pod topology spread constraint.
public struct TopologySpreadConstraint: Hashable, Sendable, Codable {
    public var maxSkew: Int32
    public var topologyKey: String
    public var whenUnsatisfiable: UnsatisfiableConstraintAction
    /// A missing selector selects no pods, so the constraint spreads nothing.
    public var labelSelector: LabelSelector?
    public var minDomains: Int32?
    /// Default Honor: nodes the pod's node selector and required affinity exclude are not counted.
    public var nodeAffinityPolicy: NodeInclusionPolicy
    /// Default Ignore: Honor excludes nodes whose taints the pod does not tolerate.
    public var nodeTaintsPolicy: NodeInclusionPolicy
    public var matchLabelKeys: [String]

    public init(maxSkew: Int32, topologyKey: String, whenUnsatisfiable: UnsatisfiableConstraintAction = .doNotSchedule,
                labelSelector: LabelSelector?, minDomains: Int32? = nil,
                nodeAffinityPolicy: NodeInclusionPolicy = .honor, nodeTaintsPolicy: NodeInclusionPolicy = .ignore,
                matchLabelKeys: [String] = []) {
        self.maxSkew = maxSkew
        self.topologyKey = topologyKey
        self.whenUnsatisfiable = whenUnsatisfiable
        self.labelSelector = labelSelector
        self.minDomains = minDomains
        self.nodeAffinityPolicy = nodeAffinityPolicy
        self.nodeTaintsPolicy = nodeTaintsPolicy
        self.matchLabelKeys = matchLabelKeys
    }
}
