import NodePlanModel

/// The values one label key may take on a node: a finite set (`In`), or everything except a
/// finite set (`NotIn`, `Exists`), optionally bounded by integer limits (`Gt`, `Lt`, `Gte`, `Lte`).
///
/// This is Karpenter's requirement algebra: every node-selector operator maps to a
/// (complement, values, bounds) triple, and intersection is closed over that form.
public struct Requirement: Hashable, Sendable {
    public let key: String
    /// When true the allowed set is "every value except `values`".
    public private(set) var complement: Bool
    public private(set) var values: Set<String>
    /// Exclusive lower bound: allowed values are integers greater than this.
    public private(set) var greaterThan: Int64?
    /// Exclusive upper bound: allowed values are integers less than this.
    public private(set) var lessThan: Int64?
    /// At least this many distinct values must remain among a NodeClaim's instance types.
    public var minValues: Int?

    /// A requirement built from its parts; bounds on a finite set filter it and then disappear.
    init(key: String, complement: Bool, values: Set<String>, greaterThan: Int64? = nil, lessThan: Int64? = nil,
         minValues: Int? = nil) {
        self.key = key
        self.complement = complement
        self.values = values
        self.greaterThan = greaterThan
        self.lessThan = lessThan
        self.minValues = minValues
        if !complement {
            if greaterThan != nil || lessThan != nil { self.values = values.filter(isWithinBounds) }
            self.greaterThan = nil
            self.lessThan = nil
        }
    }

    /// Translates a node-selector operator. Gt/Lt/Gte/Lte take one integer value; a non-integer
    /// value yields an empty set (nothing satisfies it), as Kubernetes does.
    public init(key: String, operator: NodeSelectorOperator, values: [String] = [], minValues: Int? = nil) {
        func bound(_ adjust: Int64) -> Int64? { values.first.flatMap { Int64($0) }.map { $0 + adjust } }
        switch `operator` {
        case .in: self.init(key: key, complement: false, values: Set(values), minValues: minValues)
        case .notIn: self.init(key: key, complement: true, values: Set(values), minValues: minValues)
        case .exists: self.init(key: key, complement: true, values: [], minValues: minValues)
        case .doesNotExist: self.init(key: key, complement: false, values: [], minValues: minValues)
        case .gt, .gte:
            if let limit = bound(`operator` == .gt ? 0 : -1) {
                self.init(key: key, complement: true, values: [], greaterThan: limit, minValues: minValues)
            } else {
                self.init(key: key, complement: false, values: [], minValues: minValues)
            }
        case .lt, .lte:
            if let limit = bound(`operator` == .lt ? 0 : 1) {
                self.init(key: key, complement: true, values: [], lessThan: limit, minValues: minValues)
            } else {
                self.init(key: key, complement: false, values: [], minValues: minValues)
            }
        }
    }

    /// `key Exists`: any value, the requirement of a key nobody constrains.
    public static func exists(_ key: String) -> Requirement { Requirement(key: key, operator: .exists) }

    /// Whether `value` is allowed.
    public func has(_ value: String) -> Bool {
        guard isWithinBounds(value) else { return false }
        return complement ? !values.contains(value) : values.contains(value)
    }

    /// Karpenter's `Len`: the number of allowed values, with complements counting as (nearly) infinite.
    public var count: Int { complement ? Int.max - values.count : values.count }

    /// True when no value is allowed.
    public var isEmpty: Bool { count == 0 }

    /// The operator this requirement behaves as, for compatibility rules (bounds read as `Exists`).
    public var effectiveOperator: NodeSelectorOperator {
        if complement { return values.isEmpty ? .exists : .notIn }
        return values.isEmpty ? .doesNotExist : .in
    }

    /// Whether it only rules values out (`NotIn`, `DoesNotExist`): two such never conflict.
    public var isExclusion: Bool {
        switch effectiveOperator {
        case .notIn, .doesNotExist: true
        default: false
        }
    }

    /// The allowed values of a finite set, sorted; empty for complements.
    public var sortedValues: [String] { complement ? [] : values.sorted() }

    /// The single allowed value, if the set is finite and has exactly one.
    public var singleValue: String? { !complement && values.count == 1 ? values.first : nil }

    /// Values allowed by both requirements.
    public func intersection(_ other: Requirement) -> Requirement {
        let lower = [greaterThan, other.greaterThan].compactMap { $0 }.max()
        let upper = [lessThan, other.lessThan].compactMap { $0 }.min()
        let minimum = [minValues, other.minValues].compactMap { $0 }.max()
        if let lower, let upper, lower + 1 >= upper {
            return Requirement(key: key, complement: false, values: [], minValues: minimum)
        }
        let result: Set<String>
        switch (complement, other.complement) {
        case (true, true): result = values.union(other.values)
        case (true, false): result = other.values.subtracting(values)
        case (false, true): result = values.subtracting(other.values)
        case (false, false): result = values.intersection(other.values)
        }
        return Requirement(key: key, complement: complement && other.complement, values: result,
                           greaterThan: lower, lessThan: upper, minValues: minimum)
    }

    /// Whether some value satisfies both requirements (`!intersection(other).isEmpty` without
    /// building the intersection: this runs for every instance type of every candidate).
    public func intersects(_ other: Requirement) -> Bool {
        if greaterThan != nil || lessThan != nil || other.greaterThan != nil || other.lessThan != nil {
            return !intersection(other).isEmpty
        }
        switch (complement, other.complement) {
        case (true, true): return true
        case (true, false): return other.values.contains { !values.contains($0) }
        case (false, true): return values.contains { !other.values.contains($0) }
        case (false, false):
            let (small, large) = values.count <= other.values.count ? (values, other.values) : (other.values, values)
            return small.contains { large.contains($0) }
        }
    }

    /// Node-selector requirements expressing this one (bounds become Gt/Lt).
    public var nodeSelectorRequirements: [NodeSelectorRequirement] {
        var result: [NodeSelectorRequirement] = []
        if complement {
            if let greaterThan { result.append(NodeSelectorRequirement(key: key, operator: .gt, values: ["\(greaterThan)"])) }
            if let lessThan { result.append(NodeSelectorRequirement(key: key, operator: .lt, values: ["\(lessThan)"])) }
            if !values.isEmpty || result.isEmpty {
                result.append(NodeSelectorRequirement(key: key, operator: values.isEmpty ? .exists : .notIn,
                                                      values: values.sorted()))
            }
        } else {
            result.append(NodeSelectorRequirement(key: key, operator: values.isEmpty ? .doesNotExist : .in,
                                                  values: values.sorted()))
        }
        if let minValues, !result.isEmpty { result[result.count - 1].minValues = minValues }
        return result
    }

    private func isWithinBounds(_ value: String) -> Bool {
        guard greaterThan != nil || lessThan != nil else { return true }
        guard let number = Int64(value) else { return false }
        if let greaterThan, number <= greaterThan { return false }
        if let lessThan, number >= lessThan { return false }
        return true
    }
}

extension Requirement: CustomStringConvertible {
    public var description: String {
        nodeSelectorRequirements.map { requirement in
            switch requirement.operator {
            case .exists, .doesNotExist: "\(key) \(requirement.operator.rawValue)"
            default: "\(key) \(requirement.operator.rawValue) [\(requirement.values.joined(separator: ","))]"
            }
        }.joined(separator: ", ")
    }
}
