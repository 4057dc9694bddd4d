import NodePlanModel
import NodePlanTesting

/// Snapshots the server tests send.
enum Fixtures {
    /// `pods` pending pods of 500m CPU and 512Mi on one pool with the Karpenter benchmark catalog.
    static func snapshot(pods: Int = 50) -> Snapshot {
        Scenario()
            .pool("default")
            .nodeClass(AKSNodeClass())
            .instanceTypes(InstanceTypes.benchmark(count: 20))
            .pods("web", count: pods, PodTemplate(cpu: "500m", memory: "512Mi"))
            .snapshot
    }
}
