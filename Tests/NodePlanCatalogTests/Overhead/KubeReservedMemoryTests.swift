import NodePlanCatalog
import Testing

@Suite struct KubeReservedMemoryTests {
    @Test(arguments: [(4.0, Int64(1024)), (8, 1843), (16, 2662), (32, 3645), (64, 5611), (128, 9543), (256, 12165),
                      (0.75, 192)])
    func followsTheBrackets(memoryGiB: Double, mebibytes: Int64) {
        #expect(KubeReservedMemory.mebibytes(memoryGiB: memoryGiB) == mebibytes)
    }
}
