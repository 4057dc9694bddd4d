import NodePlanModel

/// How the agent behaves; the defaults are Karpenter's where Karpenter has one.
public struct AgentConfiguration: Sendable {
    /// Snapshot contents besides the cluster's objects.
    public var snapshot: SnapshotAssembler
    /// Provisioning batch window in seconds: idle 1, maximum 10.
    public var batchIdleSeconds: Double = 1
    public var batchMaximumSeconds: Double = 10
    /// Seconds after which pods that are still pending are planned again.
    public var replanSeconds: Double = 10
    /// Seconds between consolidation attempts while the cluster is settled; nil disables consolidation.
    public var consolidationSeconds: Double? = 30
    /// Seconds between orphan-instance collections, and the age an unclaimed instance must reach.
    public var garbageCollectionSeconds: Double = 120
    public var orphanGraceSeconds: Double = 300
    /// Pause between control-loop passes.
    public var pollInterval: Duration = .milliseconds(200)
    /// Longest wait for the cache to show the agent's own writes before planning anyway.
    public var writeVisibilityTimeout: Duration = .seconds(10)
    /// Reflector retry backoff.
    public var backoff = Backoff()
    public var clock = AgentClock.system

    public init(snapshot: SnapshotAssembler) {
        self.snapshot = snapshot
    }
}
