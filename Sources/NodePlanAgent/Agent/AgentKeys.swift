/// Labels, annotations, taints and finalizers the agent reads and writes. Karpenter's own keys where
/// Karpenter has one, `nodeplan.io/` for the agent's bookkeeping; together they are the agent's whole state.
public enum AgentKeys {
    /// Pod annotation: the node or NodeClaim the agent planned the pod onto; the scheduler prefers it.
    public static let nominatedNode = "nodeplan.io/nominated-node"
    /// NodeClaim annotation: the launch options (choice, then fallbacks) as JSON.
    public static let launchOptions = "nodeplan.io/launch-options"
    /// Node annotation: why the node is being disrupted (`Empty`, `Underutilized`, ...).
    public static let disruptionReason = "nodeplan.io/disruption-reason"
    /// Node annotation: comma-separated NodeClaims that must be Ready before the node is drained.
    public static let replacements = "nodeplan.io/replacements"
    /// The taint Karpenter puts on nodes it disrupts.
    public static let disruptedTaint = "karpenter.sh/disrupted"
    /// NodeClaim finalizer: the instance and Node are deleted before the claim goes away.
    public static let terminationFinalizer = "karpenter.sh/termination"
    /// The node controller's cordon taint (`spec.unschedulable`).
    public static let unschedulableTaint = "node.kubernetes.io/unschedulable"
}
