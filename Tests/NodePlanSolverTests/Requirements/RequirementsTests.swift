import NodePlanModel
@testable import NodePlanSolver
import Testing

@Suite struct RequirementsTests {
    @Test func customKeysMustBeDefinedUnlessExcluded() {
        let pool = Requirements([.in("team", "a")])
        #expect(pool.conflict(with: Requirements([.in("other", "x")])) != nil)
        #expect(pool.conflict(with: Requirements([NodeSelectorRequirement(key: "other", operator: .exists)])) != nil)
        #expect(pool.conflict(with: Requirements([NodeSelectorRequirement(key: "other", operator: .notIn, values: ["x"])]))
            == nil)
        #expect(pool.conflict(with: Requirements([NodeSelectorRequirement(key: "other", operator: .doesNotExist)]))
            == nil)
    }

    @Test func wellKnownKeysMayBeUndefinedOnNodeClaimsButNotOnNodes() {
        let pool = Requirements([.in("team", "a")])
        let zonal = Requirements([.in(WellKnownLabel.zone, "z1")])
        #expect(pool.conflict(with: zonal) == nil)
        #expect(pool.strictConflict(with: zonal) != nil)
    }

    @Test func sharedKeysMustIntersectExceptBothNegative() {
        let pool = Requirements([.in("team", "a")])
        #expect(pool.conflict(with: Requirements([.in("team", "b")])) != nil)
        let notA = Requirements([NodeSelectorRequirement(key: "team", operator: .notIn, values: ["a"])])
        let notB = Requirements([NodeSelectorRequirement(key: "team", operator: .notIn, values: ["b"])])
        #expect(notA.conflict(with: notB) == nil)
        let absent = Requirements([NodeSelectorRequirement(key: "team", operator: .doesNotExist)])
        #expect(absent.conflict(with: absent) == nil)
    }

    @Test func deprecatedKeysAreNormalised() {
        let requirements = Requirements([.in("failure-domain.beta.kubernetes.io/zone", "z1"),
                                         .in("beta.kubernetes.io/arch", "arm64")])
        #expect(requirements.get(WellKnownLabel.zone).sortedValues == ["z1"])
        #expect(requirements.get(WellKnownLabel.arch).sortedValues == ["arm64"])
    }

    @Test func restrictedLabelsExcludeHostnameAndKarpenterDomains() {
        #expect(LabelKeys.isRestricted(WellKnownLabel.hostname))
        #expect(LabelKeys.isRestricted("karpenter.sh/custom"))
        #expect(LabelKeys.isRestricted("sub.karpenter.azure.com/x"))
        #expect(!LabelKeys.isRestricted(WellKnownLabel.capacityType))
        #expect(!LabelKeys.isRestricted(WellKnownLabel.azureSKUFamily))
        #expect(!LabelKeys.isRestricted("example.com/team"))
    }
}
