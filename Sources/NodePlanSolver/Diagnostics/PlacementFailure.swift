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

extension TopologyFailure: CustomStringConvertible {
    var description: String {
        let definition = definition
        switch definition.kind {
        case .spread:
            return "topology spread on \"\(definition.key)\" (maxSkew \(definition.maxSkew)) leaves no eligible domain"
        case .affinity:
            return "pod affinity on \"\(definition.key)\" finds no domain with a matching pod"
        case .antiAffinity:
            return inverse
                ? "another pod's required anti-affinity on \"\(definition.key)\" excludes every possible domain"
                : "pod anti-affinity on \"\(definition.key)\" leaves no domain free of matching pods"
        }
    }
}

/// Tally of why a NodePool's instance types were ruled out for a NodeClaim.
struct InstanceTypeRejections: Sendable, CustomStringConvertible {
    var incompatible: [String] = []
    var firstConflict: RequirementConflict?
    /// Instance types too small, by the first resource that does not fit.
    var tooSmall: [String: [String]] = [:]
    var unavailable = 0
    var hostPorts = 0

    var description: String {
        var parts: [String] = []
        for (resource, names) in tooSmall.sorted(by: { $0.key < $1.key }) {
            parts.append("\(names.count) too small for \(resource) (\(Self.sample(names)))")
        }
        if !incompatible.isEmpty {
            let why = firstConflict.map { ": \($0)" } ?? ""
            parts.append("\(incompatible.count) incompatible with the requirements (\(Self.sample(incompatible)))\(why)")
        }
        if unavailable > 0 { parts.append("\(unavailable) without an available offering in the allowed zones/capacity types") }
        if hostPorts > 0 { parts.append("\(hostPorts) where DaemonSet host ports conflict") }
        return "no instance type fits: " + (parts.isEmpty ? "none left" : parts.joined(separator: "; "))
    }

    private static func sample(_ names: [String]) -> String {
        names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
    }
}
