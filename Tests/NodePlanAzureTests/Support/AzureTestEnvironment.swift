import NodePlanARMSimulator
import NodePlanAzure
import NodePlanCatalog
import NodePlanModel

/// An ARM simulator on loopback and Azure clients pointed at it, sharing one virtual clock.
struct AzureTestEnvironment {
    static let subscription = "00000000-0000-0000-0000-000000000001"
    static let resourceGroup = "MC_rg_cluster_eastus"
    static let subnet = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
        + "Microsoft.Network/virtualNetworks/vnet/subnets/nodes"
    static let catalog = try! AzureCatalog.builtIn()

    let clock: VirtualClock
    let simulator: ARMSimulator
    let baseURL: String
    let transport: AsyncHTTPClientTransport
    let tokens: TokenProvider
    let client: ARMClient
    let settings: AzureLaunchSettings
    let unavailable: UnavailableOfferings
    let provider: AzureVMProvider

    /// Runs `body` against a fresh simulator and shuts it down afterwards.
    static func with<Result>(operationPolls: Int = 1, listPageSize: Int = 50,
                             _ body: (AzureTestEnvironment) async throws -> Result) async throws -> Result {
        let clock = VirtualClock()
        let simulator = ARMSimulator(configuration: .init(operationPolls: operationPolls, listPageSize: listPageSize,
                                                          now: { clock.now }))
        let baseURL = try await simulator.start()
        let environment = AzureTestEnvironment(clock: clock, simulator: simulator, baseURL: baseURL)
        do {
            let result = try await body(environment)
            try await simulator.shutdown()
            return result
        } catch {
            try? await simulator.shutdown()
            throw error
        }
    }

    private init(clock: VirtualClock, simulator: ARMSimulator, baseURL: String) {
        self.clock = clock
        self.simulator = simulator
        self.baseURL = baseURL
        transport = AsyncHTTPClientTransport()
        tokens = TokenProvider(credential: .clientSecret(tenantID: "tenant", clientID: "agent", secret: "s3cret"),
                               endpoints: TokenEndpoints(authorityHost: baseURL), transport: transport,
                               clock: clock.azureClock)
        client = ARMClient(endpoint: baseURL, transport: transport, tokens: tokens, clock: clock.azureClock)
        settings = AzureLaunchSettings(subscriptionID: Self.subscription, resourceGroup: Self.resourceGroup,
                                       location: "eastus", clusterName: "prod", defaultSubnetID: Self.subnet,
                                       sshPublicKey: "ssh-rsa AAAA test")
        unavailable = UnavailableOfferings(clock: clock.azureClock)
        provider = AzureVMProvider(client: client, settings: settings, catalog: Self.catalog,
                                   unavailableOfferings: unavailable)
    }

    /// A request for NodeClaim `nodeClaim` in pool `default` trying `options` in order.
    func request(_ nodeClaim: String, _ options: [LaunchOption], nodeClass: AKSNodeClass = AKSNodeClass())
        -> VMLaunchRequest {
        VMLaunchRequest(nodeClaim: nodeClaim, nodePool: "default", nodeClass: nodeClass, options: options)
    }

    /// How many logged requests have this method and a path ending in `suffix` (case-insensitive).
    func requests(_ method: String, endingWith suffix: String) -> Int {
        simulator.requestLog.filter { $0.hasPrefix(method + " ") && $0.lowercased().hasSuffix(suffix.lowercased()) }.count
    }
}

/// `LaunchOption` shorthand: `option("Standard_D4s_v5", "eastus-1", .spot)`.
func option(_ size: String, _ zone: String, _ capacityType: CapacityType, price: Double = 0.1) -> LaunchOption {
    LaunchOption(instanceType: size, zone: zone, capacityType: capacityType, price: price)
}
