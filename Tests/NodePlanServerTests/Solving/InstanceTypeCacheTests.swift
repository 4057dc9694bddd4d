import NodePlanCatalog
import NodePlanModel
@testable import NodePlanServer
import Testing

@Suite("InstanceTypeCache")
struct InstanceTypeCacheTests {
    private func snapshot(region: String, pods: Int = 3, now: Double = 1_000) -> Snapshot {
        var snapshot = Fixtures.snapshot(pods: pods)
        snapshot.instanceTypes = []
        snapshot.catalog = CatalogSelection(region: region, instanceTypes: ["Standard_D2s_v5", "Standard_D4s_v5"])
        snapshot.cluster.now = now
        return snapshot
    }

    @Test("A repeated selection is answered from the cache with what resolving gives")
    func hitsMatchResolution() throws {
        let cache = InstanceTypeCache(resolver: TestServer.resolver)
        let first = try cache.instanceTypes(for: snapshot(region: "eastus"))
        // Other pods and another clock: the same selection, so a hit.
        let second = try cache.instanceTypes(for: snapshot(region: "eastus", pods: 7, now: 2_000))
        #expect(first == second)
        #expect(second == (try TestServer.resolver.instanceTypes(for: snapshot(region: "eastus"))))
        #expect(cache.statistics == (hits: 1, misses: 1))
        #expect(first["default"]?.map(\.name) == ["Standard_D2s_v5", "Standard_D4s_v5"])
    }

    @Test("Another region, pool set or node class is resolved anew")
    func keyCoversWhatTheResolverReads() throws {
        let cache = InstanceTypeCache(resolver: TestServer.resolver)
        let east = try cache.instanceTypes(for: snapshot(region: "eastus"))
        let west = try cache.instanceTypes(for: snapshot(region: "westeurope"))
        #expect(east != west)
        var renamedPool = snapshot(region: "eastus")
        renamedPool.nodePools[0].name = "other"
        #expect(try cache.instanceTypes(for: renamedPool).keys.sorted() == ["other"])
        var otherClass = snapshot(region: "eastus")
        otherClass.nodeClasses[0].osDiskSizeGB = 512
        _ = try cache.instanceTypes(for: otherClass)
        #expect(cache.statistics == (hits: 0, misses: 4))
    }

    @Test("Holds at most its capacity, dropping the oldest entry")
    func bounded() throws {
        let cache = InstanceTypeCache(resolver: TestServer.resolver, capacity: 2)
        for region in ["eastus", "westeurope", "northeurope"] { _ = try cache.instanceTypes(for: snapshot(region: region)) }
        #expect(cache.count == 2)
        _ = try cache.instanceTypes(for: snapshot(region: "northeurope"))
        _ = try cache.instanceTypes(for: snapshot(region: "eastus"))
        #expect(cache.statistics == (hits: 1, misses: 4))
    }

    @Test("Resolution errors are not cached")
    func errorsPassThrough() {
        let cache = InstanceTypeCache(resolver: TestServer.resolver)
        for _ in 0..<2 {
            #expect(throws: CatalogError.self) { try cache.instanceTypes(for: snapshot(region: "atlantis")) }
        }
        #expect(cache.count == 0)
    }
}
