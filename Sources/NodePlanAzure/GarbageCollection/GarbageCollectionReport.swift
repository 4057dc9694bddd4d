/// What one orphan-collection pass did.
public struct GarbageCollectionReport: Hashable, Sendable {
    public var deletedVirtualMachines: [String] = []
    public var deletedNetworkInterfaces: [String] = []
    /// Orphan-looking VMs kept because they are younger than the grace period (or of unknown age).
    public var keptWithinGracePeriod: [String] = []

    public init() {}
}
