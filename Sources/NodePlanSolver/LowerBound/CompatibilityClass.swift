import NodePlanModel

/// Pods of one spec that need new nodes, with every node kind and offering one of them could
/// run on alone: the `NodeOffers` of its constraints where the pod, plus the kind's DaemonSet
/// overhead, fits allocatable. Every node a valid plan could give such a pod is a candidate.
struct CompatibilityClass {
    /// Index into `Snapshot.podSpecs`.
    var spec: Int
    var count: Int
    var requests: ResourceVector
    /// Which `NodeOffers` the candidates come from: classes with equal offers and requests have
    /// equal candidates.
    var offersIndex: Int
    /// Sorted by slot.
    var candidates: [NodeOffers.Offer]

    /// The cheapest node any one of these pods can run on; zero when none is known.
    var cheapestPrice: Double { candidates.lazy.map(\.price).min() ?? 0 }

    init(spec: Int, count: Int, requests: ResourceVector, offers: NodeOffers, offersIndex: Int, slots: [NodeSlot]) {
        self.spec = spec
        self.count = count
        self.requests = requests
        self.offersIndex = offersIndex
        candidates = offers.offers.filter { requests.firstShortfall(in: slots[$0.slot].room) == nil }
    }

    /// Whether one pod of this class and one of `other` could share some node: a slot and offering
    /// both admit, with room for both.
    func canShareNode(with other: CompatibilityClass, slots: [NodeSlot]) -> Bool {
        var mine = 0
        var theirs = 0
        while mine < candidates.count && theirs < other.candidates.count {
            let left = candidates[mine]
            let right = other.candidates[theirs]
            if left.slot < right.slot {
                mine += 1
            } else if left.slot > right.slot {
                theirs += 1
            } else {
                if left.offerings & right.offerings != 0,
                   requests.firstShortfall(adding: other.requests, in: slots[left.slot].room) == nil {
                    return true
                }
                mine += 1
                theirs += 1
            }
        }
        return false
    }
}
