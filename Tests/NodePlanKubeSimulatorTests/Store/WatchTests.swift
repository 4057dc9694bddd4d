import NodePlanTesting
import NIOConcurrencyHelpers
import NodePlanAgent
import NodePlanKubeSimulator
import Testing

@Suite struct WatchTests {
    @Test func listCarriesTheResourceVersionAndWatchResumesFromIt() async throws {
        let simulator = try await KubeSimulator.start(.init(schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        try simulator.store.create(.pods, namespace: "shop", SimulatedObjects.pod(name: "a", namespace: "shop", cpu: "1", memory: "1Gi"))
        let client = try KubeClient(configuration: simulator.kubeConfiguration)
        let list = try await client.list(.pods)
        #expect(list.items.map(\.name) == ["a"])
        #expect(list.items.first?["kind"]?.stringValue == "Pod")
        #expect(list.items.first?["apiVersion"]?.stringValue == "v1")
        #expect(list.resourceVersion == String(simulator.store.revision))

        // Changes made before the watch starts are replayed from the listed version, in order.
        try simulator.store.create(.pods, namespace: "shop", SimulatedObjects.pod(name: "b", namespace: "shop", cpu: "1", memory: "1Gi"))
        try simulator.store.patch(.pods, namespace: "shop", name: "a", patch: ["metadata": ["labels": ["x": "y"]]])
        let events = NIOLockedValueBox<[String]>([])
        let watch = Task {
            try await client.watch(.pods, resourceVersion: list.resourceVersion) { event in
                events.withLockedValue { $0.append("\(event.type.rawValue) \(event.object.name)") }
            }
        }
        #expect(await eventually { simulator.store.watcherCount == 1 })
        try simulator.store.delete(.pods, namespace: "shop", name: "b")
        #expect(await eventually { events.withLockedValue { $0.count } == 3 })
        #expect(events.withLockedValue { $0 } == ["ADDED b", "MODIFIED a", "DELETED b"])
        watch.cancel()
    }

    @Test func watchFromACompactedVersionIsGone() async throws {
        let simulator = try await KubeSimulator.start(.init(schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        let client = try KubeClient(configuration: simulator.kubeConfiguration)
        try simulator.store.create(.nodes, ["metadata": ["name": "n1"]])
        let old = try await client.list(.nodes).resourceVersion
        try simulator.store.create(.nodes, ["metadata": ["name": "n2"]])
        simulator.store.compact()
        await #expect(throws: KubeAPIError.self) {
            try await client.watch(.nodes, resourceVersion: old) { _ in }
        }
        do {
            try await client.watch(.nodes, resourceVersion: old) { _ in }
        } catch let error as KubeAPIError {
            #expect(error.isGone)
            #expect(error.message.contains("too old resource version"))
        }
    }

    @Test func bookmarksCarryTheCurrentVersion() async throws {
        let simulator = try await KubeSimulator.start(.init(bookmarkInterval: .milliseconds(20), schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        let client = try KubeClient(configuration: simulator.kubeConfiguration)
        try simulator.store.create(.nodes, ["metadata": ["name": "n1"]])
        let bookmark = NIOLockedValueBox<String?>(nil)
        let watch = Task {
            try await client.watch(.nodePools, resourceVersion: "1") { event in
                if event.type == .bookmark { bookmark.withLockedValue { $0 = event.object.resourceVersion } }
            }
        }
        #expect(await eventually { bookmark.withLockedValue { $0 } != nil })
        #expect(bookmark.withLockedValue { $0 } == String(simulator.store.revision))
        watch.cancel()
    }

    @Test func droppedWatchEndsWithAConnectionError() async throws {
        let simulator = try await KubeSimulator.start(.init(schedulesPods: false))
        defer { Task { await simulator.shutdown() } }
        let client = try KubeClient(configuration: simulator.kubeConfiguration)
        let watch = Task { try await client.watch(.pods, resourceVersion: "0") { _ in } }
        #expect(await eventually { simulator.store.watcherCount == 1 })
        simulator.endWatches(expire: false)
        // The chunked body ends without its last chunk: the client sees a broken stream, not a clean end.
        await #expect(throws: (any Error).self) { try await watch.value }
    }
}
