import NodePlanModel

/// Every pod the plan places satisfies its node's labels and taints: nodeSelector, some required
/// node-affinity term, tolerations of NoSchedule/NoExecute taints, and a volume topology alternative.
enum NodeSelectionRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        for node in cluster.nodes {
            for pod in node.newPods {
                for failure in cluster.spec(pod).nodeSelectionFailures(labels: node.labels, taints: node.taints) {
                    violations.append(PlanViolation(rule: failure.rule, pod: pod, podName: cluster.podName(pod),
                                                    node: node.name, message: failure.message))
                }
            }
        }
        return violations
    }
}
