import NodePlanModel

/// Which of a NodePool's instance types suit one set of NodeClaim requirements: their labels
/// intersect, and an available offering is allowed (the requirement-dependent half of the
/// instance-type filter; fit depends on the pods and is checked per NodeClaim).
struct OptionCompatibility: Sendable {
    enum Verdict: Sendable {
        case compatible
        case incompatible
        case unavailable
    }

    /// One verdict per template option.
    let verdicts: [Verdict]
    /// The options whose verdict is `compatible`.
    let compatible: IndexBitmap
    /// The first conflict of an incompatible option, for diagnostics.
    let firstConflict: RequirementConflict?

    init(_ template: NodeClaimTemplate, requirements: Requirements) {
        let offeringFilter = InstanceTypeOption.OfferingFilter(requirements)
        var firstConflict: RequirementConflict?
        let verdicts: [Verdict] = template.options.map { option in
            if let conflict = option.requirements.intersectionConflict(with: requirements) {
                if firstConflict == nil { firstConflict = conflict }
                return .incompatible
            }
            return option.hasAvailableOffering(offeringFilter) ? .compatible : .unavailable
        }
        self.verdicts = verdicts
        self.firstConflict = firstConflict
        compatible = IndexBitmap(verdicts.indices.filter { verdicts[$0] == .compatible })
    }
}

/// Memoised `OptionCompatibility` per NodePool and requirements (placeholder hostnames aside):
/// the thousands of NodeClaims of one solve share a handful of requirement sets. Lives for one
/// solve only.
final class OptionCompatibilityCache {
    private struct Key: Hashable {
        var template: Int
        var requirements: Requirements
    }

    private var entries: [Key: OptionCompatibility] = [:]

    func compatibility(of template: NodeClaimTemplate, at index: Int, requirements: Requirements)
        -> OptionCompatibility {
        var key = Key(template: index, requirements: requirements)
        key.requirements.remove(WellKnownLabel.hostname)
        if let cached = entries[key] { return cached }
        let computed = OptionCompatibility(template, requirements: requirements)
        entries[key] = computed
        return computed
    }
}
