import NodePlanModel

/// Karpenter's per-NodeClaim instance-type filter (§1.9): an option survives when its
/// requirements intersect the NodeClaim's, the pods plus its DaemonSet group's overhead fit its
/// allocatable, it has an available offering the requirements allow, and its group's DaemonSet
/// host ports do not clash with the pods'.
///
/// The requirement-dependent checks come from `compatibility`; nil means the requirements did
/// not change since the candidates last passed them, so only fit and ports are rechecked.
enum InstanceTypeFilter {
    static func filter(_ candidates: [Int], of template: NodeClaimTemplate, compatibility: OptionCompatibility?,
                       requests: ResourceVector, podRequests: ResourceVector, hostPorts: [HostPort],
                       resources: ResourceIndex) -> (survivors: [Int], rejections: InstanceTypeRejections) {
        var survivors: [Int] = []
        survivors.reserveCapacity(candidates.count)
        var rejections = InstanceTypeRejections()
        rejections.firstConflict = compatibility?.firstConflict
        for index in candidates {
            let option = template.options[index]
            let verdict = compatibility?.verdicts[index] ?? .compatible
            if verdict == .incompatible {
                rejections.incompatible.append(option.name)
                continue
            }
            let group = template.daemonSetGroups.group(ofOption: index)
            if let position = requests.firstShortfall(adding: podRequests, overhead: group.overhead,
                                                      in: option.allocatable) {
                rejections.tooSmall[resources.names[position], default: []].append(option.name)
                continue
            }
            guard verdict == .compatible else {
                rejections.unavailable += 1
                continue
            }
            if !hostPorts.isEmpty && group.hostPorts.firstConflict(with: hostPorts) != nil {
                rejections.hostPorts += 1
                continue
            }
            survivors.append(index)
        }
        return (survivors, rejections)
    }
}
