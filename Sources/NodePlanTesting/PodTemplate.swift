import NodePlanModel

/// A pod spec built fluently, so a test reads like the rule it checks:
/// `PodTemplate(cpu: "1").labels(["app": "web"]).spread(.zone, maxSkew: 1)`.
public struct PodTemplate: Sendable {
    public var spec: PodSpec

    /// A pod with one container requesting `cpu` and `memory` (Kubernetes quantity strings).
    public init(cpu: String = "100m", memory: String = "128Mi", namespace: String = "default") {
        spec = PodSpec(namespace: namespace, containers: [
            Container(name: "main", requests: ResourceList([
                ResourceName.cpu: Self.quantity(cpu), ResourceName.memory: Self.quantity(memory),
            ])),
        ])
    }

    static func quantity(_ text: String) -> Quantity {
        do { return try Quantity(parsing: text) } catch { preconditionFailure("\(error)") }
    }

    private func with(_ change: (inout PodSpec) -> Void) -> PodTemplate {
        var copy = self
        change(&copy.spec)
        return copy
    }

    /// Adds a request (e.g. `nvidia.com/gpu`) to the main container.
    public func requesting(_ resource: String, _ quantity: String) -> PodTemplate {
        with { $0.containers[0].requests[resource] = Self.quantity(quantity) }
    }

    public func labels(_ labels: [String: String]) -> PodTemplate { with { $0.labels.merge(labels) { $1 } } }
    public func namespace(_ namespace: String) -> PodTemplate { with { $0.namespace = namespace } }
    public func annotations(_ annotations: [String: String]) -> PodTemplate {
        with { $0.annotations.merge(annotations) { $1 } }
    }
    public func priority(_ priority: Int32) -> PodTemplate { with { $0.priority = priority } }
    public func owner(kind: String, name: String) -> PodTemplate { with { $0.owner = OwnerReference(kind: kind, name: name) } }
    public func nodeSelector(_ selector: [String: String]) -> PodTemplate {
        with { $0.nodeSelector.merge(selector) { $1 } }
    }

    /// Required node affinity with these OR-terms.
    public func requiredNodeAffinity(_ terms: [NodeSelectorRequirement]...) -> PodTemplate {
        with { spec in
            var affinity = spec.affinity.nodeAffinity ?? NodeAffinity()
            affinity.required = terms.map(NodeSelectorTerm.init)
            spec.affinity.nodeAffinity = affinity
        }
    }

    /// A preferred node-affinity term.
    public func preferredNodeAffinity(weight: Int32, _ requirements: NodeSelectorRequirement...) -> PodTemplate {
        with { spec in
            var affinity = spec.affinity.nodeAffinity ?? NodeAffinity()
            affinity.preferred.append(PreferredSchedulingTerm(weight: weight, preference: NodeSelectorTerm(requirements)))
            spec.affinity.nodeAffinity = affinity
        }
    }

    /// A topology spread constraint selecting pods with `selector` (default: this pod's labels).
    public func spread(_ key: String, maxSkew: Int32 = 1, whenUnsatisfiable: UnsatisfiableConstraintAction = .doNotSchedule,
                       minDomains: Int32? = nil, selector: [String: String]? = nil,
                       nodeAffinityPolicy: NodeInclusionPolicy = .honor, nodeTaintsPolicy: NodeInclusionPolicy = .ignore,
                       matchLabelKeys: [String] = []) -> PodTemplate {
        with { spec in
            spec.topologySpreadConstraints.append(TopologySpreadConstraint(
                maxSkew: maxSkew, topologyKey: key, whenUnsatisfiable: whenUnsatisfiable,
                labelSelector: LabelSelector(matchLabels: selector ?? spec.labels), minDomains: minDomains,
                nodeAffinityPolicy: nodeAffinityPolicy, nodeTaintsPolicy: nodeTaintsPolicy,
                matchLabelKeys: matchLabelKeys))
        }
    }

    /// Pod affinity to pods labelled `selector` on `key`; preferred when `weight` is given.
    public func podAffinity(_ key: String, to selector: [String: String], weight: Int32? = nil,
                            namespaces: [String] = [], namespaceSelector: LabelSelector? = nil) -> PodTemplate {
        with { spec in
            var rules = spec.affinity.podAffinity ?? PodAffinityRules()
            Self.append(term: PodAffinityTerm(labelSelector: LabelSelector(matchLabels: selector), namespaces: namespaces,
                                              namespaceSelector: namespaceSelector, topologyKey: key),
                        weight: weight, to: &rules)
            spec.affinity.podAffinity = rules
        }
    }

    /// Pod anti-affinity to pods labelled `selector` on `key`; preferred when `weight` is given.
    public func podAntiAffinity(_ key: String, to selector: [String: String], weight: Int32? = nil,
                                namespaces: [String] = [], namespaceSelector: LabelSelector? = nil) -> PodTemplate {
        with { spec in
            var rules = spec.affinity.podAntiAffinity ?? PodAffinityRules()
            Self.append(term: PodAffinityTerm(labelSelector: LabelSelector(matchLabels: selector), namespaces: namespaces,
                                              namespaceSelector: namespaceSelector, topologyKey: key),
                        weight: weight, to: &rules)
            spec.affinity.podAntiAffinity = rules
        }
    }

    private static func append(term: PodAffinityTerm, weight: Int32?, to rules: inout PodAffinityRules) {
        if let weight {
            rules.preferred.append(WeightedPodAffinityTerm(weight: weight, term: term))
        } else {
            rules.required.append(term)
        }
    }

    public func tolerating(_ key: String, value: String? = nil, effect: TaintEffect? = nil) -> PodTemplate {
        with { $0.tolerations.append(Toleration(key: key, operator: value == nil ? .exists : .equal, value: value ?? "",
                                                effect: effect)) }
    }

    /// Tolerates every taint (`operator: Exists` with no key).
    public func toleratingEverything() -> PodTemplate { with { $0.tolerations.append(Toleration(operator: .exists)) } }

    public func hostPort(_ port: Int32, protocol: String = "TCP") -> PodTemplate {
        with { $0.containers[0].hostPorts.append(HostPort(port: port, protocol: `protocol`)) }
    }

    /// Volumes that restrict the node to one of these zones (a bound PV or allowedTopologies).
    public func volumeZones(_ zones: String...) -> PodTemplate {
        with { $0.volumes.topologyAlternatives = zones.map { [.in(WellKnownLabel.zone, $0)] } }
    }

    /// Volumes counting against a CSI driver's attach limit on existing nodes.
    public func attaching(_ count: Int, driver: String = "disk.csi.azure.com") -> PodTemplate {
        with { $0.volumes.attachments[driver, default: 0] += count }
    }
}
