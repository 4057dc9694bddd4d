import NodePlanModel

/// Why a pod cannot go to one node, NodeClaim or NodePool.
enum PlacementFailure: Error, Sendable, CustomStringConvertible {
    case untoleratedTaint(Taint)
    case volumeLimit(driver: String)
    case hostPortConflict(HostPort)
    case insufficient(resource: String)
    case requirements(RequirementConflict)
    case topology(TopologyFailure)
    case noInstanceType(InstanceTypeRejections)
    case minValues(MinValues.Shortfall)
    case limitExceeded(resource: String)
    case nodeLimitReached
    case noInstanceTypesInPool

    var description: String {
        switch self {
        case .untoleratedTaint(let taint):
            "does not tolerate taint \(taint.key)\(taint.value.isEmpty ? "" : "=\(taint.value)"):\(taint.effect.rawValue)"
        case .volumeLimit(let driver): "would exceed the attach limit of CSI driver \(driver)"
        case .hostPortConflict(let port): "host port \(port.port)/\(port.protocol) is already in use"
        case .insufficient(let resource): "not enough \(resource)"
        case .requirements(let conflict): "node affinity: \(conflict)"
        case .topology(let failure): failure.description
        case .noInstanceType(let rejections): rejections.description
        case .minValues(let shortfall): shortfall.description
        case .limitExceeded(let resource): "NodePool limit on \(resource) leaves no instance type that fits"
        case .nodeLimitReached: "NodePool limit on nodes is reached"
        case .noInstanceTypesInPool: "no instance type is compatible with the NodePool's requirements"
        }
    }

    /// Whether capacity (limits or availability), not the pod's own constraints, stopped it;
    /// preempting lower-priority pods could then help.
    var isCapacityShortage: Bool {
        switch self {
        case .limitExceeded, .nodeLimitReached, .insufficient: true
        case .noInstanceType(let rejections): rejections.unavailable > 0 || !rejections.tooSmall.isEmpty
        default: false
        }
    }
}
