import NodePlanModel

/// Every value each topology key can take, with the taint sets of the nodes that would carry it:
/// from each NodePool's requirements and labels crossed with its instance types, plus the labels
/// of existing nodes.
struct DomainUniverse: Sendable {
    private(set) var taintSetsByDomain: [String: [String: Set<[Taint]>]] = [:]

    /// Adds the finite values of every key in `requirements` (for a node or NodeClaim with `taints`).
    mutating func add(_ requirements: Requirements, taints: [Taint]) {
        for key in requirements.keys {
            let requirement = requirements.get(key)
            guard requirement.effectiveOperator == .in else { continue }
            for value in requirement.values { add(key: key, value: value, taints: taints) }
        }
    }

    mutating func add(key: String, value: String, taints: [Taint]) {
        taintSetsByDomain[key, default: [:]][value, default: []].insert(taints)
    }

    /// Domains of `key` with their taint sets.
    func domains(of key: String) -> [String: Set<[Taint]>] { taintSetsByDomain[key] ?? [:] }
}
