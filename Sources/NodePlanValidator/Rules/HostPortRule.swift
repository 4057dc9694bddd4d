import NodePlanModel

/// A `<hostIP, port, protocol>` is used at most once per node; a wildcard address (empty,
/// 0.0.0.0, ::) conflicts with every address. DaemonSet pods that would start count too.
enum HostPortRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        for node in cluster.nodes where !node.newPods.isEmpty {
            // Users of ports so far: a pod index, or nil for a DaemonSet pod yet to start.
            var used: [(port: HostPort, pod: Int32?, owner: String)] = []
            for daemonSet in cluster.pendingDaemonSets(on: node) {
                for port in daemonSet.template.hostPorts where port.port > 0 {
                    used.append((port, nil, "DaemonSet \(daemonSet.name)"))
                }
            }
            let newPods = Set(node.newPods)
            // Existing pods first, so each conflict is reported on a pod the plan placed.
            for pod in node.pods.filter({ !newPods.contains($0) }) + node.newPods {
                for port in cluster.spec(pod).hostPorts where port.port > 0 {
                    if newPods.contains(pod), let clash = used.first(where: { conflicts($0.port, port) }) {
                        violations.append(PlanViolation(
                            rule: .hostPortConflict, pod: pod, podName: cluster.podName(pod), node: node.name,
                            message: "host port \(readable(port)) clashes with \(readable(clash.port)) of \(clash.owner)"))
                    }
                    used.append((port, pod, "pod \(cluster.podName(pod))"))
                }
            }
        }
        return violations
    }

    static func conflicts(_ lhs: HostPort, _ rhs: HostPort) -> Bool {
        guard lhs.port == rhs.port, normalizedProtocol(lhs) == normalizedProtocol(rhs) else { return false }
        return isWildcard(lhs.hostIP) || isWildcard(rhs.hostIP) || lhs.hostIP == rhs.hostIP
    }

    private static func isWildcard(_ address: String) -> Bool { address.isEmpty || address == "0.0.0.0" || address == "::" }

    private static func normalizedProtocol(_ port: HostPort) -> String { port.protocol.isEmpty ? "TCP" : port.protocol }

    private static func readable(_ port: HostPort) -> String {
        "\(port.hostIP.isEmpty ? "0.0.0.0" : port.hostIP):\(port.port)/\(normalizedProtocol(port))"
    }
}
