import NodePlanSynthetic
import Testing

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        // First outputs of the reference SplitMix64 for seed 1234567.
        var random = SplitMix64(seed: 1_234_567)
        #expect(random.next() == 6_457_827_717_110_365_317)
        #expect(random.next() == 3_203_168_211_198_807_973)
        #expect(random.next() == 9_817_491_932_198_370_423)
    }

    @Test func samplingStaysInRange() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            #expect((0..<3).contains(random.below(3)))
            #expect((5...9).contains(random.integer(in: 5...9)))
        }
        let picks = Set((0..<200).map { _ in random.pick(["a", "b", "c"]) })
        #expect(picks == ["a", "b", "c"])
    }
}
