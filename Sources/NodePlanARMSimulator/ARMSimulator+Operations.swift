extension ARMSimulator {
    /// `Azure-AsyncOperation` polling: `{"status": "InProgress" | "Succeeded" | "Failed", "error"?}`.
    func operationStatus(id: String, context: RequestContext, state: inout SimulatorState,
                         events: inout [@Sendable () -> Void]) -> SimulatorResponse {
        guard state.operations[id] != nil else {
            return .armError(404, code: "NotFound", message: "Operation \(id) was not found.")
        }
        advance(id, state: &state, events: &events)
        let operation = state.operations[id]!
        guard operation.finished else {
            return .json(200, ["name": id, "status": "InProgress"],
                         headers: [("Retry-After", String(configuration.pollRetryAfterSeconds))])
        }
        switch operation.outcome {
        case .succeed: return .json(200, ["name": id, "status": "Succeeded"])
        case .fail(let code, let message):
            return .json(200, ["name": id, "status": "Failed", "error": ["code": code, "message": message]])
        }
    }

    /// `Location` polling: 202 while running, 204 when done.
    func operationResult(id: String, context: RequestContext, state: inout SimulatorState,
                         events: inout [@Sendable () -> Void]) -> SimulatorResponse {
        guard state.operations[id] != nil else {
            return .armError(404, code: "NotFound", message: "Operation \(id) was not found.")
        }
        advance(id, state: &state, events: &events)
        guard state.operations[id]!.finished else {
            return SimulatorResponse(status: 202, headers: [
                ("Location", context.base + context.request.path + "?api-version=" + context.apiVersion),
                ("Retry-After", String(configuration.pollRetryAfterSeconds))])
        }
        return SimulatorResponse(status: 204)
    }

    /// Counts one poll; the operation finishes when its polls run out.
    func advance(_ id: String, state: inout SimulatorState, events: inout [@Sendable () -> Void]) {
        guard var operation = state.operations[id], !operation.finished else { return }
        operation.remainingPolls -= 1
        state.operations[id] = operation
        if operation.remainingPolls <= 0 { finish(id, state: &state, events: &events) }
    }

    func finish(_ id: String, state: inout SimulatorState, events: inout [@Sendable () -> Void]) {
        guard var operation = state.operations[id], !operation.finished else { return }
        operation.finished = true
        state.operations[id] = operation
        guard var resource = state.resources[operation.resourceKey], resource.pendingOperation == id else { return }
        resource.pendingOperation = nil
        let observer = state.observer
        switch (operation.action, operation.outcome) {
        case (.create, .succeed):
            resource.provisioningState = "Succeeded"
            state.resources[operation.resourceKey] = resource
            if resource.kind == .virtualMachine {
                let vm = Self.snapshot(resource)
                events.append { observer.virtualMachineSucceeded(vm) }
            }
        case (.create, .fail):
            resource.provisioningState = "Failed"
            state.resources[operation.resourceKey] = resource
        case (.delete, _):
            state.resources[operation.resourceKey] = nil
            for nic in Self.networkInterfaces(of: resource) {
                let deleteOption = (nic["properties"] as? [String: Any])?["deleteOption"] as? String
                if deleteOption == "Delete", let nicID = nic["id"] as? String { state.resources[nicID.lowercased()] = nil }
            }
            let vm = Self.snapshot(resource)
            events.append { observer.virtualMachineDeleted(vm) }
        }
    }
}
