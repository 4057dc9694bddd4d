import NodePlanModel

/// The kinds nodeplan reads, their accepted API versions and their decoders.
enum SupportedKind: String {
    case pod = "Pod"
    case deployment = "Deployment"
    case replicaSet = "ReplicaSet"
    case statefulSet = "StatefulSet"
    case job = "Job"
    case daemonSet = "DaemonSet"
    case node = "Node"
    case nodeClaim = "NodeClaim"
    case nodePool = "NodePool"
    case aksNodeClass = "AKSNodeClass"
    case podDisruptionBudget = "PodDisruptionBudget"
    case priorityClass = "PriorityClass"
    case persistentVolumeClaim = "PersistentVolumeClaim"
    case persistentVolume = "PersistentVolume"
    case storageClass = "StorageClass"
    case csiNode = "CSINode"
    case namespace = "Namespace"
    case instanceTypeCatalog = "InstanceTypeCatalog"

    var apiVersions: Set<String> {
        switch self {
        case .pod, .node, .persistentVolumeClaim, .persistentVolume, .namespace: ["v1"]
        case .deployment, .replicaSet, .statefulSet, .daemonSet: ["apps/v1"]
        case .job: ["batch/v1"]
        case .nodeClaim, .nodePool: ["karpenter.sh/v1"]
        case .aksNodeClass: ["karpenter.azure.com/v1beta1", "karpenter.azure.com/v1alpha2"]
        case .podDisruptionBudget: ["policy/v1"]
        case .priorityClass: ["scheduling.k8s.io/v1"]
        case .storageClass, .csiNode: ["storage.k8s.io/v1"]
        case .instanceTypeCatalog: ["nodeplan.io/v1alpha1"]
        }
    }

    var namespaced: Bool {
        switch self {
        case .pod, .deployment, .replicaSet, .statefulSet, .job, .daemonSet, .podDisruptionBudget, .persistentVolumeClaim:
            true
        case .node, .nodeClaim, .nodePool, .aksNodeClass, .priorityClass, .persistentVolume, .storageClass, .csiNode,
             .namespace, .instanceTypeCatalog:
            false
        }
    }

    func decode(_ object: Mapping, meta: ObjectMeta) throws(InputError) -> KubeObject {
        switch self {
        case .pod: .pod(try KubePod(decoding: object, meta: meta))
        case .deployment: .workload(try Workload(decodingDeployment: object, meta: meta))
        case .replicaSet: .workload(try Workload(decodingReplicaSet: object, meta: meta))
        case .statefulSet: .workload(try Workload(decodingStatefulSet: object, meta: meta))
        case .job: .workload(try Workload(decodingJob: object, meta: meta))
        case .daemonSet: .daemonSet(try KubeDaemonSet(decoding: object, meta: meta))
        case .node: .node(try Node(decoding: object, meta: meta), kubeletVersion: try Node.kubeletVersion(decoding: object))
        case .nodeClaim: .nodeClaim(try NodeClaim(decoding: object, meta: meta))
        case .nodePool: .nodePool(try NodePool(decoding: object, meta: meta))
        case .aksNodeClass: .nodeClass(try AKSNodeClass(decoding: object, meta: meta))
        case .podDisruptionBudget: .podDisruptionBudget(try PodDisruptionBudget(decoding: object, meta: meta))
        case .priorityClass: .priorityClass(try PriorityClass(decoding: object, meta: meta))
        case .persistentVolumeClaim: .persistentVolumeClaim(try PersistentVolumeClaim(decoding: object, meta: meta))
        case .persistentVolume: .persistentVolume(try PersistentVolume(decoding: object, meta: meta))
        case .storageClass: .storageClass(try StorageClass(decoding: object, meta: meta))
        case .csiNode: .csiNode(try CSINode(decoding: object, meta: meta))
        case .namespace: .namespace(Namespace(decoding: meta))
        case .instanceTypeCatalog: .catalog(try InstanceTypeCatalog(decoding: object, meta: meta))
        }
    }
}
