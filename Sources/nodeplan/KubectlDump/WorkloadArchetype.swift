/// A kind of application the generated cluster runs, with the shape its pods take.
struct WorkloadArchetype: Sendable {
    enum Kind: Sendable {
        case deployment
        case statefulSet
        case job
    }

    var kind: Kind
    /// Application names; a workload picks one and its team's namespace.
    var names: [String]
    /// The NodePool its pods select (`karpenter.sh/nodepool`).
    var pool: String
    var replicas: ClosedRange<Int>
    var cpuMillis: [Int]
    var memoryMebibytes: [Int]
    /// Zonal topology spread (maxSkew 1, DoNotSchedule).
    var zoneSpread = false
    /// Required hostname anti-affinity between its own pods.
    var hostnameAntiAffinity = false
    /// Preferred hostname anti-affinity (weight 100).
    var preferHostnameSpread = false
    /// Guarded by a PodDisruptionBudget.
    var disruptionBudget = false
    var priorityClass: String?

    /// The applications of the generated cluster, in the proportions they are drawn.
    static let all: [WorkloadArchetype] = [
        WorkloadArchetype(kind: .deployment, names: ["web", "storefront", "portal", "gateway"], pool: "general",
                          replicas: 6...24, cpuMillis: [250, 500, 1000], memoryMebibytes: [512, 1024, 2048],
                          zoneSpread: true, disruptionBudget: true, priorityClass: "business-critical"),
        WorkloadArchetype(kind: .deployment, names: ["api", "orders", "accounts", "pricing", "inventory"], pool: "general",
                          replicas: 4...16, cpuMillis: [500, 1000, 2000], memoryMebibytes: [1024, 2048, 4096],
                          preferHostnameSpread: true, disruptionBudget: true, priorityClass: "business-critical"),
        WorkloadArchetype(kind: .deployment, names: ["worker", "indexer", "mailer", "thumbnailer"], pool: "general",
                          replicas: 2...12, cpuMillis: [1000, 1500, 3000], memoryMebibytes: [2048, 4096, 6144]),
        WorkloadArchetype(kind: .statefulSet, names: ["redis", "memcached", "search-cache"], pool: "memory",
                          replicas: 3...6, cpuMillis: [1000, 2000], memoryMebibytes: [8192, 16384, 24576],
                          hostnameAntiAffinity: true, disruptionBudget: true),
        WorkloadArchetype(kind: .job, names: ["etl", "report", "backfill", "train-eval"], pool: "batch",
                          replicas: 8...40, cpuMillis: [500, 1000, 2000], memoryMebibytes: [1024, 2048, 4096]),
    ]

    /// Teams; each owns a namespace.
    static let teams = ["checkout", "payments", "search", "catalog", "identity", "notifications", "analytics", "platform"]
}
