import NodePlanModel

/// Pods of one spec that need new nodes, with every node kind and offering one of them could
/// run on alone: the pool's taints tolerated (PreferNoSchedule aside, since relaxation may
/// tolerate it), the pool's requirements compatible with one required node-affinity term (any
/// of the OR-terms, since relaxation drops them in turn) and one volume topology alternative,
/// the instance type and an available offering admitted by them, the pod plus the group's
/// DaemonSet overhead fitting allocatable, and no host-port clash with those DaemonSets.
///
/// These are the solver's own checks with everything the solve may relax or narrow later left
/// out (preferences, topology domains, limits, minValues), so every node a valid plan could
/// give such a pod is among the candidates.
struct CompatibilityClass {
    struct Candidate {
        /// Index into the slots.
        var slot: Int
        /// The cheapest available offering of the slot the pod admits.
        var price: Double
        /// Offerings the pod admits: bit i for the option's offering i (offerings from 63 on share
        /// bit 63, which only makes two classes look more compatible than they are).
        var offerings: UInt64
    }

    /// Index into `Snapshot.podSpecs`.
    var spec: Int
    var count: Int
    var requests: ResourceVector
    /// Sorted by slot.
    var candidates: [Candidate]

    /// The cheapest node any one of these pods can run on; zero when none is known.
    var cheapestPrice: Double { candidates.lazy.map(\.price).min() ?? 0 }

    init(spec: Int, count: Int, shape: PodShape, templates: [NodeClaimTemplate], slots: [NodeSlot],
         firstSlot: [Int]) {
        self.spec = spec
        self.count = count
        requests = shape.requests
        candidates = []
        let volumeAlternatives = shape.volumeAlternatives
        let alternatives = shape.constraints.requiredTerms.flatMap { term in
            volumeAlternatives.isEmpty ? [term] : volumeAlternatives.map { term.adding($0) }
        }
        for (templateIndex, template) in templates.enumerated() {
            let hardTaints = template.pool.taints.filter { $0.effect != .preferNoSchedule }
            guard TaintCheck.firstUntolerated(hardTaints, by: shape.constraints.tolerations) == nil else { continue }
            let admitted = alternatives.compactMap { alternative -> (Requirements, InstanceTypeOption.OfferingFilter)? in
                guard template.requirements.conflict(with: alternative) == nil else { return nil }
                let combined = template.requirements.adding(alternative)
                return (combined, InstanceTypeOption.OfferingFilter(combined))
            }
            guard !admitted.isEmpty else { continue }
            for (optionIndex, option) in template.options.enumerated() {
                let slot = firstSlot[templateIndex] + optionIndex
                guard shape.requests.firstShortfall(in: slots[slot].room) == nil,
                      slots[slot].daemonSetPorts.firstConflict(with: shape.hostPorts) == nil else { continue }
                var mask: UInt64 = 0
                var price = Double.infinity
                for (requirements, filter) in admitted
                where option.requirements.intersectionConflict(with: requirements) == nil {
                    for (position, offering) in option.offerings.enumerated()
                    where offering.offering.available && filter.admits(offering) {
                        mask |= 1 << UInt64(min(position, 63))
                        price = min(price, offering.offering.price)
                    }
                }
                if mask != 0 { candidates.append(Candidate(slot: slot, price: price, offerings: mask)) }
            }
        }
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
