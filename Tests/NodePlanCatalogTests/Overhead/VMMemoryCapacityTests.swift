import NodePlanCatalog
import Testing

@Suite struct VMMemoryCapacityTests {
    @Test(arguments: [(8.0, Int64(7_945_689_497)), (16, 15_891_378_995), (32, 31_782_757_990), (64, 63_565_515_980),
                      (128, 127_131_031_961), (256, 254_262_063_923)])
    func removesSevenAndAHalfPercentRoundedUp(memoryGiB: Double, bytes: Int64) {
        #expect(VMMemoryCapacity.bytes(memoryGiB: memoryGiB) == bytes)
    }

    @Test func fractionalGiBAreFloored() {
        #expect(VMMemoryCapacity.bytes(memoryGiB: 218.75) == VMMemoryCapacity.bytes(memoryGiB: 218))
    }
}
