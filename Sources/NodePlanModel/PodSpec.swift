/// Everything scheduling-relevant that replicas of one workload share.
///
/// Snapshots intern pods by shape: thousands of replicas point at one `PodSpec`, so a
/// 100k-pod snapshot stays small and the solver reasons per shape, not per pod.
public struct PodSpec: Hashable, Sendable, Codable {
    public var namespace: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var owner: OwnerReference?
    public var nodeSelector: [String: String]
    public var affinity: Affinity
    public var tolerations: [Toleration]
    public var topologySpreadConstraints: [TopologySpreadConstraint]
    public var priority: Int32
    public var priorityClassName: String
    /// `Never` pods do not preempt others; kept for preemption recommendations.
    public var preemptionPolicy: String
    public var containers: [Container]
    public var initContainers: [Container]
    /// RuntimeClass `overhead.podFixed`.
    public var overhead: ResourceList
    /// Pod-level `spec.resources` requests (Kubernetes 1.34+); when set they bound the pod as a whole.
    public var podLevelRequests: ResourceList?
    public var volumes: VolumeRequirements
    public var schedulerName: String

    public init(namespace: String = "default", labels: [String: String] = [:], annotations: [String: String] = [:],
                owner: OwnerReference? = nil, nodeSelector: [String: String] = [:], affinity: Affinity = Affinity(),
                tolerations: [Toleration] = [], topologySpreadConstraints: [TopologySpreadConstraint] = [],
                priority: Int32 = 0, priorityClassName: String = "", preemptionPolicy: String = "PreemptLowerPriority",
                containers: [Container] = [], initContainers: [Container] = [], overhead: ResourceList = ResourceList(),
                podLevelRequests: ResourceList? = nil, volumes: VolumeRequirements = VolumeRequirements(),
                schedulerName: String = "default-scheduler") {
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.owner = owner
        self.nodeSelector = nodeSelector
        self.affinity = affinity
        self.tolerations = tolerations
        self.topologySpreadConstraints = topologySpreadConstraints
        self.priority = priority
        self.priorityClassName = priorityClassName
        self.preemptionPolicy = preemptionPolicy
        self.containers = containers
        self.initContainers = initContainers
        self.overhead = overhead
        self.podLevelRequests = podLevelRequests
        self.volumes = volumes
        self.schedulerName = schedulerName
    }
}
