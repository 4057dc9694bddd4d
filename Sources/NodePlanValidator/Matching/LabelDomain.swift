import NodePlanModel

/// The values one label key may still take after ANDing requirements on it, used to decide
/// whether requirements from different sources (pool, instance type, offering, launch) can
/// all hold on one node.
struct LabelDomain: Sendable {
    /// Nil means any value.
    private var allowed: Set<String>?
    private var excluded: Set<String> = []
    /// Inclusive integer bounds from Gt/Lt/Gte/Lte.
    private var minimum: Int64?
    private var maximum: Int64?
    private var mustExist = false
    private var mustNotExist = false
    /// A numeric operator with a non-integer bound can never hold.
    private var malformed = false

    init() {}

    mutating func constrain(_ requirement: NodeSelectorRequirement) {
        switch requirement.operator {
        case .in:
            let values = Set(requirement.values)
            allowed = allowed.map { $0.intersection(values) } ?? values
        case .notIn: excluded.formUnion(requirement.values)
        case .exists: mustExist = true
        case .doesNotExist: mustNotExist = true
        case .gt, .lt, .gte, .lte:
            guard let bound = requirement.values.first.flatMap({ Int64($0) }) else {
                malformed = true
                return
            }
            switch requirement.operator {
            case .gt: raiseMinimum(bound == .max ? bound : bound + 1, impossible: bound == .max)
            case .gte: raiseMinimum(bound, impossible: false)
            case .lt: lowerMaximum(bound == .min ? bound : bound - 1, impossible: bound == .min)
            default: lowerMaximum(bound, impossible: false)
            }
        }
    }

    /// True when no value (nor absence) satisfies every requirement.
    var isEmpty: Bool {
        if malformed { return true }
        let bounded = minimum != nil || maximum != nil
        if mustNotExist { return mustExist || allowed != nil || bounded }
        if let allowed { return !allowed.contains { !excluded.contains($0) && isWithinBounds($0) } }
        guard bounded else { return false }
        let low = minimum ?? .min
        let high = maximum ?? .max
        guard low <= high else { return true }
        let width = high.subtractingReportingOverflow(low)
        if width.overflow || width.partialValue >= Int64(excluded.count) { return false }
        return (low...high).allSatisfy { excluded.contains(String($0)) }
    }

    private func isWithinBounds(_ value: String) -> Bool {
        guard minimum != nil || maximum != nil else { return true }
        guard let number = Int64(value) else { return false }
        return number >= (minimum ?? .min) && number <= (maximum ?? .max)
    }

    private mutating func raiseMinimum(_ value: Int64, impossible: Bool) {
        if impossible { malformed = true }
        minimum = Swift.max(minimum ?? .min, value)
    }

    private mutating func lowerMaximum(_ value: Int64, impossible: Bool) {
        if impossible { malformed = true }
        maximum = Swift.min(maximum ?? .max, value)
    }
}
