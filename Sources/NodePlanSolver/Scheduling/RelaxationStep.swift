/// One step of Karpenter's relaxation, in its order.
enum RelaxationStep: String, Sendable {
    case requiredNodeAffinityTerm = "required node-affinity term"
    case preferredPodAffinity = "preferred pod affinity"
    case preferredPodAntiAffinity = "preferred pod anti-affinity"
    case preferredNodeAffinity = "preferred node affinity"
    case scheduleAnywaySpread = "ScheduleAnyway topology spread"
    case preferNoScheduleToleration = "PreferNoSchedule taints"
}
