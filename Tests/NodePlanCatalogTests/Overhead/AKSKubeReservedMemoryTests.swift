import NodePlanCatalog
import Testing

@Suite struct AKSKubeReservedMemoryTests {
    @Test func quarterOfMemoryCapsSmallVMs() {
        #expect(AKSKubeReservedMemory.mebibytes(maxPods: 250, memoryMiB: 8192) == 2048)
        #expect(AKSKubeReservedMemory.mebibytes(maxPods: 250, memoryMiB: 16384) == 4096)
    }

    @Test func podsBoundLargeVMs() {
        #expect(AKSKubeReservedMemory.mebibytes(maxPods: 250, memoryMiB: 32768) == 5050)
        #expect(AKSKubeReservedMemory.mebibytes(maxPods: 30, memoryMiB: 32768) == 650)
    }
}
