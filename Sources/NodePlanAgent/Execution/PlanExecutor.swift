import NodePlanModel

/// Turns a plan into cluster state; everything after that (launching, registering, draining, deleting)
/// is driven from the cluster by `NodeClaimLifecycle` and `DisruptionReconciler`, which is what makes the
/// agent restartable at any point.
///
/// Provisioning: one NodeClaim per launch (launch options in an annotation, the termination finalizer set),
/// and each planned pod annotated with the node or NodeClaim it was planned onto.
/// Consolidation: for the first batch of terminations, each Node is tainted `karpenter.sh/disrupted:NoSchedule`
/// and annotated with its reason and replacement NodeClaims, then the replacements are created.
public struct PlanExecutor: Sendable {
    public var context: ExecutionContext

    public init(context: ExecutionContext) { self.context = context }

    /// What applying a plan did.
    public struct Outcome: Hashable, Sendable {
        public var createdNodeClaims: [String] = []
        public var nominatedPods = 0
        public var disruptedNodes: [String] = []
    }

    /// Applies launches and assignments.
    public func applyProvisioning(_ plan: Plan, snapshot: Snapshot) async throws -> Outcome {
        var outcome = Outcome()
        for launch in plan.launches {
            let claim = try await createNodeClaim(for: launch, name: Self.nodeClaimName(pool: launch.nodePool))
            outcome.createdNodeClaims.append(claim)
            outcome.nominatedPods += try await nominate(launch.pods, to: claim, snapshot: snapshot)
        }
        for assignment in plan.assignments {
            outcome.nominatedPods += try await nominate(assignment.pods, to: assignment.node, snapshot: snapshot)
        }
        return outcome
    }

    /// Starts the first batch of terminations with the launches they wait for.
    public func applyConsolidation(_ plan: Plan) async throws -> Outcome {
        var outcome = Outcome()
        guard let batch = plan.terminations.map(\.batch).min() else { return outcome }
        let terminations = plan.terminations.filter { $0.batch == batch }
        let launches = Dictionary(plan.launches.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var claimNames: [String: String] = [:]
        for name in Set(terminations.flatMap(\.waitFor)).sorted() {
            guard let launch = launches[name] else { continue }
            claimNames[name] = Self.nodeClaimName(pool: launch.nodePool)
        }
        // The Nodes record their replacements before those are created: a restart that finds a named
        // replacement missing abandons the disruption instead of guessing.
        for termination in terminations {
            guard let node = context.cache.object(.nodes, key: termination.node) else { continue }
            var taints = node[["spec", "taints"]]?.taints ?? []
            if !taints.contains(where: { $0.key == AgentKeys.disruptedTaint }) {
                taints.append(Taint(key: AgentKeys.disruptedTaint, effect: .noSchedule))
            }
            let replacements = termination.waitFor.compactMap { claimNames[$0] }.joined(separator: ",")
            try await context.patch(.nodes, node, [
                "metadata": ["annotations": [AgentKeys.disruptionReason: .string(termination.reason.rawValue),
                                             AgentKeys.replacements: .string(replacements)]],
                "spec": ["taints": .array(taints.map(JSONValue.init))],
            ])
            outcome.disruptedNodes.append(node.name)
        }
        for (launchName, claimName) in claimNames.sorted(by: { $0.key < $1.key }) {
            outcome.createdNodeClaims.append(try await createNodeClaim(for: launches[launchName]!, name: claimName))
        }
        return outcome
    }

    private func createNodeClaim(for launch: NodeLaunch, name: String) async throws -> String {
        var labels = launch.labels
        labels[WellKnownLabel.nodePool] = launch.nodePool
        let pool = context.cache.object(.nodePools, key: launch.nodePool)
        let nodeClassRef = pool?[["spec", "template", "spec", "nodeClassRef"]]
            ?? ["group": "karpenter.azure.com", "kind": "AKSNodeClass", "name": "default"]
        let options = JSONValue.array(([launch.choice] + launch.fallbacks).map(JSONValue.init))
        var spec: JSONValue = [
            "requirements": .array(launch.requirements.map(JSONValue.init)),
            "resources": ["requests": JSONValue(launch.requests)],
            "nodeClassRef": nodeClassRef,
        ]
        if !launch.taints.isEmpty { spec["taints"] = .array(launch.taints.map(JSONValue.init)) }
        if !launch.startupTaints.isEmpty { spec["startupTaints"] = .array(launch.startupTaints.map(JSONValue.init)) }
        let claim: JSONValue = [
            "metadata": [
                "name": .string(name), "labels": .strings(labels),
                "annotations": [AgentKeys.launchOptions: .string(options.text)],
                "finalizers": [.string(AgentKeys.terminationFinalizer)],
            ],
            "spec": spec,
        ]
        try await context.create(.nodeClaims, claim)
        context.logger.info("created NodeClaim", metadata: [
            "nodeclaim": "\(name)", "pool": "\(launch.nodePool)", "instanceType": "\(launch.choice.instanceType)",
            "pods": "\(launch.pods.count)",
        ])
        return name
    }

    /// Annotates pods with their planned node; pods already annotated so are left alone.
    private func nominate(_ pods: [Int32], to node: String, snapshot: Snapshot) async throws -> Int {
        var count = 0
        for index in pods {
            let pod = snapshot.pods[Int(index)]
            let namespace = snapshot.spec(of: pod).namespace
            guard let object = context.cache.object(.pods, key: "\(namespace)/\(pod.name)"), !pod.isBound,
                  object.annotations[AgentKeys.nominatedNode] != node else { continue }
            do {
                try await context.patch(.pods, object, ["metadata": ["annotations": [AgentKeys.nominatedNode: .string(node)]]])
                count += 1
            } catch let error as KubeAPIError where error.isNotFound {
                continue
            }
        }
        return count
    }

    /// `<pool>-<5 random characters>`, as Karpenter names NodeClaims.
    static func nodeClaimName(pool: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return "\(pool)-" + String((0..<5).map { _ in alphabet.randomElement()! })
    }
}
