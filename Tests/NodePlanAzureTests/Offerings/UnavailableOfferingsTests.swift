import NodePlanAzure
import NodePlanModel
import Testing

@Suite("Unavailable-offerings cache and ARM error classification")
struct UnavailableOfferingsTests {
    private func error(_ code: String, _ message: String = "", details: [ARMError] = []) -> ARMError {
        ARMError(status: 409, code: code, message: message, details: details)
    }

    @Test("Errors are classified by code and message, first rule wins, details included")
    func classification() {
        #expect(CapacityFailureKind(error("OperationNotAllowed", "exceeding approved LowPriorityCores quota")) == .lowPriorityQuota)
        #expect(CapacityFailureKind(error("OperationNotAllowed", "exceeding approved standardDSv5Family Cores quota")) == .familyQuota)
        #expect(CapacityFailureKind(error("OperationNotAllowed", "exceeding approved Total Regional Cores quota")) == .regionalQuota)
        #expect(CapacityFailureKind(error("SkuNotAvailable")) == .skuNotAvailable)
        #expect(CapacityFailureKind(error("ZonalAllocationFailed")) == .zonalAllocationFailed)
        #expect(CapacityFailureKind(error("AllocationFailed")) == .allocationFailed)
        #expect(CapacityFailureKind(error("OverconstrainedZonalAllocationRequest")) == .overconstrainedZonalAllocation)
        #expect(CapacityFailureKind(error("OverconstrainedAllocationRequest")) == .overconstrainedAllocation)
        #expect(CapacityFailureKind(error("VMSizeNotSupported")) == .sizeNotSupported)
        #expect(CapacityFailureKind(error("BadRequest", "Standard_X is not supported for subscription")) == .sizeNotSupported)
        #expect(CapacityFailureKind(error("DeploymentFailed", details: [error("ZonalAllocationFailed")])) == .zonalAllocationFailed)
        #expect(CapacityFailureKind(error("OperationNotAllowed", "something else")) == nil)
        #expect(CapacityFailureKind(error("InternalExecutionError")) == nil)
    }

    @Test("Blocks found by apply(to:) make exactly the matching offerings unavailable")
    func applyToInstanceTypes() {
        let clock = VirtualClock()
        let cache = UnavailableOfferings(clock: clock.azureClock)
        let sequence = cache.sequenceNumber
        cache.record(.overconstrainedZonalAllocation, error: error("OverconstrainedZonalAllocationRequest"),
                     option: option("Standard_D4s_v5", "eastus-1", .spot), family: "standardDSv5Family", vCPUs: 4)
        #expect(cache.sequenceNumber > sequence)
        let offerings = ["0", "eastus-1", "eastus-2"].flatMap { zone in
            [Offering(zone: zone, capacityType: .spot, price: 0.05), Offering(zone: zone, capacityType: .onDemand, price: 0.2)]
        }
        var types = ["Standard_D4s_v5", "Standard_D16s_v5", "Standard_D2s_v5"].map {
            InstanceType(name: $0, capacity: ResourceList(), offerings: offerings)
        }
        cache.apply(to: &types, catalog: AzureTestEnvironment.catalog)
        let unavailable = types.map { type in type.offerings.filter { !$0.available }.map { "\($0.zone)/\($0.capacityType.rawValue)" } }
        #expect(unavailable == [["eastus-1/spot"], ["eastus-1/spot"], []])

        clock.advance(by: 3601)
        var fresh = [InstanceType(name: "Standard_D4s_v5", capacity: ResourceList(), offerings: offerings)]
        cache.apply(to: &fresh, catalog: AzureTestEnvironment.catalog)
        #expect(fresh[0].offerings.allSatisfy { $0.available })
        #expect(cache.activeBlocks.isEmpty)
    }

    @Test("Size not supported blocks every zone and both capacity types for 23 h; a regional SkuNotAvailable only the regional placement")
    func scopes() {
        let clock = VirtualClock()
        let cache = UnavailableOfferings(clock: clock.azureClock)
        cache.record(.sizeNotSupported, error: error("VMSizeNotSupported"), option: option("Standard_X9", "0", .spot),
                     family: "", vCPUs: 0)
        cache.record(.skuNotAvailable, error: error("SkuNotAvailable"), option: option("Standard_Y2", "0", .spot),
                     family: "", vCPUs: 0)
        #expect(cache.isUnavailable(option("Standard_X9", "eastus-3", .onDemand), catalog: nil))
        #expect(cache.isUnavailable(option("Standard_Y2", "0", .spot), catalog: nil))
        #expect(!cache.isUnavailable(option("Standard_Y2", "eastus-1", .spot), catalog: nil))
        clock.advance(by: 3601)
        #expect(!cache.isUnavailable(option("Standard_Y2", "0", .spot), catalog: nil))
        #expect(cache.isUnavailable(option("Standard_X9", "0", .spot), catalog: nil))
        clock.advance(by: 22 * 3600)
        #expect(!cache.isUnavailable(option("Standard_X9", "0", .spot), catalog: nil))
    }
}
