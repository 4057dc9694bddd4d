import NodePlanModel

/// Karpenter's per-NodeClaim instance-type filter (§1.9): an option survives when its
/// requirements intersect the NodeClaim's, the pods plus its DaemonSet group's overhead fit its
/// allocatable, it has an available offering the requirements allow, and its group's DaemonSet
/// host ports do not clash with the pods'.
///
/// Candidates that already passed the requirement and offering checks under the same
/// requirements (`requirementsChanged == false`) only have their fit and ports rechecked.
enum InstanceTypeFilter {
    static func filter(_ candidates: [Int], of template: NodeClaimTemplate, requirements: Requirements,
                       requirementsChanged: Bool, requests: ResourceVector, podRequests: ResourceVector,
                       hostPorts: [HostPort], resources: ResourceIndex)
        -> (survivors: [Int], rejections: InstanceTypeRejections) {
        var survivors: [Int] = []
        survivors.reserveCapacity(candidates.count)
        var rejections = InstanceTypeRejections()
        let offeringFilter = InstanceTypeOption.OfferingFilter(requirements)
        for index in candidates {
            let option = template.options[index]
            if requirementsChanged, let conflict = option.requirements.intersectionConflict(with: requirements) {
                rejections.incompatible.append(option.name)
                if rejections.firstConflict == nil { rejections.firstConflict = conflict }
                continue
            }
            let group = template.daemonSetGroups.group(ofOption: index)
            if let position = requests.firstShortfall(adding: podRequests, overhead: group.overhead,
                                                      in: option.allocatable) {
                rejections.tooSmall[resources.names[position], default: []].append(option.name)
                continue
            }
            guard !requirementsChanged || option.hasAvailableOffering(offeringFilter) else {
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
