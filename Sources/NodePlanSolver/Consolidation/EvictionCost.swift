import NodePlanModel

/// Karpenter's per-pod eviction cost: `1 + deletionCost/2^27 + priority/2^25`, clamped to ±10,
/// where deletionCost is the `controller.kubernetes.io/pod-deletion-cost` annotation.
enum EvictionCost {
    static func of(_ pod: Pod, spec: PodSpec) -> Double {
        var cost = 1.0
        let annotation = pod.annotations[WellKnownAnnotation.podDeletionCost]
            ?? spec.annotations[WellKnownAnnotation.podDeletionCost]
        if let annotation, let deletionCost = Int32(annotation) { cost += Double(deletionCost) / Double(1 << 27) }
        cost += Double(spec.priority) / Double(1 << 25)
        return min(max(cost, -10), 10)
    }
}
