/// The cloud half of the agent: VMs for NodeClaims. The Azure module implements it over ARM (NIC then VM,
/// long-running operations, the unavailable-offerings cache); `NodePlanKubeSimulator` implements it by
/// registering nodes in the simulated cluster after a delay.
///
/// The agent keeps its own state in the cluster (NodeClaims), so every method must be idempotent: after a
/// restart the agent may repeat a `create` or `delete` whose result it never saw.
public protocol CloudProvider: Sendable {
    /// Creates the instance for `request.nodeClaim`, trying `request.offerings` in order, or returns the
    /// instance that already exists for that NodeClaim.
    /// - Throws: `CloudProviderError.insufficientCapacity` when no offering could be launched (the provider
    ///   marks each failed offering unavailable); any other error is retried on a later pass.
    func create(_ request: InstanceRequest) async throws -> CloudInstance

    /// Deletes the instance of `nodeClaim` and everything created with it; succeeds when it is already gone.
    func delete(nodeClaim: String) async throws

    /// Every instance this agent's cluster owns (by tag), for garbage collection.
    func list() async throws -> [CloudInstance]

    /// Offerings currently known to be unavailable; the agent marks them so in the snapshots it sends.
    func unavailableOfferings() async -> [UnavailableOffering]
}
