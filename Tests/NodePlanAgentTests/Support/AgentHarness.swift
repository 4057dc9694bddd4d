import Logging
import NIOConcurrencyHelpers
import NodePlanAgent
import NodePlanCatalog
import NodePlanClient
import NodePlanKubeSimulator
import NodePlanModel
import NodePlanServer
import NodePlanTesting

/// The whole loop on loopback for one test: the Kubernetes simulator, a real solver server, the solver
/// client, the simulated cloud and agents started on demand.
struct AgentHarness {
    static let token = "agent-test-token"
    static let resolver: InstanceTypeResolver = {
        do { return try InstanceTypeResolver.builtIn() } catch { fatalError("built-in catalog: \(error)") }
    }()
    /// Four sizes; the largest is the cheapest per CPU.
    static let instanceTypes = [
        InstanceTypes.make("small", cpu: 2, memoryGiB: 8, price: 0.10),
        InstanceTypes.make("medium", cpu: 4, memoryGiB: 16, price: 0.20),
        InstanceTypes.make("large", cpu: 10, memoryGiB: 40, price: 0.45),
        InstanceTypes.make("xlarge", cpu: 32, memoryGiB: 128, price: 1.40),
    ]
    static let silent = Logger(label: "nodeplan.agent.test", factory: { _ in SwiftLogNoOpLogHandler() })

    let simulator: KubeSimulator
    let server: SolverServer
    let solver: NodePlanClient
    let provider: SimulatedCloudProvider

    static func start() async throws -> AgentHarness {
        let simulator = try await KubeSimulator.start(.init(bookmarkInterval: .milliseconds(200)))
        let server = try SolverServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, metricsPort: 0, token: token, solveWorkers: 1),
            resolver: resolver, logger: silent)
        let addresses = try await server.start()
        let solver = NodePlanClient(host: "127.0.0.1", port: addresses.port, token: token, connections: 1)
        let provider = SimulatedCloudProvider(simulator: simulator, instanceTypes: instanceTypes,
                                              registrationDelay: .milliseconds(30), readyDelay: .milliseconds(30))
        return AgentHarness(simulator: simulator, server: server, solver: solver, provider: provider)
    }

    /// An agent with test timings: a 50 ms batch window (max 500 ms), 10 ms passes. Plans use
    /// Karpenter's strategy, whose choices the scenarios are written around (one large node for the
    /// consolidation scenario, the xlarge type first for forty one-CPU pods); the optimizing strategy
    /// may split those differently, which is not what these tests are about.
    func agent(consolidationSeconds: Double? = nil, garbageCollectionSeconds: Double = 3600,
               orphanGraceSeconds: Double = 300) throws -> Agent {
        var configuration = AgentConfiguration(snapshot: SnapshotAssembler(
            cluster: Cluster(name: "test", region: "eastus"), options: SolverOptions(strategy: .karpenter),
            instanceTypes: Self.instanceTypes, catalog: nil))
        configuration.batchIdleSeconds = 0.05
        configuration.batchMaximumSeconds = 0.5
        configuration.replanSeconds = 1
        configuration.consolidationSeconds = consolidationSeconds
        configuration.garbageCollectionSeconds = garbageCollectionSeconds
        configuration.orphanGraceSeconds = orphanGraceSeconds
        configuration.pollInterval = .milliseconds(10)
        configuration.backoff = Backoff(initial: .milliseconds(10), maximum: .milliseconds(200))
        return Agent(kube: try KubeClient(configuration: simulator.kubeConfiguration, retryDelay: .milliseconds(10)),
                     planner: solver, cloud: provider, configuration: configuration, logger: Self.silent)
    }

    /// A NodePool limited to on-demand capacity (spot-to-spot replacement is off in Karpenter) and its class.
    func createPool(consolidationPolicy: String = "WhenEmptyOrUnderutilized") throws {
        try simulator.store.create(.nodeClasses, SimulatedObjects.nodeClass())
        try simulator.store.create(.nodePools, SimulatedObjects.nodePool(
            requirements: [.in(WellKnownLabel.capacityType, "on-demand")], consolidationPolicy: consolidationPolicy))
    }

    var pods: [JSONValue] { simulator.store.list(.pods).items }
    var nodes: [JSONValue] { simulator.store.list(.nodes).items }
    var nodeClaims: [JSONValue] { simulator.store.list(.nodeClaims).items }

    func allPodsBound() -> Bool {
        let pods = self.pods
        return !pods.isEmpty && pods.allSatisfy { !($0[["spec", "nodeName"]]?.stringValue ?? "").isEmpty }
    }

    func stop() async {
        await solver.close()
        await server.shutdown()
        await simulator.shutdown()
    }
}

extension KubeResource {
    static let nodeClasses = KubeResource.aksNodeClasses
}
