import NodePlanModel

/// Karpenter's `minValues`: for each key that carries one, the remaining instance types must
/// still offer that many distinct values.
enum MinValues {
    struct Shortfall: Sendable, CustomStringConvertible {
        var key: String
        var required: Int
        var available: Int
        var description: String { "minValues for \"\(key)\" needs \(required) distinct values, only \(available) remain" }
    }

    /// The first key (sorted) whose minValues `options` no longer meet.
    static func firstShortfall(_ requirements: Requirements, options: some Sequence<InstanceTypeOption>) -> Shortfall? {
        guard requirements.hasMinValues else { return nil }
        for key in requirements.keysWithMinValues {
            let requirement = requirements.get(key)
            var values = Set<String>()
            for option in options {
                for value in option.requirements.get(key).sortedValues where requirement.has(value) { values.insert(value) }
            }
            if values.count < requirement.minValues! {
                return Shortfall(key: key, required: requirement.minValues!, available: values.count)
            }
        }
        return nil
    }
}
