import NodePlanModel

/// `DoNotSchedule` topology spread holds for every pod the plan places, judged on the final state.
///
/// What is checked, per placed pod and constraint (selector ∧ `matchLabelKeys`, same namespace):
/// - the pod's node carries the topology key;
/// - domains are the key's values on eligible final nodes: nodes the pod's nodeSelector and
///   required affinity select (`nodeAffinityPolicy: Honor`) and, with `nodeTaintsPolicy: Honor`,
///   whose taints it tolerates. Potential domains of NodePools with no node yet are not added,
///   so the check is never stricter than Karpenter;
/// - the global minimum is the smallest final count of matching pods over those domains, or 0
///   when there are fewer domains than `minDomains`;
/// - the pod's own domain must satisfy `pods there before the plan + placed pods carrying the
///   same constraint that it counts − minimum ≤ maxSkew`. The last such pod placed into the
///   domain saw at least that many, and counts only grow, so every valid placement order meets
///   this; when all matching pods carry the constraint (a replica set) it is also sufficient.
///   Placed pods the selector counts but that lack the constraint (they may have come later)
///   raise the minimum but are not held against the domain.
enum TopologySpreadRule {
    static func violations(in cluster: FinalCluster, census: PodCensus) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        var countsByGroup: [SpreadGroup: SpreadCounts] = [:]
        let constrained = ConstrainedPlacements(cluster)
        for node in cluster.nodes {
            for pod in node.newPods {
                let spec = cluster.spec(pod)
                for constraint in spec.topologySpreadConstraints {
                    guard let key = ConstraintKey(constraint, spec: spec) else { continue }
                    func violation(_ message: String) {
                        violations.append(PlanViolation(rule: .topologySpreadViolated, pod: pod, podName: cluster.podName(pod),
                                                        node: node.name, message: message))
                    }
                    guard let domain = node.domain(constraint.topologyKey) else {
                        violation("node has no \(constraint.topologyKey) label for the pod's spread constraint")
                        continue
                    }
                    let counts = countsByGroup[key.group] ?? SpreadCounts(key.group, cluster: cluster, census: census)
                    countsByGroup[key.group] = counts
                    let minimum = counts.domainCount < Int(constraint.minDomains ?? 1) ? 0 : counts.minimum
                    let countsItself = key.group.selector.matches(spec.labels)
                    let count = counts.existing[domain, default: 0] + (countsItself ? constrained.count(key, in: domain) : 0)
                    if count - minimum > Int(constraint.maxSkew) {
                        violation("\(constraint.topologyKey)=\(domain) holds \(count) pods matching "
                                  + "\(key.group.selector.readable) (present before the plan or spread by the same constraint), the emptiest domain "
                                  + "\(minimum): skew \(count - minimum) > maxSkew \(constraint.maxSkew)")
                    }
                }
            }
        }
        return violations
    }

    /// A hard constraint as it applies to one pod: its counting group plus skew settings.
    private struct ConstraintKey: Hashable {
        var group: SpreadGroup
        var maxSkew: Int32
        var minDomains: Int32?

        /// Nil for soft constraints and constraints without a selector.
        init?(_ constraint: TopologySpreadConstraint, spec: PodSpec) {
            guard constraint.whenUnsatisfiable == .doNotSchedule,
                  let selector = TopologySpreadRule.effectiveSelector(constraint, spec: spec) else { return nil }
            group = SpreadGroup(constraint, selector: selector, spec: spec)
            maxSkew = constraint.maxSkew
            minDomains = constraint.minDomains
        }
    }

    /// Per constraint and domain: placed pods that carry the constraint and are counted by it.
    private struct ConstrainedPlacements {
        private var counts: [ConstraintKey: [String: Int]] = [:]

        init(_ cluster: FinalCluster) {
            for node in cluster.nodes {
                for pod in node.newPods where !cluster.snapshot.pods[Int(pod)].isTerminating {
                    let spec = cluster.spec(pod)
                    for constraint in spec.topologySpreadConstraints {
                        guard let key = ConstraintKey(constraint, spec: spec), key.group.selector.matches(spec.labels),
                              let domain = node.domain(constraint.topologyKey) else { continue }
                        counts[key, default: [:]][domain, default: 0] += 1
                    }
                }
            }
        }

        func count(_ key: ConstraintKey, in domain: String) -> Int { counts[key]?[domain] ?? 0 }
    }

    /// The constraint's selector with `matchLabelKeys` folded in; nil when it selects no pod.
    fileprivate static func effectiveSelector(_ constraint: TopologySpreadConstraint, spec: PodSpec) -> LabelSelector? {
        guard var selector = constraint.labelSelector else { return nil }
        for key in constraint.matchLabelKeys {
            if let value = spec.labels[key] {
                selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .in, values: [value]))
            }
        }
        return selector
    }

    /// Everything counting depends on: pods with equal groups see the same domains and counts, so
    /// replicas (and shapes differing only in requests) share one count.
    private struct SpreadGroup: Hashable {
        var topologyKey: String
        var namespace: String
        var selector: LabelSelector
        /// The node-selection part of the pod `nodeAffinityPolicy` honours (selector, required affinity)
        /// and, when `nodeTaintsPolicy` is Honor, its tolerations.
        var filter: PodSpec
        var honorsTaints: Bool

        init(_ constraint: TopologySpreadConstraint, selector: LabelSelector, spec: PodSpec) {
            topologyKey = constraint.topologyKey
            namespace = spec.namespace
            self.selector = selector
            filter = PodSpec(namespace: "")
            if constraint.nodeAffinityPolicy == .honor {
                filter.nodeSelector = spec.nodeSelector
                filter.affinity.nodeAffinity = spec.affinity.nodeAffinity.map { NodeAffinity(required: $0.required) }
            }
            honorsTaints = constraint.nodeTaintsPolicy == .honor
            if honorsTaints { filter.tolerations = spec.tolerations }
        }

        func isEligible(_ node: FinalNode) -> Bool {
            filter.selectsNode(node.labels) && (!honorsTaints || filter.tolerations.firstUntolerated(node.taints) == nil)
        }
    }

    /// Matching pods per eligible domain, for one spread group.
    private struct SpreadCounts {
        var all: [String: Int] = [:]
        /// Pods present before the plan.
        var existing: [String: Int] = [:]
        var domainCount = 0
        var minimum = 0

        init(_ group: SpreadGroup, cluster: FinalCluster, census: PodCensus) {
            var matches: [Int32: Bool] = [:]
            var domains: Set<String> = []
            for (index, node) in cluster.nodes.enumerated() {
                guard let domain = node.domain(group.topologyKey), group.isEligible(node) else { continue }
                domains.insert(domain)
                for (other, tally) in census.perNode[index] {
                    let otherSpec = cluster.snapshot.podSpecs[Int(other)]
                    let counted = matches[other]
                        ?? (otherSpec.namespace == group.namespace && group.selector.matches(otherSpec.labels))
                    matches[other] = counted
                    guard counted else { continue }
                    all[domain, default: 0] += tally.all
                    existing[domain, default: 0] += tally.existing
                }
            }
            domainCount = domains.count
            minimum = domains.map { all[$0, default: 0] }.min() ?? 0
        }
    }
}
