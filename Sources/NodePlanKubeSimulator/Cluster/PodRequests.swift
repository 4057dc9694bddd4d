import NodePlanAgent
import NodePlanModel

/// What the simulated scheduler counts for a pod: the larger of the containers' summed requests and each
/// init container's, plus one `pods`.
func podRequests(_ pod: JSONValue) -> ResourceList {
    var containers = ResourceList()
    for container in pod[["spec", "containers"]]?.arrayValue ?? [] {
        containers.add(container[["resources", "requests"]]?.resourceList ?? ResourceList())
    }
    var result = containers
    for container in pod[["spec", "initContainers"]]?.arrayValue ?? [] {
        result = result.maximum(container[["resources", "requests"]]?.resourceList ?? ResourceList())
    }
    result.add(ResourceList(pods: .units(1)))
    return result
}

/// Whether `pod` tolerates every NoSchedule and NoExecute taint of `node`.
func toleratesTaints(_ pod: JSONValue, _ node: JSONValue) -> Bool {
    let tolerations = pod[["spec", "tolerations"]]?.arrayValue ?? []
    var taints = node[["spec", "taints"]]?.taints ?? []
    if node[["spec", "unschedulable"]]?.boolValue == true {
        taints.append(Taint(key: AgentKeys.unschedulableTaint, effect: .noSchedule))
    }
    return taints.allSatisfy { taint in
        taint.effect == .preferNoSchedule || tolerations.contains { toleration in
            let key = toleration["key"]?.stringValue ?? ""
            let effect = toleration["effect"]?.stringValue ?? ""
            let keyMatches = key.isEmpty || key == taint.key
            let effectMatches = effect.isEmpty || effect == taint.effect.rawValue
            let valueMatches = toleration["operator"]?.stringValue == "Exists"
                || (toleration["value"]?.stringValue ?? "") == taint.value
            return keyMatches && effectMatches && valueMatches
        }
    }
}

/// Whether the node's labels satisfy the pod's `nodeSelector`.
func matchesNodeSelector(_ pod: JSONValue, _ node: JSONValue) -> Bool {
    let labels = node.labels
    return (pod[["spec", "nodeSelector"]]?.stringMap ?? [:]).allSatisfy { labels[$0.key] == $0.value }
}
