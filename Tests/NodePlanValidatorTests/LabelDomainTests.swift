@testable import NodePlanValidator
import NodePlanModel
import Testing

@Suite struct LabelDomainTests {
    private func isEmpty(_ requirements: NodeSelectorRequirement...) -> Bool {
        var domain = LabelDomain()
        requirements.forEach { domain.constrain($0) }
        return domain.isEmpty
    }

    private func requirement(_ operator: NodeSelectorOperator, _ values: String...) -> NodeSelectorRequirement {
        NodeSelectorRequirement(key: "k", operator: `operator`, values: values)
    }

    @Test func setOperators() {
        #expect(!isEmpty(requirement(.in, "a", "b"), requirement(.in, "b", "c")))
        #expect(isEmpty(requirement(.in, "a"), requirement(.in, "b")))
        #expect(isEmpty(requirement(.in, "a"), requirement(.notIn, "a")))
        #expect(!isEmpty(requirement(.notIn, "a"), requirement(.exists)))
        #expect(isEmpty(requirement(.exists), requirement(.doesNotExist)))
        #expect(!isEmpty(requirement(.notIn, "a"), requirement(.doesNotExist)))
        #expect(isEmpty(requirement(.in, "a"), requirement(.doesNotExist)))
    }

    @Test func numericOperators() {
        #expect(!isEmpty(requirement(.gt, "4"), requirement(.in, "8", "2")))
        #expect(isEmpty(requirement(.gt, "4"), requirement(.in, "4")))
        #expect(!isEmpty(requirement(.gte, "4"), requirement(.in, "4")))
        #expect(isEmpty(requirement(.gt, "4"), requirement(.lt, "5")))
        #expect(!isEmpty(requirement(.gt, "4"), requirement(.lte, "5")))
        #expect(isEmpty(requirement(.gte, "4"), requirement(.lte, "5"), requirement(.notIn, "4", "5")))
        #expect(isEmpty(requirement(.gt, "four")))
        #expect(isEmpty(requirement(.gt, "1"), requirement(.doesNotExist)))
    }
}
