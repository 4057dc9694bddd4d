/// Deletes VMs and NICs this cluster created whose NodeClaim is gone (a crash between launch and
/// NodeClaim bookkeeping, or a NodeClaim deleted while its VM was being created).
///
/// A VM is an orphan when it is tagged as ours, its NodeClaim is not in the given set, and it is older
/// than `gracePeriod` (Karpenter: 5 min), so a launch whose NodeClaim is still being written is left
/// alone. A VM whose age ARM does not report is kept, and one already being deleted is left to finish
/// (its NIC goes with it). A NIC is an orphan when it is ours, its NodeClaim is not in the set, and no
/// remaining VM holds it or carries its name. A VM whose NodeClaim exists is never deleted.
public struct OrphanCollector: Sendable {
    public let provider: AzureVMProvider
    /// Seconds.
    public var gracePeriod: Double

    public init(provider: AzureVMProvider, gracePeriod: Double = 300) {
        self.provider = provider
        self.gracePeriod = gracePeriod
    }

    /// One collection pass against the NodeClaims that exist now.
    public func collect(nodeClaims: Set<String>) async throws -> GarbageCollectionReport {
        var report = GarbageCollectionReport()
        let now = provider.client.clock.now()
        var remainingVMs: Set<String> = []
        for vm in try await provider.listVirtualMachines() {
            if let claim = vm.nodeClaim, nodeClaims.contains(claim) {
                remainingVMs.insert(vm.name)
                continue
            }
            if vm.provisioningState.lowercased() == "deleting" {
                remainingVMs.insert(vm.name)
                continue
            }
            guard let created = vm.created, now - created >= gracePeriod else {
                report.keptWithinGracePeriod.append(vm.name)
                remainingVMs.insert(vm.name)
                continue
            }
            try await provider.deleteVirtualMachine(vm.name)
            report.deletedVirtualMachines.append(vm.name)
        }
        for nic in try await provider.listNetworkInterfaces() {
            if let claim = nic.nodeClaim, nodeClaims.contains(claim) { continue }
            if remainingVMs.contains(nic.name) { continue }
            if let holder = nic.attachedVirtualMachine, remainingVMs.contains(Self.lastSegment(holder)) { continue }
            try await provider.deleteNetworkInterface(nic.name)
            report.deletedNetworkInterfaces.append(nic.name)
        }
        return report
    }

    private static func lastSegment(_ id: String) -> String { String(id.split(separator: "/").last ?? "") }
}
