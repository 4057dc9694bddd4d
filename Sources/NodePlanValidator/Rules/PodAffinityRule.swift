import NodePlanModel

/// Required pod affinity and anti-affinity hold for every pod the plan places, on any topology key,
/// with namespaces from `namespaces` ∪ `namespaceSelector` (the owner's namespace when both are
/// empty) and `matchLabelKeys`/`mismatchLabelKeys` folded into the selector.
///
/// - Affinity: another counted pod the term selects shares the pod's domain; a pod that selects
///   itself may instead be the only such pod in the cluster (the first replica bootstraps).
/// - Anti-affinity: no other pod the term selects shares the pod's domain (a node without the key
///   is in no domain).
/// - Inverse anti-affinity: no pod with a required anti-affinity term that selects the placed pod
///   shares the placed pod's domain for that term's key.
enum PodAffinityRule {
    static func violations(in cluster: FinalCluster, census: inout PodCensus) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        let namespaceLabels = Dictionary(cluster.snapshot.namespaces.map { ($0.name, $0.labels) },
                                         uniquingKeysWith: { first, _ in first })
        let specs = cluster.snapshot.podSpecs
        let terms = specs.map { spec in
            (affinity: (spec.affinity.podAffinity?.required ?? []).map {
                ResolvedAffinityTerm($0, owner: spec, namespaceLabels: namespaceLabels)
            }, antiAffinity: (spec.affinity.podAntiAffinity?.required ?? []).map {
                ResolvedAffinityTerm($0, owner: spec, namespaceLabels: namespaceLabels)
            })
        }
        // Shapes present in the final cluster whose pods repel others.
        let repellers = census.total.keys.filter { !terms[Int($0)].antiAffinity.isEmpty }.sorted()

        for node in cluster.nodes {
            for pod in node.newPods {
                let specIndex = cluster.snapshot.pods[Int(pod)].spec
                let spec = specs[Int(specIndex)]
                let countsItself = !cluster.snapshot.pods[Int(pod)].isTerminating
                func violation(_ rule: PlanRule, _ message: String) {
                    violations.append(PlanViolation(rule: rule, pod: pod, podName: cluster.podName(pod), node: node.name,
                                                    message: message))
                }
                func others(selectedBy term: ResolvedAffinityTerm, in domain: String) -> Int {
                    let inDomain = census.domains(of: term.topologyKey, in: cluster)[domain] ?? [:]
                    let selected = inDomain.reduce(0) { $0 + (term.selects(specs[Int($1.key)]) ? $1.value : 0) }
                    return selected - (countsItself && term.selects(spec) ? 1 : 0)
                }

                for term in terms[Int(specIndex)].affinity {
                    guard let domain = node.domain(term.topologyKey) else {
                        violation(.podAffinityViolated, "node has no \(term.topologyKey) label for the pod's affinity")
                        continue
                    }
                    if others(selectedBy: term, in: domain) > 0 { continue }
                    let selectedAnywhere = census.total.reduce(0) { $0 + (term.selects(specs[Int($1.key)]) ? $1.value : 0) }
                    let bootstraps = term.selects(spec) && selectedAnywhere - (countsItself ? 1 : 0) == 0
                    if !bootstraps {
                        violation(.podAffinityViolated, "no pod matching \(term.readable) in \(term.topologyKey)=\(domain)")
                    }
                }
                for term in terms[Int(specIndex)].antiAffinity {
                    guard let domain = node.domain(term.topologyKey) else { continue }
                    let clashes = others(selectedBy: term, in: domain)
                    if clashes > 0 {
                        violation(.podAntiAffinityViolated,
                                  "\(clashes) pod(s) matching \(term.readable) share \(term.topologyKey)=\(domain)")
                    }
                }
                for owner in repellers where owner != specIndex {
                    for term in terms[Int(owner)].antiAffinity where term.selects(spec) {
                        guard let domain = node.domain(term.topologyKey),
                              let present = census.domains(of: term.topologyKey, in: cluster)[domain]?[owner], present > 0
                        else { continue }
                        violation(.podAntiAffinityViolated,
                                  "\(present) pod(s) labelled \(specs[Int(owner)].labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")) "
                                  + "in \(term.topologyKey)=\(domain) have required anti-affinity against it")
                    }
                }
            }
        }
        return violations
    }
}
