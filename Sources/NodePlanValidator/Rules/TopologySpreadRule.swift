import NodePlanModel

/// `DoNotSchedule` topology spread holds for every pod the plan places, judged on the final state.
///
/// What is checked, per placed pod and constraint (selector ∧ `matchLabelKeys`, same namespace):
/// - the pod's node carries the topology key;
/// - domains are the key's values on eligible final nodes: nodes the pod's nodeSelector and
///   required affinity select (`nodeAffinityPolicy: Honor`) and, with `nodeTaintsPolicy: Honor`,
///   whose taints it tolerates. Potential domains of NodePools with no node yet are not added,
///   so the check is never stricter than Karpenter;
/// - the global minimum is the smallest count over those domains, or 0 when there are fewer
///   domains than `minDomains`;
/// - a pod its selector counts needs `count(own domain) − min ≤ maxSkew` on final counts. This is
///   exactly "some placement order satisfies the scheduler's per-pod check" when all pods the
///   selector counts carry the same constraint (the usual replica set);
/// - a pod its selector does not count needs `count of pods present before the plan − min ≤ maxSkew`,
///   a condition every valid order meets.
enum TopologySpreadRule {
    static func violations(in cluster: FinalCluster, census: PodCensus) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        var cache: [SpreadKey: SpreadCounts] = [:]
        for node in cluster.nodes {
            for pod in node.newPods {
                let specIndex = cluster.snapshot.pods[Int(pod)].spec
                let spec = cluster.snapshot.podSpecs[Int(specIndex)]
                for (position, constraint) in spec.topologySpreadConstraints.enumerated()
                where constraint.whenUnsatisfiable == .doNotSchedule {
                    guard let selector = effectiveSelector(constraint, spec: spec) else { continue }
                    func violation(_ message: String) {
                        violations.append(PlanViolation(rule: .topologySpreadViolated, pod: pod, podName: cluster.podName(pod),
                                                        node: node.name, message: message))
                    }
                    guard let domain = node.domain(constraint.topologyKey) else {
                        violation("node has no \(constraint.topologyKey) label for the pod's spread constraint")
                        continue
                    }
                    let key = SpreadKey(spec: specIndex, constraint: position)
                    let counts = cache[key] ?? SpreadCounts(constraint, selector: selector, spec: spec, cluster: cluster, census: census)
                    cache[key] = counts
                    let minimum = counts.domains.count < Int(constraint.minDomains ?? 1) ? 0 : counts.minimum
                    let countsItself = selector.matches(spec.labels)
                    let count = countsItself ? counts.all[domain, default: 1] : counts.existing[domain, default: 0]
                    if count - minimum > Int(constraint.maxSkew) {
                        violation("\(constraint.topologyKey)=\(domain) holds \(count) pods matching \(selector.readable), "
                                  + "the emptiest domain \(minimum): skew \(count - minimum) > maxSkew \(constraint.maxSkew)")
                    }
                }
            }
        }
        return violations
    }

    /// The constraint's selector with `matchLabelKeys` folded in; nil when it selects no pod.
    private static func effectiveSelector(_ constraint: TopologySpreadConstraint, spec: PodSpec) -> LabelSelector? {
        guard var selector = constraint.labelSelector else { return nil }
        for key in constraint.matchLabelKeys {
            if let value = spec.labels[key] {
                selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .in, values: [value]))
            }
        }
        return selector
    }

    private struct SpreadKey: Hashable {
        var spec: Int32
        var constraint: Int
    }

    /// Matching pods per eligible domain, for one pod shape and constraint.
    private struct SpreadCounts {
        var all: [String: Int] = [:]
        var existing: [String: Int] = [:]
        var domains: Set<String> = []
        var minimum: Int { domains.map { all[$0, default: 0] }.min() ?? 0 }

        init(_ constraint: TopologySpreadConstraint, selector: LabelSelector, spec: PodSpec, cluster: FinalCluster,
             census: PodCensus) {
            var matches: [Int32: Bool] = [:]
            for (index, node) in cluster.nodes.enumerated() {
                guard let domain = node.domain(constraint.topologyKey) else { continue }
                if constraint.nodeAffinityPolicy == .honor && !spec.selectsNode(node.labels) { continue }
                if constraint.nodeTaintsPolicy == .honor && spec.tolerations.firstUntolerated(node.taints) != nil { continue }
                domains.insert(domain)
                for (other, tally) in census.perNode[index] {
                    let otherSpec = cluster.snapshot.podSpecs[Int(other)]
                    let counted = matches[other] ?? (otherSpec.namespace == spec.namespace && selector.matches(otherSpec.labels))
                    matches[other] = counted
                    guard counted else { continue }
                    all[domain, default: 0] += tally.all
                    existing[domain, default: 0] += tally.existing
                }
            }
        }
    }
}
