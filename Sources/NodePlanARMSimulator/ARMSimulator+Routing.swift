import Foundation

extension ARMSimulator {
    /// Answers one request; observer callbacks run after the state lock is released.
    func handle(_ request: SimulatorRequest) -> SimulatorResponse {
        var events: [@Sendable () -> Void] = []
        let response = state.withLockedValue { state in route(request, state: &state, events: &events) }
        for event in events { event() }
        return response
    }

    private func route(_ request: SimulatorRequest, state: inout SimulatorState,
                       events: inout [@Sendable () -> Void]) -> SimulatorResponse {
        state.requestLog.append("\(request.method) \(request.path)")
        if let index = state.requestFaults.firstIndex(where: { $0.matches(request) }) {
            state.requestFaults[index].remaining -= 1
            return state.requestFaults[index].response
        }
        let segments = request.segments
        if segments == ["metadata", "identity", "oauth2", "token"] {
            return managedIdentityToken(request, state: &state)
        }
        if segments.count == 4, segments[1] == "oauth2", segments[2] == "v2.0", segments[3] == "token" {
            return entraToken(request, state: &state)
        }
        if segments == ["api", "retail", "prices"] { return retailPrices(request, state: state) }
        guard segments.first == "subscriptions" else {
            return .armError(404, code: "NotFound", message: "No route for \(request.path)")
        }
        guard let apiVersion = request.query["api-version"], !apiVersion.isEmpty else {
            return .armError(400, code: "MissingApiVersionParameter",
                             message: "The api-version query parameter (?api-version=) is required for all requests.")
        }
        if let refusal = authenticate(request, state: state) { return refusal }
        let context = RequestContext(request: request, apiVersion: apiVersion)
        if segments.count == 8, segments[2] == "providers", segments[4] == "locations" {
            switch segments[6] {
            case "operations": return operationStatus(id: segments[7], context: context, state: &state, events: &events)
            case "operationresults": return operationResult(id: segments[7], context: context, state: &state, events: &events)
            default: break
            }
        }
        if segments.count >= 7, segments.count <= 8, segments[2] == "resourcegroups", segments[4] == "providers" {
            let kind: SimulatorState.ResourceKind?
            switch "\(segments[5])/\(segments[6])" {
            case "microsoft.compute/virtualmachines": kind = .virtualMachine
            case "microsoft.network/networkinterfaces": kind = .networkInterface
            default: kind = nil
            }
            if let kind {
                if segments.count == 7 {
                    return request.method == "GET" ? list(kind, context: context, state: state)
                        : .armError(405, code: "MethodNotAllowed", message: "\(request.method) on a collection")
                }
                return resource(kind, context: context, state: &state, events: &events)
            }
        }
        return .armError(404, code: "InvalidResourceType", message: "The resource type of \(request.path) is not simulated.")
    }

    private func resource(_ kind: SimulatorState.ResourceKind, context: RequestContext, state: inout SimulatorState,
                          events: inout [@Sendable () -> Void]) -> SimulatorResponse {
        switch (kind, context.request.method) {
        case (_, "GET"): getResource(context: context, state: &state, events: &events)
        case (.virtualMachine, "PUT"): putVirtualMachine(context: context, state: &state, events: &events)
        case (.virtualMachine, "DELETE"): deleteVirtualMachine(context: context, state: &state, events: &events)
        case (.networkInterface, "PUT"): putNetworkInterface(context: context, state: &state, events: &events)
        case (.networkInterface, "DELETE"): deleteNetworkInterface(context: context, state: &state)
        default: .armError(405, code: "MethodNotAllowed", message: "\(context.request.method) is not simulated here")
        }
    }

    private func authenticate(_ request: SimulatorRequest, state: SimulatorState) -> SimulatorResponse? {
        guard configuration.requireAuthentication else { return nil }
        guard let header = request.headers["authorization"], header.hasPrefix("Bearer ") else {
            return .armError(401, code: "AuthenticationFailed", message: "Authentication failed. The 'Authorization' header is missing.")
        }
        guard let expiry = state.tokens[String(header.dropFirst("Bearer ".count))] else {
            return .armError(401, code: "InvalidAuthenticationToken", message: "The access token is invalid.")
        }
        guard expiry > configuration.now() else {
            return .armError(401, code: "ExpiredAuthenticationToken", message: "The access token expiry UTC time is earlier than current UTC time.")
        }
        return nil
    }
}

/// What resource handlers need from a request besides the state.
struct RequestContext {
    var request: SimulatorRequest
    var apiVersion: String

    /// `http://host:port` as the client addressed the simulator.
    var base: String { "http://" + (request.headers["host"] ?? "127.0.0.1") }

    /// The resource ID as the client spelled it, and the lower-cased key it is stored under.
    var resourceID: String { request.path }
    var key: String { request.path.lowercased() }
    var name: String { String(request.path.split(separator: "/").last ?? "") }

    /// `/subscriptions/<sub>`, as spelled.
    var subscriptionPath: String { request.path.split(separator: "/").prefix(2).map { "/" + $0 }.joined() }

    /// The resource group segment, as spelled.
    var resourceGroup: String { String(request.path.split(separator: "/").dropFirst(3).first ?? "") }
}
