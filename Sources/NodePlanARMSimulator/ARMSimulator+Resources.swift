import Foundation

extension ARMSimulator {
    func getResource(context: RequestContext, state: inout SimulatorState, events: inout [@Sendable () -> Void])
        -> SimulatorResponse {
        guard let resource = state.resources[context.key] else { return notFound(context) }
        if let operation = resource.pendingOperation { advance(operation, state: &state, events: &events) }
        guard let current = state.resources[context.key] else { return notFound(context) }
        return .json(200, render(current, state: state))
    }

    func list(_ kind: SimulatorState.ResourceKind, context: RequestContext, state: SimulatorState) -> SimulatorResponse {
        let prefix = context.key + "/"
        let all = state.resources.filter { $0.key.hasPrefix(prefix) && $0.value.kind == kind }.sorted { $0.key < $1.key }
        let start = min(Int(context.request.query["$skiptoken"] ?? "") ?? 0, all.count)
        let end = min(start + max(configuration.listPageSize, 1), all.count)
        var page: [String: Any] = ["value": all[start..<end].map { render($0.value, state: state) }]
        if end < all.count {
            page["nextLink"] = "\(context.base)\(context.request.path)?api-version=\(context.apiVersion)&$skiptoken=\(end)"
        }
        return .json(200, page)
    }

    func putNetworkInterface(context: RequestContext, state: inout SimulatorState,
                             events: inout [@Sendable () -> Void]) -> SimulatorResponse {
        guard let body = Self.object(context.request.body), body["location"] is String,
              let properties = body["properties"] as? [String: Any],
              let configurations = properties["ipConfigurations"] as? [[String: Any]], !configurations.isEmpty
        else {
            return .armError(400, code: "InvalidRequestFormat",
                             message: "A network interface needs location and properties.ipConfigurations.")
        }
        for configuration in configurations {
            let subnet = ((configuration["properties"] as? [String: Any])?["subnet"] as? [String: Any])?["id"] as? String
            guard let subnet, subnet.lowercased().contains("/subnets/") else {
                return .armError(400, code: "InvalidRequestFormat",
                                 message: "ipConfigurations[].properties.subnet.id must name a subnet.")
            }
        }
        if var existing = state.resources[context.key] {
            existing.body = Self.data(body)
            state.resources[context.key] = existing
            return .json(200, render(existing, state: state))
        }
        return create(.networkInterface, body: body, outcome: .succeed, context: context, state: &state, events: &events)
    }

    func deleteNetworkInterface(context: RequestContext, state: inout SimulatorState) -> SimulatorResponse {
        guard state.resources[context.key] != nil else { return SimulatorResponse(status: 204) }
        if let holder = virtualMachine(holding: context.key, state: state) {
            return .armError(400, code: "NicInUse", message: "Network Interface \(context.resourceID) is used by existing "
                             + "resource \(holder). In order to delete the network interface, it must be dissociated "
                             + "from the resource.")
        }
        state.resources[context.key] = nil
        return SimulatorResponse(status: 200)
    }

    /// Stores a new resource in `Creating` with an operation that ends in `outcome`; 201 with
    /// `Azure-AsyncOperation`.
    func create(_ kind: SimulatorState.ResourceKind, body: [String: Any], outcome: SimulatorState.Operation.Outcome,
                context: RequestContext, state: inout SimulatorState, events: inout [@Sendable () -> Void])
        -> SimulatorResponse {
        let operationID = state.makeID()
        state.resources[context.key] = SimulatorState.Resource(
            kind: kind, id: context.resourceID, name: context.name, body: Self.data(body), provisioningState: "Creating",
            created: configuration.now(), pendingOperation: operationID)
        state.operations[operationID] = SimulatorState.Operation(
            resourceKey: context.key, action: .create, remainingPolls: configuration.operationPolls, outcome: outcome)
        if configuration.operationPolls <= 0 { finish(operationID, state: &state, events: &events) }
        let location = body["location"] as? String ?? "unknown"
        let namespace = kind == .virtualMachine ? "Microsoft.Compute" : "Microsoft.Network"
        let operationURL = "\(context.base)\(context.subscriptionPath)/providers/\(namespace)/locations/\(location)"
            + "/operations/\(operationID)?api-version=\(context.apiVersion)"
        return .json(201, render(state.resources[context.key]!, state: state),
                     headers: [("Azure-AsyncOperation", operationURL),
                               ("Retry-After", String(configuration.pollRetryAfterSeconds))])
    }

    func notFound(_ context: RequestContext) -> SimulatorResponse {
        let segments = context.request.path.split(separator: "/")
        let type = segments.count >= 2 ? "\(segments[segments.count - 3])/\(segments[segments.count - 2])" : ""
        return .armError(404, code: "ResourceNotFound", message: "The Resource '\(type)/\(context.name)' under resource "
                         + "group '\(context.resourceGroup)' was not found.")
    }

    /// The stored body with what ARM adds: id, name, type, provisioning state, creation time, attachments.
    func render(_ resource: SimulatorState.Resource, state: SimulatorState) -> [String: Any] {
        var body = Self.object(Array(resource.body)) ?? [:]
        var properties = body["properties"] as? [String: Any] ?? [:]
        properties["provisioningState"] = resource.provisioningState
        switch resource.kind {
        case .virtualMachine:
            body["type"] = "Microsoft.Compute/virtualMachines"
            properties["timeCreated"] = Self.timestamp(resource.created)
        case .networkInterface:
            body["type"] = "Microsoft.Network/networkInterfaces"
            if let holder = virtualMachine(holding: resource.id.lowercased(), state: state) {
                properties["virtualMachine"] = ["id": holder]
            }
        }
        body["properties"] = properties
        body["id"] = resource.id
        body["name"] = resource.name
        return body
    }

    /// ID of the VM whose network profile references NIC `nicKey`.
    func virtualMachine(holding nicKey: String, state: SimulatorState) -> String? {
        state.resources.values.first { resource in
            resource.kind == .virtualMachine && Self.networkInterfaceIDs(of: resource).contains { $0.lowercased() == nicKey }
        }?.id
    }

    static func networkInterfaceIDs(of resource: SimulatorState.Resource) -> [String] {
        networkInterfaces(of: resource).compactMap { $0["id"] as? String }
    }

    static func networkInterfaces(of resource: SimulatorState.Resource) -> [[String: Any]] {
        let properties = object(Array(resource.body))?["properties"] as? [String: Any]
        let profile = properties?["networkProfile"] as? [String: Any]
        return profile?["networkInterfaces"] as? [[String: Any]] ?? []
    }

    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    static func data(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// ARM's timestamp form, with seven fractional digits: `2026-11-25T14:00:00.1234567+00:00`.
    static func timestamp(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let whole = seconds.rounded(.down)
        let text = formatter.string(from: Date(timeIntervalSince1970: whole))
        let fraction = Int(((seconds - whole) * 10_000_000).rounded())
        return String(text.dropLast()) + "." + String(format: "%07d", min(fraction, 9_999_999)) + "+00:00"
    }
}
