import NodePlanModel

/// A DaemonSet as provisioning sees it: the pod it puts on every node it tolerates and selects.
struct DaemonSetPod: Sendable {
    var name: String
    var requests: ResourceVector
    var hostPorts: [HostPort]
    var tolerations: [Toleration]
    /// nodeSelector ∩ each required node-affinity term (one entry when there are no terms).
    var terms: [Requirements]

    init(_ daemonSet: DaemonSet, resources: ResourceIndex) {
        let spec = daemonSet.template
        name = daemonSet.name
        requests = resources.vector(spec.effectiveRequests)
        hostPorts = spec.hostPorts
        tolerations = spec.tolerations
        let selector = Requirements(labels: spec.nodeSelector)
        if let required = spec.affinity.nodeAffinity?.required, !required.isEmpty {
            terms = required.map { selector.adding(Requirements($0.matchExpressions)) }
        } else {
            terms = [selector]
        }
    }

    /// Whether the DaemonSet runs on a new node of a NodePool with `taints` and `requirements`
    /// and an instance type with `instanceTypeRequirements`: PreferNoSchedule is always tolerated,
    /// startup taints are not checked, and one required term must fit both.
    func runs(onTemplateWith taints: [Taint], requirements: Requirements,
              instanceTypeRequirements: Requirements) -> Bool {
        guard TaintCheck.daemonSetTolerates(taints, tolerations: tolerations) else { return false }
        return terms.contains { term in
            requirements.conflict(with: term) == nil && instanceTypeRequirements.intersectionConflict(with: term) == nil
        }
    }

    /// Whether the DaemonSet runs on an existing node with these effective taints (all of them,
    /// PreferNoSchedule included, as Karpenter checks existing nodes) and labels.
    func runs(onNodeWith taints: [Taint], requirements: Requirements) -> Bool {
        guard TaintCheck.firstUntolerated(taints, by: tolerations) == nil else { return false }
        return terms.contains { requirements.strictConflict(with: $0) == nil }
    }
}
