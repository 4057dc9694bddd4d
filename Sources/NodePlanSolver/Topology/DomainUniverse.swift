import NodePlanModel

/// Every value each topology key can take, with the nodes that would carry it: each NodePool's
/// requirements and labels crossed with its instance types, and existing nodes.
struct DomainUniverse: Sendable {
    /// A node that exists or could be launched: what it requires of labels, and its taints.
    struct Carrier: Sendable {
        var requirements: Requirements
        var taints: [Taint]
    }

    private(set) var carriers: [Carrier] = []
    /// Per key and value: the carriers that may have it, as indices into `carriers`.
    private var carriersByDomain: [String: [String: [Int]]] = [:]

    /// Adds a node or NodeClaim with `requirements` and `taints`, a carrier of every value its
    /// requirements list.
    mutating func add(_ requirements: Requirements, taints: [Taint]) {
        let carrier = carriers.count
        carriers.append(Carrier(requirements: requirements, taints: taints))
        for key in requirements.keys {
            let requirement = requirements.get(key)
            guard requirement.effectiveOperator == .in else { continue }
            for value in requirement.values { carriersByDomain[key, default: [:]][value, default: []].append(carrier) }
        }
    }

    /// Whether some carrier lists `value` for `key`.
    func contains(_ value: String, of key: String) -> Bool { carriersByDomain[key]?[value] != nil }

    /// Every known value of `key`, sorted.
    func domains(of key: String) -> [String] { (carriersByDomain[key] ?? [:]).keys.sorted() }

    /// The known values of `key` some carrier of which `filter` admits once in that domain, sorted.
    func domains(of key: String, passing filter: TopologyNodeFilter) -> [String] {
        (carriersByDomain[key] ?? [:]).filter { domain, members in
            members.contains { filter.matches(carriers[$0].requirements, taints: carriers[$0].taints, in: domain, of: key) }
        }.keys.sorted()
    }
}
