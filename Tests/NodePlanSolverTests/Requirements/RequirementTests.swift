import NodePlanModel
@testable import NodePlanSolver
import Testing

@Suite struct RequirementTests {
    @Test func operatorsMapToSetsWithComplement() {
        let within = Requirement(key: "k", operator: .in, values: ["a", "b"])
        #expect(within.has("a") && !within.has("c"))
        let outside = Requirement(key: "k", operator: .notIn, values: ["a"])
        #expect(!outside.has("a") && outside.has("z"))
        #expect(Requirement(key: "k", operator: .exists).has("anything"))
        #expect(Requirement(key: "k", operator: .doesNotExist).isEmpty)
    }

    @Test func intersectionCoversEveryCombination() {
        let ab = Requirement(key: "k", operator: .in, values: ["a", "b"])
        let bc = Requirement(key: "k", operator: .in, values: ["b", "c"])
        let notB = Requirement(key: "k", operator: .notIn, values: ["b"])
        let notC = Requirement(key: "k", operator: .notIn, values: ["c"])
        #expect(ab.intersection(bc).sortedValues == ["b"])
        #expect(ab.intersection(notB).sortedValues == ["a"])
        #expect(notB.intersection(ab).sortedValues == ["a"])
        let neither = notB.intersection(notC)
        #expect(neither.effectiveOperator == .notIn && !neither.has("b") && !neither.has("c") && neither.has("a"))
    }

    @Test func boundsFilterValuesAndTranslateGteAndLte() {
        let gt = Requirement(key: "cpu", operator: .gt, values: ["4"])
        #expect(!gt.has("4") && gt.has("5") && !gt.has("x"))
        let gte = Requirement(key: "cpu", operator: .gte, values: ["4"])
        #expect(gte.has("4") && !gte.has("3"))
        let lte = Requirement(key: "cpu", operator: .lte, values: ["8"])
        #expect(lte.has("8") && !lte.has("9"))
        let sizes = Requirement(key: "cpu", operator: .in, values: ["2", "4", "8", "16"])
        #expect(sizes.intersection(gt).intersection(Requirement(key: "cpu", operator: .lt, values: ["16"])).sortedValues
            == ["8"])
    }

    @Test func contradictoryBoundsLeaveNothing() {
        let gt = Requirement(key: "cpu", operator: .gt, values: ["8"])
        let lt = Requirement(key: "cpu", operator: .lt, values: ["9"])
        #expect(gt.intersection(lt).isEmpty)
        #expect(!Requirement(key: "cpu", operator: .gt, values: ["7"]).intersection(lt).isEmpty)
    }

    @Test func minValuesKeepsTheLargest() {
        let two = Requirement(key: "k", operator: .exists, minValues: 2)
        let five = Requirement(key: "k", operator: .notIn, values: ["x"], minValues: 5)
        #expect(two.intersection(five).minValues == 5)
    }
}
