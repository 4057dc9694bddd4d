import NodePlanModel

/// On existing nodes that receive pods, the volumes attached per CSI driver stay within the
/// node's attach limit. New nodes are unlimited, as in Karpenter.
enum VolumeLimitRule {
    static func violations(in cluster: FinalCluster) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        for node in cluster.nodes where node.launch == nil && !node.newPods.isEmpty && !node.volumeLimits.isEmpty {
            var attached: [String: Int] = [:]
            for pod in node.pods {
                for (driver, count) in cluster.spec(pod).volumes.attachments { attached[driver, default: 0] += count }
            }
            for (driver, count) in attached.sorted(by: { $0.key < $1.key }) {
                guard let limit = node.volumeLimits[driver], count > limit else { continue }
                violations.append(PlanViolation(rule: .volumeLimitExceeded, node: node.name,
                                                message: "\(count) volumes of driver \(driver) exceed its attach limit \(limit)"))
            }
        }
        return violations
    }
}
