import NodePlanModel

/// Required pod affinity and anti-affinity hold for every pod the plan places, on any topology key,
/// with namespaces from `namespaces` ∪ `namespaceSelector` (the owner's namespace when both are
/// empty) and `matchLabelKeys`/`mismatchLabelKeys` folded into the selector.
///
/// - Affinity: another counted pod the term selects shares the pod's domain. A pod the term selects
///   itself follows `AffinityBootstrap` instead: its domain holds a seed, or it is the one domain
///   the first matching pod of the cluster started.
/// - Anti-affinity: no other pod the term selects shares the pod's domain (a node without the key
///   is in no domain).
/// - Inverse anti-affinity: no pod with a required anti-affinity term that selects the placed pod
///   shares the placed pod's domain for that term's key.
enum PodAffinityRule {
    static func violations(in cluster: FinalCluster, census: inout PodCensus) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        var index = AffinityIndex(cluster)
        var bootstrap = AffinityBootstrap(cluster, index: &index)
        let specs = cluster.snapshot.podSpecs
        // Shapes present in the final cluster whose pods repel others.
        let repellers = census.total.keys.filter { !index.terms[Int($0)].antiAffinity.isEmpty }.sorted()

        for node in cluster.nodes {
            for pod in node.newPods {
                let specIndex = cluster.snapshot.pods[Int(pod)].spec
                let countsItself = !cluster.snapshot.pods[Int(pod)].isTerminating
                func violation(_ rule: PlanRule, _ message: String) {
                    violations.append(PlanViolation(rule: rule, pod: pod, podName: cluster.podName(pod), node: node.name,
                                                    message: message))
                }
                func others(_ term: AffinityIndex.TermID, in domain: String) -> Int {
                    let itself = countsItself && index.selects(term, specIndex) ? 1 : 0
                    return index.selected(by: term, in: domain, census: &census) - itself
                }

                for (position, term) in index.terms[Int(specIndex)].affinity.enumerated() {
                    let id = AffinityIndex.TermID(owner: specIndex, anti: false, position: position)
                    guard let domain = node.domain(term.topologyKey) else {
                        violation(.podAffinityViolated, "node has no \(term.topologyKey) label for the pod's affinity")
                        continue
                    }
                    if index.selects(id, specIndex) && countsItself {
                        if let problem = bootstrap.problem(term, in: domain, index: &index, census: &census) {
                            violation(.podAffinityViolated, problem)
                        }
                    } else if others(id, in: domain) == 0 {
                        violation(.podAffinityViolated, "no pod matching \(term.readable) in \(term.topologyKey)=\(domain)")
                    }
                }
                for (position, term) in index.terms[Int(specIndex)].antiAffinity.enumerated() {
                    guard let domain = node.domain(term.topologyKey) else { continue }
                    let clashes = others(AffinityIndex.TermID(owner: specIndex, anti: true, position: position), in: domain)
                    if clashes > 0 {
                        violation(.podAntiAffinityViolated,
                                  "\(clashes) pod(s) matching \(term.readable) share \(term.topologyKey)=\(domain)")
                    }
                }
                for owner in repellers where owner != specIndex {
                    for (position, term) in index.terms[Int(owner)].antiAffinity.enumerated()
                    where index.selects(AffinityIndex.TermID(owner: owner, anti: true, position: position), specIndex) {
                        guard let domain = node.domain(term.topologyKey),
                              let present = census.domains(of: term.topologyKey, in: cluster)[domain]?[owner], present > 0
                        else { continue }
                        let ownerLabels = specs[Int(owner)].labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                        violation(.podAntiAffinityViolated,
                                  "\(present) pod(s) labelled \(ownerLabels.joined(separator: ",")) "
                                  + "in \(term.topologyKey)=\(domain) have required anti-affinity against it")
                    }
                }
            }
        }
        return violations
    }
}
