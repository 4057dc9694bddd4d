import NodePlanModel

/// Whether a launch's fallback may put its pods in other topology domains than the choice does.
///
/// The plan is judged with every launch at its choice; a fallback that lands the node in another
/// domain of a key (a zone, say) is still a valid alternative when the hard constraints of the
/// pods it carries hold there too:
/// - `DoNotSchedule` spread on the key: never, as the move changes the counts every replica was
///   placed against (Karpenter pins such a NodeClaim to one domain);
/// - required pod affinity: the new domain holds a pod the term selects (for a term that does
///   not select the pod itself, the node's pods count, as they move along); a pod the term
///   selects may instead start the new domain when every pod the term selects in the cluster is
///   on this node, so they move there together;
/// - required pod anti-affinity: the new domain holds no pod the term selects;
/// - inverse anti-affinity: no pod in the new domain has a required anti-affinity term on the
///   key that selects a moved pod.
/// Pods on other nodes that count the moved pods are judged with the launch at its choice.
struct FallbackTopology {
    private let cluster: FinalCluster
    private var index: AffinityIndex
    /// Pod specs of the final cluster with required anti-affinity terms.
    private let repellers: [Int32]
    /// Their terms' topology keys.
    private let repellerKeys: Set<String>

    init(_ cluster: FinalCluster, census: PodCensus) {
        self.cluster = cluster
        let index = AffinityIndex(cluster)
        repellers = census.total.keys.filter { !index.terms[Int($0)].antiAffinity.isEmpty }.sorted()
        repellerKeys = Set(repellers.flatMap { index.terms[Int($0)].antiAffinity.map(\.topologyKey) })
        self.index = index
    }

    /// Why the pods of `node` may not move to a node labelled `labels`; empty when they may.
    mutating func problems(moving node: FinalNode, to labels: NodeLabels, census: inout PodCensus) -> [String] {
        func target(_ key: String) -> String? {
            labels[key] ?? (key == WellKnownLabel.hostname ? node.name : nil)
        }
        func moves(_ key: String) -> Bool { target(key) != node.domain(key) }
        func move(_ key: String) -> String {
            "from \(key)=\(node.domain(key) ?? "<none>") to \(key)=\(target(key) ?? "<none>")"
        }
        var shapes: [(spec: Int32, name: String)] = []
        for pod in node.newPods where !shapes.contains(where: { $0.spec == cluster.snapshot.pods[Int(pod)].spec }) {
            shapes.append((cluster.snapshot.pods[Int(pod)].spec, cluster.podName(pod)))
        }
        let keys = Set(shapes.flatMap { cluster.snapshot.podSpecs[Int($0.spec)].hardTopologyKeys })
            .union(repellerKeys)
        guard keys.contains(where: moves) else { return [] }

        let counted = node.pods.filter { !cluster.snapshot.pods[Int($0)].isTerminating }
            .map { cluster.snapshot.pods[Int($0)].spec }
        var messages: [String] = []
        for (specIndex, name) in shapes {
            let spec = cluster.snapshot.podSpecs[Int(specIndex)]
            for constraint in spec.topologySpreadConstraints
            where constraint.whenUnsatisfiable == .doNotSchedule && constraint.labelSelector != nil
                && moves(constraint.topologyKey) {
                messages.append("moves pod \(name) \(move(constraint.topologyKey)), which its topology spread counts")
            }
            for (position, term) in index.terms[Int(specIndex)].affinity.enumerated() where moves(term.topologyKey) {
                let id = AffinityIndex.TermID(owner: specIndex, anti: false, position: position)
                guard let domain = target(term.topologyKey) else {
                    messages.append("moves pod \(name) \(move(term.topologyKey)), out of reach of its pod affinity")
                    continue
                }
                let movingAlong = counted.filter { index.selects(id, $0) }.count
                let waiting = index.selected(by: id, in: domain, census: &census)
                let allowed = index.selects(id, specIndex)
                    ? waiting > 0 || index.selectedAnywhere(by: id, census: census) == movingAlong
                    : waiting + movingAlong > 0
                if !allowed {
                    messages.append("moves pod \(name) \(move(term.topologyKey)), where no pod matching "
                                    + "\(term.readable) runs for its required affinity")
                }
            }
            for (position, term) in index.terms[Int(specIndex)].antiAffinity.enumerated() where moves(term.topologyKey) {
                let id = AffinityIndex.TermID(owner: specIndex, anti: true, position: position)
                guard let domain = target(term.topologyKey),
                      index.selected(by: id, in: domain, census: &census) > 0 else { continue }
                messages.append("moves pod \(name) \(move(term.topologyKey)), where pods matching "
                                + "\(term.readable) run against its required anti-affinity")
            }
            for owner in repellers where owner != specIndex {
                for (position, term) in index.terms[Int(owner)].antiAffinity.enumerated() where moves(term.topologyKey)
                    && index.selects(AffinityIndex.TermID(owner: owner, anti: true, position: position), specIndex) {
                    guard let domain = target(term.topologyKey),
                          let present = census.domains(of: term.topologyKey, in: cluster)[domain]?[owner], present > 0
                    else { continue }
                    messages.append("moves pod \(name) \(move(term.topologyKey)), where \(present) pod(s) have "
                                    + "required anti-affinity against it")
                }
            }
        }
        return messages
    }
}
