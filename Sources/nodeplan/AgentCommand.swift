import ArgumentParser
import Logging
import NodePlanAgent
import NodePlanCatalog
import NodePlanClient
import NodePlanModel
import ServiceLifecycle

/// `nodeplan agent`: watches the cluster, asks the solver for plans and carries them out.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Run the in-cluster agent: watch pods and nodes, plan with the solver, launch and remove nodes.",
        discussion: """
        Kubernetes access comes from the pod's service account (KUBERNETES_SERVICE_HOST/PORT and \
        /var/run/secrets/kubernetes.io/serviceaccount) unless --kubeconfig is given. The solver's bearer token \
        is read from --token-file or NODEPLAN_TOKEN. --cloud kwok launches fake Ready nodes through the \
        Kubernetes API (for test clusters). SIGTERM or SIGINT stops the agent; everything it was doing is \
        recorded in the cluster and resumed by the next agent. See deploy/ for the manifests.
        """
    )

    @Option(name: .long, help: "The solver service, host:port.")
    var solver = "nodeplan-solver:7433"

    @OptionGroup var token: TokenOptions

    @Option(name: .long, help: "Kubeconfig file (default: in-cluster service account).")
    var kubeconfig: String?

    @Option(name: .long, help: "Kubeconfig context (default: its current-context).")
    var context: String?

    @Option(name: .long, help: "Azure region of the cluster (nodes' region label wins when present).")
    var region = "eastus"

    @Option(name: .long, help: "Cluster name, for tags and logs.")
    var clusterName = "nodeplan"

    @Option(name: .long, help: "Cloud provider: kwok.")
    var cloud = "kwok"

    @Option(name: .long, help: "Seconds without new pending pods that close a provisioning batch.")
    var batchIdle = 1.0

    @Option(name: .long, help: "Longest provisioning batch, in seconds.")
    var batchMax = 10.0

    @Option(name: .long, help: "Seconds between consolidation attempts (0 disables consolidation).")
    var consolidationInterval = 30.0

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        _ = try solverAddress()
        guard batchIdle > 0, batchMax >= batchIdle else {
            throw ValidationError("--batch-idle must be > 0 and --batch-max at least --batch-idle")
        }
        guard cloud == "kwok" else { throw ValidationError("--cloud: unknown provider '\(cloud)' (available: kwok)") }
    }

    private func solverAddress() throws -> (host: String, port: Int) {
        guard let colon = solver.lastIndex(of: ":"), let port = Int(solver[solver.index(after: colon)...]),
              (1...65535).contains(port), colon != solver.startIndex else {
            throw ValidationError("--solver: '\(solver)' is not host:port")
        }
        return (String(solver[..<colon]), port)
    }

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level: unknown level '\(logLevel)'")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "nodeplan.agent")
        let kubeConfiguration: KubeConfiguration
        do {
            kubeConfiguration = try kubeconfig.map { try KubeConfiguration.kubeconfig(atPath: $0, context: context) }
                ?? KubeConfiguration.inCluster()
        } catch {
            throw ValidationError("\(error)")
        }
        let (host, port) = try solverAddress()
        let planner = NodePlanClient(host: host, port: port, token: try token.read(), clientName: "nodeplan-agent")
        let kube = try KubeClient(configuration: kubeConfiguration)
        let cluster = Cluster(name: clusterName, region: region)
        let provider = KWOKCloudProvider(kube: kube, instanceTypes: try Self.catalogInstanceTypes(cluster: cluster),
                                         region: region)
        var configuration = AgentConfiguration(snapshot: SnapshotAssembler(cluster: cluster))
        configuration.batchIdleSeconds = batchIdle
        configuration.batchMaximumSeconds = batchMax
        configuration.consolidationSeconds = consolidationInterval > 0 ? consolidationInterval : nil
        let agent = Agent(kube: kube, planner: planner, cloud: provider, configuration: configuration, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: AgentService(agent: agent))], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
        await planner.close()
    }

    /// The built-in catalog's sizes for the region with a default AKSNodeClass: what fake nodes are made of.
    private static func catalogInstanceTypes(cluster: Cluster) throws -> [InstanceType] {
        let probe = Snapshot(cluster: cluster, catalog: CatalogSelection(),
                             nodePools: [NodePool(name: "default", nodeClass: "default")],
                             nodeClasses: [AKSNodeClass(name: "default")])
        return try InstanceTypeResolver.builtIn().instanceTypes(for: probe)["default"] ?? []
    }
}

/// The agent as a service-lifecycle service: stops on graceful shutdown.
private struct AgentService: Service {
    let agent: Agent

    func run() async throws {
        await cancelWhenGracefulShutdown { await agent.run() }
    }
}
