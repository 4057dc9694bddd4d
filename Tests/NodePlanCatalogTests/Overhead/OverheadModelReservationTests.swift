import NodePlanCatalog
import NodePlanModel
import Testing

/// The worked examples of Karpenter Azure's instance-type overhead (maxPods 250, OS disk 128 GB).
@Suite struct OverheadModelReservationTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let sku: String
        let vCPUs: Int64
        let kubeReservedMillicores: Int64
        let kubeReservedMiB: Int64
        let capacityBytes: Int64
        let allocatableMillicores: Int64
        /// AKS maxPods model (PR #1919).
        let aksKubeReservedMiB: Int64
        var testDescription: String { sku }
    }

    static let examples = [
        Example(sku: "Standard_D2s_v5", vCPUs: 2, kubeReservedMillicores: 100, kubeReservedMiB: 1843,
                capacityBytes: 7_945_689_497, allocatableMillicores: 1900, aksKubeReservedMiB: 2048),
        Example(sku: "Standard_D4s_v5", vCPUs: 4, kubeReservedMillicores: 140, kubeReservedMiB: 2662,
                capacityBytes: 15_891_378_995, allocatableMillicores: 3860, aksKubeReservedMiB: 4096),
        Example(sku: "Standard_D8s_v5", vCPUs: 8, kubeReservedMillicores: 180, kubeReservedMiB: 3645,
                capacityBytes: 31_782_757_990, allocatableMillicores: 7820, aksKubeReservedMiB: 5050),
        Example(sku: "Standard_D16s_v5", vCPUs: 16, kubeReservedMillicores: 260, kubeReservedMiB: 5611,
                capacityBytes: 63_565_515_980, allocatableMillicores: 15740, aksKubeReservedMiB: 5050),
        Example(sku: "Standard_E16s_v5", vCPUs: 16, kubeReservedMillicores: 260, kubeReservedMiB: 9543,
                capacityBytes: 127_131_031_961, allocatableMillicores: 15740, aksKubeReservedMiB: 5050),
        Example(sku: "Standard_D64s_v5", vCPUs: 64, kubeReservedMillicores: 740, kubeReservedMiB: 12165,
                capacityBytes: 254_262_063_923, allocatableMillicores: 63260, aksKubeReservedMiB: 5050),
    ]

    /// Allocatable MiB of the table, tenths of MiB: capacity MiB minus reservations.
    static func allocatableTenthsOfMiB(_ bytes: Int64) -> Int64 { (bytes * 10 + (1 << 19)) >> 20 }

    @Test(arguments: examples)
    func taxBracketsMatchTheTable(example: Example) throws {
        let sku = try #require(try AzureCatalog.builtIn().sku(named: example.sku))
        let capacity = try #require(sku.capacity(osDiskSizeGB: 128, maxPods: 250))
        let overhead = try #require(OverheadModel.taxBrackets.overhead(for: sku, maxPods: 250))
        #expect(capacity[ResourceName.cpu] == .units(example.vCPUs))
        #expect(capacity[ResourceName.memory] == .units(example.capacityBytes))
        #expect(overhead[ResourceName.cpu] == .millis(example.kubeReservedMillicores))
        #expect(overhead[ResourceName.memory] == .mebibytes(example.kubeReservedMiB + 750))
        let allocatable = capacity - overhead
        #expect(allocatable[ResourceName.cpu] == .millis(example.allocatableMillicores))
        #expect(allocatable[ResourceName.memory] == .units(example.capacityBytes - (example.kubeReservedMiB + 750) << 20))
    }

    @Test func allocatableMemoryMatchesTheTableInMiB() throws {
        let catalog = try AzureCatalog.builtIn()
        let expected: [String: Int64] = ["Standard_D2s_v5": 49846, "Standard_D4s_v5": 117432, "Standard_D8s_v5": 259154,
                                         "Standard_D16s_v5": 542598, "Standard_E16s_v5": 1109486,
                                         "Standard_D64s_v5": 2295682]
        for (name, tenths) in expected {
            let sku = try #require(catalog.sku(named: name))
            let capacity = try #require(sku.capacity(osDiskSizeGB: 128, maxPods: 250))
            let overhead = try #require(OverheadModel.taxBrackets.overhead(for: sku, maxPods: 250))
            #expect(Self.allocatableTenthsOfMiB((capacity - overhead)[ResourceName.memory].value) == tenths, "\(name)")
        }
    }

    @Test(arguments: examples)
    func aksMaxPodsModelMatchesTheProposal(example: Example) throws {
        let sku = try #require(try AzureCatalog.builtIn().sku(named: example.sku))
        let overhead = try #require(OverheadModel.aksMaxPods.overhead(for: sku, maxPods: 250))
        #expect(overhead[ResourceName.cpu] == .millis(example.kubeReservedMillicores))
        #expect(overhead[ResourceName.memory] == .mebibytes(example.aksKubeReservedMiB + 100))
    }

    @Test func aksMaxPodsModelScalesWithPods() throws {
        let sku = try #require(try AzureCatalog.builtIn().sku(named: "Standard_D16s_v5"))
        let overhead = try #require(OverheadModel.aksMaxPods.overhead(for: sku, maxPods: 30))
        #expect(overhead[ResourceName.memory] == .mebibytes(20 * 30 + 50 + 100))
    }
}
