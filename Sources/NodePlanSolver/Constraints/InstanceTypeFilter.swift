import NodePlanModel

/// Karpenter's per-NodeClaim instance-type filter (§1.9): an option survives when its
/// requirements intersect the NodeClaim's, the pods plus its DaemonSet group's overhead fit its
/// allocatable, it has an available offering the requirements allow, and its group's DaemonSet
/// host ports do not clash with the pods'.
///
/// The requirement-dependent checks come from `compatibility`; nil means the requirements did
/// not change since the candidates last passed them, so only fit and ports are rechecked.
///
/// Most calls leave survivors, and then nobody asks why the others were ruled out: `survivors`
/// only filters, and `rejections` explains an empty result.
enum InstanceTypeFilter {
    /// The candidates that hold `requests` (the NodeClaim's pods and the new one together).
    static func survivors(_ candidates: IndexBitmap, of template: NodeClaimTemplate,
                          compatibility: OptionCompatibility?, requests: ResourceVector,
                          hostPorts: [HostPort]) -> IndexBitmap {
        var survivors = candidates
        if let compatibility { survivors.formIntersection(compatibility.compatible) }
        template.roomIndex.keepFitting(requests, in: &survivors)
        if !hostPorts.isEmpty {
            for index in survivors where template.daemonSetGroups.group(ofOption: index).hostPorts
                .firstConflict(with: hostPorts) != nil {
                survivors.remove(index)
            }
        }
        return survivors
    }

    /// Why each candidate is ruled out, in the filter's order of checks.
    static func rejections(_ candidates: IndexBitmap, of template: NodeClaimTemplate, compatibility: OptionCompatibility?,
                           requests: ResourceVector, hostPorts: [HostPort],
                           resources: ResourceIndex) -> InstanceTypeRejections {
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
            if let position = requests.firstShortfall(overhead: group.overhead, in: option.allocatable) {
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
        }
        return rejections
    }
}
