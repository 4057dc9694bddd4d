import NodePlanModel

/// One decoded input object of any supported kind.
enum KubeObject: Hashable, Sendable {
    case pod(KubePod)
    case workload(Workload)
    case daemonSet(KubeDaemonSet)
    case node(Node, kubeletVersion: String?)
    case nodeClaim(NodeClaim)
    case nodePool(NodePool)
    case nodeClass(AKSNodeClass)
    case podDisruptionBudget(PodDisruptionBudget)
    case priorityClass(PriorityClass)
    case persistentVolumeClaim(PersistentVolumeClaim)
    case persistentVolume(PersistentVolume)
    case storageClass(StorageClass)
    case csiNode(CSINode)
    case namespace(Namespace)
    case catalog(InstanceTypeCatalog)
}
