import NodePlanModel

/// What the plan owes a pod, decided from the snapshot and the plan's removals alone.
enum PodDuty: Sendable, Equatable {
    /// Must be placed; `mayBeUnschedulable` allows reporting it unschedulable instead.
    case mustPlace(mayBeUnschedulable: Bool)
    /// May be placed or left alone (terminating pods, do-not-disrupt pods of deleting nodes).
    case mayPlace
    /// Bound to a node that stays: stays there unless evicted.
    case stays
    /// Not the plan's business: terminal pods, DaemonSet and mirror pods, preempting pods.
    case notPlaceable

    /// Classifies `pod`. `deletingNodes` are nodes already marked for deletion (their pods need a
    /// new home); `evicted` tells whether a termination of the plan evicts the pod. Pods a
    /// termination forgets to evict count as staying; `TerminationRule` reports them as lost.
    static func of(_ pod: Pod, spec: PodSpec, deletingNodes: Set<String>, evicted: Bool) -> PodDuty {
        if pod.isTerminal || spec.isDaemonOrMirror { return .notPlaceable }
        if evicted { return .mustPlace(mayBeUnschedulable: false) }
        if pod.isBound {
            guard deletingNodes.contains(pod.nodeName) else { return .stays }
            let doNotDisrupt = (pod.annotations[WellKnownAnnotation.doNotDisrupt]
                ?? spec.annotations[WellKnownAnnotation.doNotDisrupt]) == "true"
            return pod.isTerminating || doNotDisrupt ? .mayPlace : .mustPlace(mayBeUnschedulable: true)
        }
        if !pod.nominatedNodeName.isEmpty { return .notPlaceable }
        return pod.isTerminating ? .mayPlace : .mustPlace(mayBeUnschedulable: true)
    }
}

extension PodSpec {
    /// DaemonSet pods and static (mirror) pods are never rescheduled by Karpenter.
    var isDaemonOrMirror: Bool { owner?.kind == "DaemonSet" || owner?.kind == "Node" }
}
