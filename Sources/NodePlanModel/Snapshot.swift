/// Everything the solver knows about a cluster at one instant: the input of every solve.
public struct Snapshot: Hashable, Sendable, Codable {
    public var cluster: Cluster
    /// Explicit instance types offered to every NodePool (synthetic catalogs, agent-supplied data).
    public var instanceTypes: [InstanceType]
    /// Instance types from the built-in Azure catalog, resolved per AKSNodeClass.
    public var catalog: CatalogSelection?
    public var nodePools: [NodePool]
    public var nodeClasses: [AKSNodeClass]
    /// Existing nodes and in-flight NodeClaims.
    public var nodes: [Node]
    /// Shared pod shapes; `Pod.spec` indexes into this table.
    public var podSpecs: [PodSpec]
    /// Pending and bound pods.
    public var pods: [Pod]
    public var daemonSets: [DaemonSet]
    public var podDisruptionBudgets: [PodDisruptionBudget]
    public var priorityClasses: [PriorityClass]
    public var namespaces: [Namespace]
    public var options: SolverOptions

    public init(cluster: Cluster = Cluster(), instanceTypes: [InstanceType] = [], catalog: CatalogSelection? = nil,
                nodePools: [NodePool] = [], nodeClasses: [AKSNodeClass] = [], nodes: [Node] = [],
                podSpecs: [PodSpec] = [], pods: [Pod] = [], daemonSets: [DaemonSet] = [],
                podDisruptionBudgets: [PodDisruptionBudget] = [], priorityClasses: [PriorityClass] = [],
                namespaces: [Namespace] = [], options: SolverOptions = SolverOptions()) {
        self.cluster = cluster
        self.instanceTypes = instanceTypes
        self.catalog = catalog
        self.nodePools = nodePools
        self.nodeClasses = nodeClasses
        self.nodes = nodes
        self.podSpecs = podSpecs
        self.pods = pods
        self.daemonSets = daemonSets
        self.podDisruptionBudgets = podDisruptionBudgets
        self.priorityClasses = priorityClasses
        self.namespaces = namespaces
        self.options = options
    }

    /// The shared spec of `pod`.
    public func spec(of pod: Pod) -> PodSpec { podSpecs[Int(pod.spec)] }
}
