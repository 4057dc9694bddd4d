import NodePlanModel

/// Terminations name existing nodes once, evict only pods bound there, re-home every evicted pod,
/// evict every pod that would otherwise be lost, and wait only for launches of this plan, including
/// every launch that receives one of their evicted pods (replacements are Ready before the drain).
enum TerminationRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        let snapshot = cluster.snapshot
        let plan = cluster.plan
        let nodes = Dictionary(snapshot.nodes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let launchNames = Set(plan.launches.map(\.name))
        var violations: [PlanViolation] = []
        var terminated: Set<String> = []
        var launchOf: [Int32: String] = [:]
        for launch in plan.launches { for pod in launch.pods where launchOf[pod] == nil { launchOf[pod] = launch.name } }
        var podsByNode: [String: [Int]] = [:]
        for (index, pod) in snapshot.pods.enumerated() where pod.isBound { podsByNode[pod.nodeName, default: []].append(index) }

        for termination in plan.terminations {
            let name = termination.node
            guard terminated.insert(name).inserted else {
                violations.append(PlanViolation(rule: .nodeTerminatedTwice, node: name, message: "terminated more than once"))
                continue
            }
            guard let node = nodes[name] else {
                violations.append(PlanViolation(rule: .unknownNode, node: name,
                                                message: "terminated node is not in the snapshot"))
                continue
            }
            for launch in termination.waitFor where !launchNames.contains(launch) {
                violations.append(PlanViolation(rule: .unknownWaitFor, node: name,
                                                message: "waits for launch \(launch), which the plan does not contain"))
            }
            let evicted = Set(termination.evictedPods)
            for pod in termination.evictedPods {
                guard snapshot.pods.indices.contains(Int(pod)) else {
                    violations.append(PlanViolation(rule: .unknownPod, pod: pod, podName: "#\(pod)", node: name,
                                                    message: "evicted pod index \(pod) is not in the snapshot"))
                    continue
                }
                let podName = cluster.podName(pod)
                let boundTo = snapshot.pods[Int(pod)].nodeName
                if boundTo != name {
                    violations.append(PlanViolation(
                        rule: .evictedPodNotOnNode, pod: pod, podName: podName, node: name,
                        message: "evicted from \(name) but bound to \(boundTo.isEmpty ? "no node" : boundTo)"))
                }
                if !cluster.isNew[Int(pod)] && cluster.duties[Int(pod)] != .notPlaceable {
                    violations.append(PlanViolation(rule: .evictedPodNotRehomed, pod: pod, podName: podName, node: name,
                                                    message: "evicted but not placed on another node"))
                } else if let launch = launchOf[pod], !termination.waitFor.contains(launch) {
                    violations.append(PlanViolation(
                        rule: .replacementNotAwaited, pod: pod, podName: podName, node: name,
                        message: "moves to launch \(launch), which the termination does not wait for"))
                }
            }
            guard !node.markedForDeletion else { continue }
            for index in podsByNode[name] ?? [] {
                let pod = snapshot.pods[index]
                guard !pod.isTerminal && !snapshot.spec(of: pod).isDaemonOrMirror && !evicted.contains(Int32(index)) else {
                    continue
                }
                violations.append(PlanViolation(rule: .boundPodLost, pod: Int32(index), podName: pod.name, node: name,
                                                message: "runs on a terminated node but is not evicted and re-homed"))
            }
        }
        return violations
    }
}
