/// The hard constraint a plan breaks; each case names one rule the validator checks.
public enum PlanRule: String, Hashable, Sendable, Codable, CaseIterable {
    // Placement bookkeeping
    /// A pod index outside `Snapshot.pods`.
    case unknownPod
    /// An assignment or termination names a node that is neither in the snapshot nor launched.
    case unknownNode
    /// Two launches share a name, or a launch reuses an existing node's name.
    case duplicateNodeName
    /// A pod is placed (or reported unschedulable) more than once.
    case podPlacedTwice
    /// A pod that needs a home is neither placed nor reported unschedulable.
    case podNotHandled
    /// A pod that must not be placed (DaemonSet, mirror, preempting, terminal pod) is placed or reported.
    case podNotPlaceable
    /// A pod bound to a live node is placed elsewhere without being evicted.
    case boundPodMoved
    /// A pod bound to a removed node is neither evicted nor re-homed.
    case boundPodLost
    /// A pod is assigned to a node the plan terminates or that is being deleted.
    case assignmentToRemovedNode

    // Resources
    /// Requests plus DaemonSet overhead exceed allocatable for some resource.
    case insufficientCapacity
    /// A NodePool's summed capacity exceeds one of its limits.
    case nodePoolLimitExceeded

    // Launch choice
    case unknownNodePool
    /// A launch in a static (replicas) NodePool.
    case staticNodePool
    case unknownInstanceType
    /// No offering of the instance type has the chosen zone and capacity type.
    case unknownOffering
    case unavailableOffering
    case priceMismatch
    /// Pool, instance type, offering and launch requirements have no common value for a key.
    case incompatibleRequirements
    /// The choice and fallbacks offer fewer distinct values of a `minValues` key than required.
    case minValuesUnmet
    /// A fallback offering is unknown, unavailable, incompatible, too small or moves a pod's topology domain.
    case invalidFallback

    // Pod node selection
    case nodeSelectorMismatch
    case nodeAffinityMismatch
    case untoleratedTaint
    case hostPortConflict
    case volumeLimitExceeded
    case volumeTopologyMismatch

    // Inter-pod constraints
    case topologySpreadViolated
    case podAffinityViolated
    case podAntiAffinityViolated

    // Terminations
    /// The same node is terminated twice.
    case nodeTerminatedTwice
    /// An evicted pod is not bound to the terminated node.
    case evictedPodNotOnNode
    /// An evicted pod is not re-homed by an assignment or launch.
    case evictedPodNotRehomed
    /// `waitFor` names a launch the plan does not contain.
    case unknownWaitFor
    /// An evicted pod moves to a launch the termination does not wait for.
    case replacementNotAwaited

    // Disruption (terminations other than expiry)
    /// The node or an evicted pod carries `karpenter.sh/do-not-disrupt`, or the node is nominated.
    case doNotDisruptIgnored
    /// An evicted pod's PodDisruptionBudget allows no disruption, or more than one PDB covers it.
    case podDisruptionBudgetBlocks
    /// A batch terminates more nodes of a NodePool than its disruption budgets allow.
    case disruptionBudgetExceeded
}
