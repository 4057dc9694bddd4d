import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NodePlanAgent

/// A Kubernetes API server on loopback with a kubelet, scheduler, disruption and workload controllers
/// around it: real HTTP, real resource paths, resourceVersions, watch streams with bookmarks and 410 Gone,
/// the Eviction API honouring PodDisruptionBudgets, and fault injection.
///
/// ```swift
/// let simulator = try await KubeSimulator.start()
/// try simulator.store.create(.pods, namespace: "default", SimulatedObjects.pod(name: "web-0", cpu: "500m"))
/// let client = try KubeClient(configuration: simulator.kubeConfiguration)
/// ...
/// await simulator.shutdown()
/// ```
public final class KubeSimulator: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// The bearer token requests must carry; nil accepts any.
        public var token: String?
        /// How often watchers that asked for bookmarks get one.
        public var bookmarkInterval: Duration
        /// Deleted pods owned by a controller come back as new pending pods.
        public var recreatesControlledPods: Bool
        /// Pending pods are bound to Ready nodes that fit.
        public var schedulesPods: Bool

        public init(host: String = "127.0.0.1", port: Int = 0, token: String? = nil,
                    bookmarkInterval: Duration = .seconds(1), recreatesControlledPods: Bool = true,
                    schedulesPods: Bool = true) {
            self.host = host
            self.port = port
            self.token = token
            self.bookmarkInterval = bookmarkInterval
            self.recreatesControlledPods = recreatesControlledPods
            self.schedulesPods = schedulesPods
        }
    }

    /// The cluster's objects; tests read and change them directly.
    public let store: ObjectStore
    public let faults: FaultInjector
    public let configuration: Configuration
    /// The port the API server listens on.
    public let port: Int
    private let tasks: NIOLockedValueBox<[Task<Void, Never>]>
    /// Accepts connections; never cancelled, so that it hands every accepted connection to a handler
    /// (an accepted connection dropped unhandled is a programming error in NIO).
    private let serving = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let serverChannel: any Channel

    private init(configuration: Configuration, store: ObjectStore, faults: FaultInjector, port: Int,
                 serverChannel: any Channel) {
        self.configuration = configuration
        self.store = store
        self.faults = faults
        self.port = port
        self.serverChannel = serverChannel
        tasks = NIOLockedValueBox([])
    }

    /// Starts the API server and the controllers.
    public static func start(_ configuration: Configuration = Configuration(),
                             group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> KubeSimulator {
        let store = ObjectStore()
        let faults = FaultInjector()
        let server = SimulatorHTTPServer(router: SimulatorRouter(store: store, faults: faults, token: configuration.token),
                                         store: store)
        let channel = try await server.bind(host: configuration.host, port: configuration.port, group: group)
        let simulator = KubeSimulator(configuration: configuration, store: store, faults: faults,
                                      port: channel.channel.localAddress?.port ?? configuration.port,
                                      serverChannel: channel.channel)
        let controllers = ClusterControllers(store: store, recreatesControlledPods: configuration.recreatesControlledPods,
                                             schedulesPods: configuration.schedulesPods)
        let interval = configuration.bookmarkInterval
        simulator.serving.withLockedValue { $0 = Task { try? await server.serve(channel) } }
        simulator.tasks.withLockedValue { tasks in
            tasks.append(Task { await controllers.run() })
            tasks.append(Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    store.sendBookmarks()
                }
            })
        }
        return simulator
    }

    /// How the agent reaches this server.
    public var kubeConfiguration: KubeConfiguration {
        KubeConfiguration(scheme: "http", host: configuration.host, port: port, token: configuration.token)
    }

    /// Ends every watch (with 410 Gone when `expire`, else by dropping the connection).
    public func endWatches(expire: Bool) { store.endWatches(expire: expire) }

    /// Registers a Node as a kubelet would: NotReady at once, Ready (startup taints removed) after `readyAfter`.
    public func registerNode(_ node: JSONValue, readyAfter: Duration) throws {
        var node = node
        node[["status", "conditions"]] = [["type": "Ready", "status": "False", "reason": "KubeletNotReady"]]
        let created = try store.create(.nodes, node)
        let store = self.store
        let task = Task {
            try? await Task.sleep(for: readyAfter)
            _ = try? store.update(.nodes, name: created.name) { node in
                node[["status", "conditions"]] = [["type": "Ready", "status": "True", "reason": "KubeletReady"]]
                let startup = Set(node[["metadata", "annotations", SimulatedObjects.startupTaintsAnnotation]]?
                    .stringValue?.split(separator: ",").map(String.init) ?? [])
                if !startup.isEmpty {
                    node[["spec", "taints"]] = .array((node[["spec", "taints"]]?.arrayValue ?? []).filter {
                        !startup.contains($0["key"]?.stringValue ?? "")
                    })
                }
            }
        }
        tasks.withLockedValue { $0.append(task) }
    }

    /// Stops the server and the controllers and ends every watch.
    public func shutdown() async {
        let running = tasks.withLockedValue { tasks in
            defer { tasks = [] }
            return tasks
        }
        store.finish()
        try? await serverChannel.close()
        for task in running { task.cancel() }
        for task in running { await task.value }
        await serving.withLockedValue { $0 }?.value
    }
}
