import NodePlanModel

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
