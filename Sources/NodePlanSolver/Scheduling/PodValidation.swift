import NodePlanModel

/// Pods Karpenter refuses to provision for (it ignores them and emits an event).
enum PodValidation {
    /// Why the pod is ignored, nil when it is provisionable.
    static func ignoredReason(_ spec: PodSpec) -> String? {
        var requirements = spec.nodeSelector.map { NodeSelectorRequirement(key: $0.key, operator: .in, values: [$0.value]) }
        if let nodeAffinity = spec.affinity.nodeAffinity {
            requirements += (nodeAffinity.required ?? []).flatMap(\.matchExpressions)
            requirements += nodeAffinity.preferred.flatMap(\.preference.matchExpressions)
        }
        for requirement in requirements.sorted(by: { $0.key < $1.key }) {
            let key = LabelKeys.normalized(requirement.key)
            if LabelKeys.isRestricted(key) {
                return "requires restricted label \"\(key)\" (hostname and karpenter.sh/karpenter.azure.com keys "
                    + "other than the well-known ones are reserved)"
            }
            if key == WellKnownLabel.nodePool && requirement.operator == .doesNotExist {
                return "requires \(WellKnownLabel.nodePool) DoesNotExist, so it opts out of Karpenter"
            }
            switch requirement.operator {
            case .gt, .lt, .gte, .lte:
                if requirement.values.count != 1 || Int64(requirement.values[0]).map({ $0 < 0 }) ?? true {
                    return "requirement on \"\(key)\" with \(requirement.operator.rawValue) needs one non-negative integer"
                }
            case .in, .notIn:
                if requirement.values.isEmpty {
                    return "requirement on \"\(key)\" with \(requirement.operator.rawValue) needs at least one value"
                }
            case .exists, .doesNotExist: break
            }
        }
        return nil
    }
}
