import NodePlanModel

extension AzureVMProvider {
    /// Launches the VM for `request.nodeClaim` on the first of `request.options` that has capacity.
    ///
    /// 1. If the NodeClaim's VM already exists (an earlier attempt got that far before a crash), it is
    ///    reused once it finishes provisioning; a failed one is deleted and launched anew.
    /// 2. Options the unavailable-offerings cache blocks are skipped.
    /// 3. For each remaining option: `PUT` the NIC, then `PUT` the VM and wait for it. Both PUTs are
    ///    idempotent (fixed names), so a retry after a crash between them just continues.
    /// 4. A capacity failure (`CapacityFailureKind`) marks offerings unavailable, deletes the failed VM
    ///    and moves to the next option; a regional-cores quota also skips further options of the same
    ///    capacity type. Any other error deletes the VM and NIC and is rethrown.
    ///
    /// - Throws: `AzureLaunchError.insufficientCapacity` when no option is left (the NIC is removed),
    ///   `.invalidRequest` for bad input, `ARMError` for other ARM failures.
    public func launch(_ request: VMLaunchRequest) async throws -> VMLaunchResult {
        let names = try ResourceNames(nodeClaim: request.nodeClaim)
        guard !request.options.isEmpty else {
            throw AzureLaunchError.invalidRequest(field: "options", reason: "no offering to launch")
        }
        if let existing = try await settledVirtualMachine(names.resource) {
            let instance = VMInstance(existing, settings: settings)
            return VMLaunchResult(instance: instance, option: option(describing: instance, in: request.options),
                                  reusedExisting: true)
        }
        var failures: [LaunchFailure] = []
        var skipped: [LaunchOption] = []
        var exhaustedCapacityTypes: Set<CapacityType> = []
        for option in request.options {
            if exhaustedCapacityTypes.contains(option.capacityType)
                || unavailableOfferings.isUnavailable(option, catalog: catalog) {
                skipped.append(option)
                continue
            }
            do {
                let vm = try await create(request, names: names, option: option)
                return VMLaunchResult(instance: VMInstance(vm, settings: settings), option: option, failures: failures,
                                      skipped: skipped)
            } catch {
                guard let armError = error as? ARMError, let kind = CapacityFailureKind(armError) else {
                    try? await removeResources(names)
                    throw error
                }
                let sku = catalog?.sku(named: option.instanceType)
                unavailableOfferings.record(kind, error: armError, option: option, family: sku?.quotaFamily ?? "",
                                            vCPUs: sku?.vCPUs ?? 0)
                if kind == .regionalQuota { exhaustedCapacityTypes.insert(option.capacityType) }
                failures.append(LaunchFailure(option: option, kind: kind, error: armError))
                try await deleteFailedVirtualMachine(names.resource)
            }
        }
        try await deleteNetworkInterface(names.resource)
        throw AzureLaunchError.insufficientCapacity(failures: failures, skipped: skipped)
    }

    /// NIC, then VM; returns the VM once ARM reports it created.
    private func create(_ request: VMLaunchRequest, names: ResourceNames, option: LaunchOption) async throws
        -> VirtualMachine {
        let template = VMTemplate(settings: settings, names: names, nodePool: request.nodePool,
                                  nodeClass: request.nodeClass, option: option, customData: request.customData,
                                  sku: catalog?.sku(named: option.instanceType))
        let nic = try await client.put(settings.networkInterfacePath(names.resource),
                                       apiVersion: settings.networkAPIVersion, body: try template.networkInterface())
        let nicID = nic.id ?? settings.networkInterfacePath(names.resource)
        return try await client.put(settings.virtualMachinePath(names.resource), apiVersion: settings.computeAPIVersion,
                                    body: try template.virtualMachine(networkInterfaceID: nicID))
    }

    /// The existing VM once it is `Succeeded`; nil when there is none, or it failed (then it is deleted)
    /// or was being deleted (then its deletion is awaited).
    private func settledVirtualMachine(_ name: String) async throws -> VirtualMachine? {
        let deadline = client.clock.now() + client.operationTimeout
        while let vm = try await getVirtualMachine(name) {
            switch vm.properties.provisioningState?.lowercased() {
            case "succeeded", nil:
                return vm
            case "failed":
                try await deleteVirtualMachine(name)
                return nil
            default:
                guard client.clock.now() < deadline else {
                    throw ARMError(status: nil, code: "OperationTimedOut",
                                   message: "VM \(name) still \(vm.properties.provisioningState ?? "") after \(Int(client.operationTimeout)) s")
                }
                try await client.clock.sleep(client.pollInterval)
            }
        }
        return nil
    }

    /// Deletes the VM a failed create may have left behind (ARM keeps a VM whose allocation failed).
    private func deleteFailedVirtualMachine(_ name: String) async throws {
        if try await getVirtualMachine(name) != nil { try await deleteVirtualMachine(name) }
    }

    private func removeResources(_ names: ResourceNames) async throws {
        try await deleteFailedVirtualMachine(names.resource)
        try await deleteNetworkInterface(names.resource)
    }

    private func option(describing instance: VMInstance, in options: [LaunchOption]) -> LaunchOption {
        options.first {
            $0.instanceType == instance.vmSize && $0.zone == instance.zone && $0.capacityType == instance.capacityType
        } ?? LaunchOption(instanceType: instance.vmSize, zone: instance.zone, capacityType: instance.capacityType, price: 0)
    }
}
