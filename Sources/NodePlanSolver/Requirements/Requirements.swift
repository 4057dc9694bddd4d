import NodePlanModel

/// A conjunction of per-key requirements: what a node, NodeClaim, pod or instance type demands.
public struct Requirements: Hashable, Sendable {
    private(set) var byKey: [String: Requirement]

    public init() { byKey = [:] }

    /// Requirements from node-selector requirements, keys normalised, repeated keys intersected.
    public init(_ requirements: [NodeSelectorRequirement]) {
        self.init()
        for requirement in requirements {
            add(Requirement(key: LabelKeys.normalized(requirement.key), operator: requirement.operator,
                            values: requirement.values, minValues: requirement.minValues))
        }
    }

    /// `key In [value]` for every label.
    public init(labels: [String: String]) {
        self.init()
        for (key, value) in labels {
            add(Requirement(key: LabelKeys.normalized(key), operator: .in, values: [value]))
        }
    }

    public var keys: Dictionary<String, Requirement>.Keys { byKey.keys }
    public var isEmpty: Bool { byKey.isEmpty }

    public func has(_ key: String) -> Bool { byKey[key] != nil }

    /// The requirement on `key`; `Exists` when unconstrained.
    public func get(_ key: String) -> Requirement { byKey[key] ?? .exists(key) }

    /// The requirement on `key`, nil when unconstrained.
    public subscript(key: String) -> Requirement? { byKey[key] }

    /// Intersects `requirement` into the requirement on its key.
    public mutating func add(_ requirement: Requirement) {
        if let existing = byKey[requirement.key] {
            byKey[requirement.key] = existing.intersection(requirement)
        } else {
            byKey[requirement.key] = requirement
        }
    }

    /// Intersects every requirement of `other` into this one.
    public mutating func add(_ other: Requirements) {
        for requirement in other.byKey.values { add(requirement) }
    }

    public func adding(_ other: Requirements) -> Requirements {
        var result = self
        result.add(other)
        return result
    }

    public mutating func remove(_ key: String) { byKey[key] = nil }

    /// Karpenter's `Compatible`: `incoming` can be satisfied together with these requirements.
    ///
    /// A key that `incoming` requires positively (`In`, `Exists`, bounds) but these requirements
    /// do not mention is a conflict, unless `allowUndefined` accepts it (well-known keys on a
    /// NodeClaim are resolved later by instance types and offerings). Returns the first conflict.
    public func conflict(with incoming: Requirements, allowUndefined: (String) -> Bool) -> RequirementConflict? {
        var undefined: RequirementConflict?
        for (key, requirement) in incoming.byKey where byKey[key] == nil && !allowUndefined(key) {
            switch requirement.effectiveOperator {
            case .notIn, .doesNotExist: continue
            default:
                if undefined == nil || key < undefined!.key {
                    undefined = RequirementConflict(key: key, required: requirement, available: nil)
                }
            }
        }
        return undefined ?? intersectionConflict(with: incoming)
    }

    /// Compatibility with undefined well-known keys allowed (NodeClaims and templates).
    public func conflict(with incoming: Requirements) -> RequirementConflict? {
        conflict(with: incoming, allowUndefined: LabelKeys.isWellKnown)
    }

    /// Compatibility where every key must be defined (existing nodes' labels).
    public func strictConflict(with incoming: Requirements) -> RequirementConflict? {
        conflict(with: incoming, allowUndefined: { _ in false })
    }

    /// Karpenter's `Intersects`: every shared key keeps at least one value, unless both sides
    /// only exclude values (NotIn/DoesNotExist on each side never conflict).
    public func intersectionConflict(with incoming: Requirements) -> RequirementConflict? {
        let (small, large, incomingIsSmall) = byKey.count <= incoming.byKey.count
            ? (byKey, incoming.byKey, false) : (incoming.byKey, byKey, true)
        var firstConflict: RequirementConflict?
        for (key, one) in small {
            guard let other = large[key] else { continue }
            let (existing, required) = incomingIsSmall ? (other, one) : (one, other)
            guard !existing.intersects(required) else { continue }
            if required.isExclusion && existing.isExclusion { continue }
            let conflict = RequirementConflict(key: key, required: required, available: existing)
            if firstConflict == nil || key < firstConflict!.key { firstConflict = conflict }
        }
        return firstConflict
    }

    /// Node-selector requirements, sorted by key.
    public var nodeSelectorRequirements: [NodeSelectorRequirement] {
        byKey.keys.sorted().flatMap { byKey[$0]!.nodeSelectorRequirements }
    }

    public var hasMinValues: Bool { byKey.values.contains { $0.minValues != nil } }

    /// Keys with a `minValues`, sorted.
    public var keysWithMinValues: [String] { byKey.values.filter { $0.minValues != nil }.map(\.key).sorted() }
}

extension Requirements: CustomStringConvertible {
    public var description: String {
        byKey.keys.sorted().map { byKey[$0]!.description }.joined(separator: ", ")
    }
}
