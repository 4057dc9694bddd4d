import NodePlanModel

/// Drives every NodeClaim through Karpenter's lifecycle from cluster state alone, so that a restarted
/// agent picks up exactly where the last one stopped:
/// no provider ID → launch (the cloud call is idempotent by NodeClaim name) → the Node with that provider ID
/// registered → Ready with startup taints gone: initialized; deleting → drain the Node, delete the instance
/// and the Node, then drop the finalizer.
public struct NodeClaimLifecycle: Sendable {
    public var context: ExecutionContext

    public init(context: ExecutionContext) { self.context = context }

    /// One pass over every NodeClaim; launches run concurrently.
    public func reconcile() async {
        let claims = context.cache.objects(.nodeClaims)
        await withTaskGroup(of: Void.self) { group in
            for claim in claims {
                group.addTask {
                    do {
                        try await reconcile(claim)
                    } catch {
                        context.logger.warning("NodeClaim step failed; retrying on the next pass",
                                               metadata: ["nodeclaim": "\(claim.name)", "error": "\(error)"])
                    }
                }
            }
        }
    }

    /// Whether a NodeClaim still waits for its instance.
    public static func isLaunched(_ claim: JSONValue) -> Bool {
        !(claim[["status", "providerID"]]?.stringValue ?? "").isEmpty
    }

    private func reconcile(_ claim: JSONValue) async throws {
        if claim.isDeleting {
            try await finalize(claim)
        } else if !Self.isLaunched(claim) {
            try await launch(claim)
        } else if let node = context.node(of: claim) {
            try await register(claim, node: node)
        }
    }

    private func launch(_ claim: JSONValue) async throws {
        let options = (try? JSONValue.parse(Array((claim.annotations[AgentKeys.launchOptions] ?? "[]").utf8)))?
            .arrayValue?.compactMap(\.launchOption) ?? []
        let request = InstanceRequest(
            nodeClaim: claim.name, nodePool: claim.labels[WellKnownLabel.nodePool] ?? "",
            nodeClass: claim[["spec", "nodeClassRef", "name"]]?.stringValue ?? "", offerings: options,
            labels: claim.labels, taints: claim[["spec", "taints"]]?.taints ?? [],
            startupTaints: claim[["spec", "startupTaints"]]?.taints ?? [])
        let instance: CloudInstance
        do {
            instance = try await context.cloud.create(request)
        } catch let error as CloudProviderError {
            context.logger.notice("no offering could be launched; deleting the NodeClaim so its pods are planned again",
                                  metadata: ["nodeclaim": "\(claim.name)", "error": "\(error)"])
            try await context.delete(.nodeClaims, claim)
            return
        }
        try await context.patch(.nodeClaims, claim, ["metadata": ["labels": [
            WellKnownLabel.instanceType: .string(instance.instanceType), WellKnownLabel.zone: .string(instance.zone),
            WellKnownLabel.capacityType: .string(instance.capacityType.rawValue),
        ]]])
        try await context.patch(.nodeClaims, claim, ["status": [
            "providerID": .string(instance.providerID), "capacity": JSONValue(instance.capacity),
            "allocatable": JSONValue(instance.allocatable), "conditions": Self.conditions(["Launched"]),
        ]], subresource: "status")
        context.logger.info("launched", metadata: [
            "nodeclaim": "\(claim.name)", "instanceType": "\(instance.instanceType)", "zone": "\(instance.zone)",
            "capacityType": "\(instance.capacityType.rawValue)",
        ])
    }

    private func register(_ claim: JSONValue, node: JSONValue) async throws {
        let registered = claim.conditionIsTrue("Registered")
        let startupKeys = Set((claim[["spec", "startupTaints"]]?.taints ?? []).map(\.key))
        let nodeTaints = node[["spec", "taints"]]?.taints ?? []
        let initialized = node.conditionIsTrue("Ready") && !nodeTaints.contains { startupKeys.contains($0.key) }
        if !registered || (initialized && !claim.conditionIsTrue("Initialized")) {
            try await context.patch(.nodes, node, ["metadata": ["labels": [
                WellKnownLabel.registered: "true",
                WellKnownLabel.initialized: initialized ? "true" : nil,
            ]]])
            let conditions = initialized ? ["Launched", "Registered", "Initialized"] : ["Launched", "Registered"]
            try await context.patch(.nodeClaims, claim, ["status": [
                "nodeName": .string(node.name), "conditions": Self.conditions(conditions),
            ]], subresource: "status")
        }
    }

    /// A deleting NodeClaim: drain its Node (never while the Node still has evictable pods), then delete
    /// the instance and the Node, then let the claim go.
    private func finalize(_ claim: JSONValue) async throws {
        if let node = context.node(of: claim) {
            guard try await NodeDrainer(context: context).drain(node) else { return }
            try await context.cloud.delete(nodeClaim: claim.name)
            try await context.delete(.nodes, node)
        } else {
            try await context.cloud.delete(nodeClaim: claim.name)
        }
        guard claim.finalizers.contains(AgentKeys.terminationFinalizer) else { return }
        try await context.patch(.nodeClaims, claim, ["metadata": [
            "finalizers": .array(claim.finalizers.filter { $0 != AgentKeys.terminationFinalizer }.map { .string($0) }),
        ]])
        context.logger.info("terminated", metadata: ["nodeclaim": "\(claim.name)"])
    }

    static func conditions(_ types: [String]) -> JSONValue {
        .array(types.map { ["type": .string($0), "status": "True"] })
    }
}
