import NodePlanModel

/// Why a pod cannot run on a node because of the node's labels or taints.
struct NodeSelectionFailure: Sendable {
    var rule: PlanRule
    var message: String
}

extension PodSpec {
    /// Whether the node's labels satisfy the pod's nodeSelector and some required node-affinity term.
    /// This is the node filter topology spread uses for `nodeAffinityPolicy: Honor`.
    func selectsNode(_ labels: NodeLabels) -> Bool {
        nodeSelectorFailure(labels) == nil && nodeAffinityFailure(labels) == nil
    }

    /// Every label- and taint-based reason the pod cannot run on a node with `labels` and `taints`.
    func nodeSelectionFailures(labels: NodeLabels, taints: [Taint]) -> [NodeSelectionFailure] {
        var failures: [NodeSelectionFailure] = []
        if let message = nodeSelectorFailure(labels) {
            failures.append(NodeSelectionFailure(rule: .nodeSelectorMismatch, message: message))
        }
        if let message = nodeAffinityFailure(labels) {
            failures.append(NodeSelectionFailure(rule: .nodeAffinityMismatch, message: message))
        }
        if let taint = tolerations.firstUntolerated(taints) {
            failures.append(NodeSelectionFailure(
                rule: .untoleratedTaint, message: "taint \(taint.readable) is not tolerated"))
        }
        if let message = volumeTopologyFailure(labels) {
            failures.append(NodeSelectionFailure(rule: .volumeTopologyMismatch, message: message))
        }
        return failures
    }

    private func nodeSelectorFailure(_ labels: NodeLabels) -> String? {
        for (key, value) in nodeSelector.sorted(by: { $0.key < $1.key }) where labels[key] != value {
            return "nodeSelector \(key)=\(value) but the node has \(labels[key].map { "\(key)=\($0)" } ?? "no \(key)")"
        }
        return nil
    }

    private func nodeAffinityFailure(_ labels: NodeLabels) -> String? {
        guard let terms = affinity.nodeAffinity?.required, !terms.isEmpty else { return nil }
        // Kubernetes: a term without expressions matches no node.
        let holds = terms.contains { !$0.matchExpressions.isEmpty && $0.matchExpressions.firstUnsatisfied(by: labels) == nil }
        guard !holds else { return nil }
        let failed = terms.map { $0.matchExpressions.firstUnsatisfied(by: labels)?.readable ?? "empty term" }
        return "no required node-affinity term holds (failing: \(failed.joined(separator: "; ")))"
    }

    private func volumeTopologyFailure(_ labels: NodeLabels) -> String? {
        let alternatives = volumes.topologyAlternatives
        guard !alternatives.isEmpty else { return nil }
        if alternatives.contains(where: { $0.firstUnsatisfied(by: labels) == nil }) { return nil }
        let readable = alternatives.map { $0.map(\.readable).joined(separator: " && ") }
        return "no volume topology alternative holds (\(readable.joined(separator: " | ")))"
    }
}
