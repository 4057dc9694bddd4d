import NodePlanModel

/// Which pods a provisioning solve considers (Karpenter's `IsProvisionable` and
/// `IsReschedulable`).
enum PodSelection {
    /// Pending, unbound, not preempting, not terminating, and not owned by a DaemonSet or a node.
    static func isProvisionable(_ pod: Pod, spec: PodSpec) -> Bool {
        pod.phase == .pending && !pod.isBound && pod.nominatedNodeName.isEmpty && !pod.isTerminating
            && !isDaemonOrStatic(spec)
    }

    /// A pod on a deleting node that must find a new home: active, not a DaemonSet or static pod,
    /// not `do-not-disrupt`, and not held by a PodDisruptionBudget that allows no disruption.
    /// Terminating StatefulSet pods still count (their replacement needs room).
    static func isReschedulable(_ pod: Pod, spec: PodSpec, snapshot: Snapshot) -> Bool {
        guard !pod.isTerminal, !isDaemonOrStatic(spec) else { return false }
        if pod.isTerminating && spec.owner?.kind != "StatefulSet" { return false }
        let annotations = spec.annotations.merging(pod.annotations) { $1 }
        if annotations[WellKnownAnnotation.doNotDisrupt] == "true" { return false }
        return !snapshot.podDisruptionBudgets.contains { budget in
            budget.namespace == spec.namespace && budget.disruptionsAllowed == 0 && budget.selector.matches(spec.labels)
        }
    }

    private static func isDaemonOrStatic(_ spec: PodSpec) -> Bool {
        spec.owner?.kind == "DaemonSet" || spec.owner?.kind == "Node"
    }
}
