import NodePlanModel
import NodePlanTesting
import NodePlanValidator
import Testing

extension Solved {
    /// Records every violation the independent validator finds in the plan.
    func expectValid(sourceLocation: SourceLocation = #_sourceLocation) {
        let violations = PlanValidator.validate(snapshot: snapshot, plan: plan)
        #expect(violations.isEmpty, "\(violations)", sourceLocation: sourceLocation)
    }
}

/// Instance types the consolidation scenarios share: on-demand at the price, spot at 70 %.
enum ConsolidationTypes {
    static let small = InstanceTypes.make("small", cpu: 2, memoryGiB: 8, price: 0.10)
    static let medium = InstanceTypes.make("medium", cpu: 4, memoryGiB: 16, price: 0.20)
    static let large = InstanceTypes.make("large", cpu: 8, memoryGiB: 32, price: 0.40)
    static let all = [small, medium, large]
    static let onDemandOnly = all.map { type in
        var type = type
        type.offerings.removeAll { $0.capacityType == .spot }
        return type
    }
}
