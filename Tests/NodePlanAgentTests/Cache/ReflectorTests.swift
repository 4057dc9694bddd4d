import NodePlanTesting
import NodePlanAgent
import NodePlanKubeSimulator
import Testing

@Suite struct ReflectorTests {
    private func start() async throws -> (KubeSimulator, ClusterCache, Task<Void, Never>) {
        let simulator = try await KubeSimulator.start(.init(bookmarkInterval: .milliseconds(20), schedulesPods: false))
        let cache = ClusterCache()
        let reflector = Reflector(resource: .pods, client: try KubeClient(configuration: simulator.kubeConfiguration),
                                  cache: cache, backoff: Backoff(initial: .milliseconds(5), maximum: .milliseconds(50)),
                                  logger: AgentHarness.silent)
        return (simulator, cache, Task { await reflector.run() })
    }

    private func podNames(_ cache: ClusterCache) -> [String] { cache.objects(.pods).map(\.name) }

    @Test func listsThenFollowsTheWatch() async throws {
        let (simulator, cache, task) = try await start()
        defer { task.cancel(); Task { await simulator.shutdown() } }
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "a", cpu: "1", memory: "1Gi"))
        #expect(await eventually { podNames(cache) == ["a"] })
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "b", cpu: "1", memory: "1Gi"))
        try simulator.store.delete(.pods, namespace: "default", name: "a")
        #expect(await eventually { podNames(cache) == ["b"] })
        #expect(await eventually { (cache.statistics.bookmarks[.pods] ?? 0) > 0 })
        #expect(cache.statistics.lists[.pods] == 1)
    }

    @Test func expiredWatchRelistsAndMissesNothing() async throws {
        let (simulator, cache, task) = try await start()
        defer { task.cancel(); Task { await simulator.shutdown() } }
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "a", cpu: "1", memory: "1Gi"))
        #expect(await eventually { podNames(cache) == ["a"] && simulator.store.watcherCount == 1 })
        // Changes land while the watch is down and their history is compacted away: only a relist finds them.
        simulator.faults.fail("GET", pathContains: "/api/v1/pods", status: 503, count: 2)
        simulator.endWatches(expire: false)
        try simulator.store.delete(.pods, namespace: "default", name: "a")
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "c", cpu: "1", memory: "1Gi"))
        simulator.store.compact()
        #expect(await eventually { podNames(cache) == ["c"] })
        #expect(cache.statistics.lists[.pods] == 2)
    }

    @Test func droppedWatchResumesWithoutRelisting() async throws {
        let (simulator, cache, task) = try await start()
        defer { task.cancel(); Task { await simulator.shutdown() } }
        #expect(await eventually { cache.isSynced([.pods]) && simulator.store.watcherCount == 1 })
        simulator.endWatches(expire: false)
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "d", cpu: "1", memory: "1Gi"))
        #expect(await eventually { podNames(cache) == ["d"] })
        #expect(cache.statistics.lists[.pods] == 1)
        #expect((cache.statistics.watches[.pods] ?? 0) >= 2)

        #expect(await eventually { simulator.store.watcherCount == 1 })
        simulator.endWatches(expire: true)
        try simulator.store.create(.pods, SimulatedObjects.pod(name: "e", cpu: "1", memory: "1Gi"))
        #expect(await eventually { podNames(cache) == ["d", "e"] && cache.statistics.lists[.pods] == 2 })
    }
}
