import NodePlanModel

/// Bookkeeping: every pod that needs a home gets exactly one (or one unschedulable report), nothing
/// else is placed, pods bound to live nodes stay put, and plan references resolve.
enum PlacementRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        let snapshot = cluster.snapshot
        let plan = cluster.plan
        var violations: [PlanViolation] = []
        var placements = Array(repeating: 0, count: snapshot.pods.count)
        var reports = Array(repeating: 0, count: snapshot.pods.count)

        func record(_ pods: [Int32], node: String?, into counts: inout [Int]) {
            for pod in pods {
                guard snapshot.pods.indices.contains(Int(pod)) else {
                    violations.append(PlanViolation(rule: .unknownPod, pod: pod, podName: "#\(pod)", node: node,
                                                    message: "pod index \(pod) is not in the snapshot"))
                    continue
                }
                counts[Int(pod)] += 1
            }
        }

        let existingNames = Set(snapshot.nodes.map(\.name))
        var launchNames: Set<String> = []
        for launch in plan.launches {
            if existingNames.contains(launch.name) || !launchNames.insert(launch.name).inserted {
                violations.append(PlanViolation(rule: .duplicateNodeName, node: launch.name,
                                                message: "launch name \(launch.name) is already taken by another node"))
            }
            record(launch.pods, node: launch.name, into: &placements)
        }
        for assignment in plan.assignments {
            if cluster.nodeIndex[assignment.node] == nil {
                if cluster.removedNodes.contains(assignment.node) {
                    violations.append(PlanViolation(
                        rule: .assignmentToRemovedNode, node: assignment.node,
                        message: "\(assignment.pods.count) pod(s) assigned to a node that is terminated or being deleted"))
                } else {
                    violations.append(PlanViolation(rule: .unknownNode, node: assignment.node,
                                                    message: "assignment target is neither an existing node nor a launch"))
                }
            }
            record(assignment.pods, node: assignment.node, into: &placements)
        }
        record(plan.unschedulable.map(\.pod), node: nil, into: &reports)

        for index in snapshot.pods.indices {
            let total = placements[index] + reports[index]
            let pod = Int32(index)
            func violation(_ rule: PlanRule, _ message: String) {
                violations.append(PlanViolation(rule: rule, pod: pod, podName: snapshot.pods[index].name,
                                                node: snapshot.pods[index].nodeName.isEmpty ? nil : snapshot.pods[index].nodeName,
                                                message: message))
            }
            if total > 1 {
                violation(.podPlacedTwice,
                          "placed \(placements[index]) time(s) and reported unschedulable \(reports[index]) time(s)")
            }
            switch cluster.duties[index] {
            case .mustPlace(let mayBeUnschedulable):
                if total == 0 && mayBeUnschedulable {
                    violation(.podNotHandled, "needs a node but is neither placed nor reported unschedulable")
                }
            case .mayPlace:
                break
            case .stays:
                if placements[index] > 0 {
                    violation(.boundPodMoved, "is bound to a node that stays but is placed again without eviction")
                }
                if reports[index] > 0 { violation(.podNotPlaceable, "is running but reported unschedulable") }
            case .notPlaceable:
                if total > 0 {
                    violation(.podNotPlaceable,
                              "is a DaemonSet, mirror, preempting or finished pod; the plan must leave it alone")
                }
            }
        }
        return violations
    }
}
