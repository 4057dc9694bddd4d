/// Lifecycle phase of a pod.
public enum PodPhase: String, Hashable, Sendable, Codable {
    case pending = "Pending"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case unknown = "Unknown"
}

/// One pod: its identity and state, pointing at its shared shape in `Snapshot.podSpecs`.
public struct Pod: Hashable, Sendable, Codable {
    public var name: String
    public var uid: String
    /// Index into `Snapshot.podSpecs`.
    public var spec: Int32
    /// The node the pod is bound to; empty when pending.
    public var nodeName: String
    /// Set while the pod preempts others; Karpenter leaves such pods to the kube-scheduler.
    public var nominatedNodeName: String
    public var phase: PodPhase
    /// Seconds since the Unix epoch.
    public var createdAt: Double
    /// Seconds since the Unix epoch; set when the pod is terminating.
    public var deletedAt: Double?
    /// Pod-specific annotations beyond the shared spec's (e.g. `controller.kubernetes.io/pod-deletion-cost`).
    public var annotations: [String: String]

    public init(name: String, uid: String = "", spec: Int32, nodeName: String = "", nominatedNodeName: String = "",
                phase: PodPhase = .pending, createdAt: Double = 0, deletedAt: Double? = nil,
                annotations: [String: String] = [:]) {
        self.name = name
        self.uid = uid
        self.spec = spec
        self.nodeName = nodeName
        self.nominatedNodeName = nominatedNodeName
        self.phase = phase
        self.createdAt = createdAt
        self.deletedAt = deletedAt
        self.annotations = annotations
    }

    public var isBound: Bool { !nodeName.isEmpty }
    public var isTerminal: Bool { phase == .succeeded || phase == .failed }
    public var isTerminating: Bool { deletedAt != nil }
}
