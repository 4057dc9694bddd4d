import NodePlanModel

extension DaemonSet {
    /// Whether the DaemonSet controller would run a pod of this set on a node with `labels` and
    /// `taints`: the template selects the node and tolerates its NoSchedule/NoExecute taints
    /// (PreferNoSchedule never keeps a DaemonSet pod away).
    func runs(on labels: NodeLabels, taints: [Taint]) -> Bool {
        template.selectsNode(labels) && template.tolerations.firstUntolerated(taints) == nil
    }
}
