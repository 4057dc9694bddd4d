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

/// Instance types of one NodePool grouped by the exact set of DaemonSets that would run on them;
/// each group carries its summed overhead and host ports.
struct DaemonSetOverheadGroups: Sendable {
    struct Group: Sendable {
        var daemonSets: [Int]
        var overhead: ResourceVector
        var hostPorts: HostPortUsage
    }

    private(set) var groups: [Group] = []
    /// Group index per instance-type option of the template.
    private(set) var groupOfOption: [Int] = []

    init(daemonSets: [DaemonSetPod], taints: [Taint], requirements: Requirements,
         options: [InstanceTypeOption], resourceCount: Int) {
        var indexByMembers: [[Int]: Int] = [:]
        for option in options {
            let members = daemonSets.indices.filter {
                daemonSets[$0].runs(onTemplateWith: taints, requirements: requirements,
                                    instanceTypeRequirements: option.requirements)
            }
            if let existing = indexByMembers[members] {
                groupOfOption.append(existing)
                continue
            }
            var overhead = ResourceVector(count: resourceCount)
            var ports = HostPortUsage()
            for member in members {
                overhead += daemonSets[member].requests
                ports.insert(contentsOf: daemonSets[member].hostPorts)
            }
            indexByMembers[members] = groups.count
            groupOfOption.append(groups.count)
            groups.append(Group(daemonSets: members, overhead: overhead, hostPorts: ports))
        }
    }

    func group(ofOption option: Int) -> Group { groups[groupOfOption[option]] }
}
