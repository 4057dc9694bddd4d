import Foundation

extension ARMSimulator {
    /// Creates or updates a VM. A new VM (or one whose earlier creation failed) is checked against the
    /// capacity faults: a synchronous fault answers 409, an asynchronous one fails the operation.
    func putVirtualMachine(context: RequestContext, state: inout SimulatorState,
                           events: inout [@Sendable () -> Void]) -> SimulatorResponse {
        guard let body = Self.object(context.request.body), let location = body["location"] as? String,
              let properties = body["properties"] as? [String: Any],
              let vmSize = (properties["hardwareProfile"] as? [String: Any])?["vmSize"] as? String
        else {
            return .armError(400, code: "InvalidRequestContent",
                             message: "A virtual machine needs location and properties.hardwareProfile.vmSize.")
        }
        let nicIDs = ((properties["networkProfile"] as? [String: Any])?["networkInterfaces"] as? [[String: Any]] ?? [])
            .compactMap { $0["id"] as? String }
        guard !nicIDs.isEmpty else {
            return .armError(400, code: "InvalidParameter", message: "At least one network interface is required.")
        }
        for nicID in nicIDs where state.resources[nicID.lowercased()]?.kind != .networkInterface {
            return .armError(400, code: "InvalidResourceReference",
                             message: "Resource \(nicID) referenced by resource \(context.resourceID) was not found.")
        }
        if var existing = state.resources[context.key], existing.provisioningState != "Failed" {
            guard existing.provisioningState != "Deleting" else {
                return .armError(409, code: "OperationNotAllowed",
                                 message: "The VM \(context.name) is being deleted; no other operation is allowed.")
            }
            existing.body = Self.data(body)
            state.resources[context.key] = existing
            return .json(200, render(existing, state: state))
        }
        let zone = (body["zones"] as? [String])?.first ?? ""
        let priority = (properties["priority"] as? String).flatMap { VMPriority(rawValue: $0) } ?? .regular
        var outcome = SimulatorState.Operation.Outcome.succeed
        if let index = state.capacityFaults.firstIndex(where: { $0.matches(vmSize: vmSize, zone: zone, priority: priority) }) {
            let fault = state.capacityFaults[index]
            if let remaining = fault.remaining { state.capacityFaults[index].remaining = remaining - 1 }
            let (code, message) = fault.error.codeAndMessage(vmSize: vmSize, location: location)
            switch fault.timing {
            case .synchronous: return .armError(409, code: code, message: message)
            case .asynchronous: outcome = .fail(code: code, message: message)
            }
        }
        return create(.virtualMachine, body: body, outcome: outcome, context: context, state: &state, events: &events)
    }

    /// Starts deleting a VM: 202 with `Location`; the VM is gone (with NICs whose `deleteOption` is
    /// `Delete`) when the operation finishes. Deleting a VM already being deleted answers with the same
    /// operation; a missing VM answers 204.
    func deleteVirtualMachine(context: RequestContext, state: inout SimulatorState,
                              events: inout [@Sendable () -> Void]) -> SimulatorResponse {
        guard var existing = state.resources[context.key] else { return SimulatorResponse(status: 204) }
        let operationID: String
        if existing.provisioningState == "Deleting", let pending = existing.pendingOperation {
            operationID = pending
        } else {
            if let pending = existing.pendingOperation { state.operations[pending]?.finished = true }
            operationID = state.makeID()
            existing.provisioningState = "Deleting"
            existing.pendingOperation = operationID
            state.resources[context.key] = existing
            state.operations[operationID] = SimulatorState.Operation(
                resourceKey: context.key, action: .delete, remainingPolls: configuration.operationPolls, outcome: .succeed)
        }
        let location = (Self.object(Array(existing.body))?["location"] as? String) ?? "unknown"
        let resultURL = "\(context.base)\(context.subscriptionPath)/providers/Microsoft.Compute/locations/\(location)"
            + "/operationResults/\(operationID)?api-version=\(context.apiVersion)"
        if configuration.operationPolls <= 0 { finish(operationID, state: &state, events: &events) }
        return SimulatorResponse(status: 202, headers: [("Location", resultURL),
                                                        ("Retry-After", String(configuration.pollRetryAfterSeconds))])
    }
}
