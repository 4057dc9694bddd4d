/// A VM in the simulator, as observers and tests see it.
public struct SimulatedVirtualMachine: Hashable, Sendable {
    public var name: String
    /// ARM resource ID.
    public var id: String
    /// What the Kubernetes node's `spec.providerID` would be (resource group in lower case).
    public var providerID: String
    public var location: String
    public var vmSize: String
    /// Logical zone, `""` for a regional VM.
    public var zone: String
    public var priority: VMPriority
    public var tags: [String: String]
    public var provisioningState: String
    /// Seconds since the epoch (the simulator's clock).
    public var created: Double
}
