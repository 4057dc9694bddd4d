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
    /// startup taints are not checked, and one required term must be compatible with the labels
    /// the node would get, pool and instance type together (undefined well-known keys allowed).
    ///
    /// Karpenter checks custom keys against the pool alone, so a DaemonSet selecting a label only
    /// instance types define (`example.com/gpu: "true"`) is never charged, yet the DaemonSet
    /// controller runs it on every node of such a type: pods packed to the brim then no longer fit.
    /// A key the instance type defines is therefore as good as one the pool defines.
    func runs(onTemplateWith taints: [Taint], requirements: Requirements,
              instanceTypeRequirements: Requirements) -> Bool {
        guard TaintCheck.daemonSetTolerates(taints, tolerations: tolerations) else { return false }
        return terms.contains { term in
            // Only the term's keys decide, so only they are combined (instance types carry dozens).
            var node = Requirements()
            for key in term.keys {
                if let requirement = requirements[key] { node.add(requirement) }
                if let requirement = instanceTypeRequirements[key] { node.add(requirement) }
            }
            return node.conflict(with: term) == nil
        }
    }

    /// Whether the DaemonSet runs on an existing node with these effective taints (all of them,
    /// PreferNoSchedule included, as Karpenter checks existing nodes) and labels.
    func runs(onNodeWith taints: [Taint], requirements: Requirements) -> Bool {
        guard TaintCheck.firstUntolerated(taints, by: tolerations) == nil else { return false }
        return terms.contains { requirements.strictConflict(with: $0) == nil }
    }
}
