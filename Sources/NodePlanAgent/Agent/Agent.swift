import Logging
import NodePlanModel

/// The in-cluster agent: reflectors keep a cache of the cluster; a control loop drives NodeClaims and
/// disruptions from that state, batches pending pods like Karpenter (idle 1 s, max 10 s), asks the solver
/// for a plan and applies it, consolidates when the cluster is settled, and collects orphan instances.
///
/// All state lives in the cluster (NodeClaims, their annotations and conditions, Node taints and
/// annotations, pod annotations), so a restarted agent resumes without repeating or losing anything.
public final class Agent: Sendable {
    public let cache: ClusterCache
    public let configuration: AgentConfiguration
    private let kube: KubeClient
    private let planner: any PlanningService
    private let context: ExecutionContext
    private let logger: Logger

    public init(kube: KubeClient, planner: any PlanningService, cloud: any CloudProvider,
                configuration: AgentConfiguration, logger: Logger = Logger(label: "nodeplan.agent")) {
        self.kube = kube
        self.planner = planner
        self.configuration = configuration
        self.logger = logger
        cache = ClusterCache()
        context = ExecutionContext(kube: kube, cache: cache, cloud: cloud, writes: WriteTracker(), logger: logger)
    }

    /// Runs reflectors and the control loop until the task is cancelled.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for resource in KubeResource.watched {
                let reflector = Reflector(resource: resource, client: kube, cache: cache, backoff: configuration.backoff,
                                          logger: logger)
                group.addTask { await reflector.run() }
            }
            group.addTask { await self.controlLoop() }
        }
    }

    /// State the loop keeps between passes; losing it (a restart) only delays work.
    struct LoopState {
        var window: BatchWindow
        var seenPending: Set<String> = []
        var lastProvisioning: Double = 0
        var lastConsolidation: Double = 0
        var lastCollection: Double = 0
    }

    private func controlLoop() async {
        var state = LoopState(window: BatchWindow(idle: configuration.batchIdleSeconds,
                                                  maximum: configuration.batchMaximumSeconds))
        let clock = configuration.clock
        state.lastConsolidation = clock.now()
        state.lastCollection = clock.now()
        while !Task.isCancelled {
            if cache.isSynced(KubeResource.watched) { await pass(&state) }
            do { try await clock.sleep(configuration.pollInterval) } catch { return }
        }
    }

    /// One pass: bring NodeClaims and disruptions forward, then provision, consolidate or collect when due.
    func pass(_ state: inout LoopState) async {
        guard await context.writes.waitUntilObserved(by: cache, timeout: configuration.writeVisibilityTimeout) else { return }
        await NodeClaimLifecycle(context: context).reconcile()
        await DisruptionReconciler(context: context).reconcile()
        guard await context.writes.waitUntilObserved(by: cache, timeout: configuration.writeVisibilityTimeout) else { return }

        let now = configuration.clock.now()
        let pending = Set(cache.objects(.pods).filter(SnapshotAssembler.isProvisionable).map(\.objectKey))
        if !pending.subtracting(state.seenPending).isEmpty { state.window.trigger(at: now) }
        state.seenPending = pending
        let claims = cache.objects(.nodeClaims)
        let launching = claims.contains { !$0.isDeleting && !NodeClaimLifecycle.isLaunched($0) }
        // Pods still pending are planned again now and then: a NodeClaim may have failed, capacity changed.
        let replanDue = !pending.isEmpty && now - state.lastProvisioning >= configuration.replanSeconds
        if (state.window.isDue(at: now) || replanDue) && !launching {
            state.window.reset()
            state.lastProvisioning = now
            await provision()
            return
        }

        if let interval = configuration.consolidationSeconds, now - state.lastConsolidation >= interval,
           pending.isEmpty, !state.window.isOpen, DisruptionReconciler.inProgress(cache).isEmpty,
           claims.allSatisfy({ !$0.isDeleting && $0.conditionIsTrue("Initialized") }) {
            state.lastConsolidation = now
            await consolidate()
            return
        }

        if now - state.lastCollection >= configuration.garbageCollectionSeconds {
            state.lastCollection = now
            await GarbageCollector(context: context, gracePeriod: configuration.orphanGraceSeconds).collect(now: now)
        }
    }

    private func snapshot() async throws -> Snapshot {
        let assembled = try configuration.snapshot.assemble(from: cache, now: configuration.clock.now(),
                                                            unavailable: await context.cloud.unavailableOfferings())
        for problem in assembled.skipped { logger.warning("object left out of the snapshot", metadata: ["problem": "\(problem)"]) }
        return assembled.snapshot
    }

    private func provision() async {
        do {
            let snapshot = try await snapshot()
            let plan = try await planner.provision(snapshot)
            let outcome = try await PlanExecutor(context: context).applyProvisioning(plan, snapshot: snapshot)
            logger.info("provisioning plan applied", metadata: [
                "nodeclaims": "\(outcome.createdNodeClaims.count)", "nominated": "\(outcome.nominatedPods)",
                "unschedulable": "\(plan.unschedulable.count)",
            ])
        } catch {
            logger.error("provisioning failed", metadata: ["error": "\(error)"])
        }
    }

    private func consolidate() async {
        do {
            let plan = try await planner.consolidate(try await snapshot())
            guard !plan.terminations.isEmpty else { return }
            let outcome = try await PlanExecutor(context: context).applyConsolidation(plan)
            logger.info("consolidation started", metadata: [
                "nodes": "\(outcome.disruptedNodes.joined(separator: ","))",
                "replacements": "\(outcome.createdNodeClaims.joined(separator: ","))",
            ])
        } catch {
            logger.error("consolidation failed", metadata: ["error": "\(error)"])
        }
    }
}
