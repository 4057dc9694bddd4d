import NodePlanModel

/// Where pods with one set of node constraints may run before resources are counted: per node
/// kind, the cheapest available offering they admit and which offerings they admit. Pods of
/// many specs share these constraints (they differ in labels and requests), so this is worked
/// out once per distinct `Key`.
///
/// A pod admits a node kind and offering when the pool's taints are tolerated (PreferNoSchedule
/// aside, since relaxation may tolerate it), the pool's requirements are compatible with one
/// required node-affinity term (any of the OR-terms, since relaxation drops them in turn) and
/// one volume topology alternative, the instance type and an available offering are admitted by
/// them, and the pod's host ports do not clash with the group's DaemonSets. These are the
/// solver's own checks with everything the solve may relax or narrow later left out
/// (preferences, topology domains, NodePool limits, minValues).
struct NodeOffers {
    /// The node constraints of a pod shape.
    struct Key: Hashable {
        var requiredTerms: [Requirements]
        var volumeAlternatives: [Requirements]
        var tolerations: [Toleration]
        var hostPorts: [HostPort]

        init(_ shape: PodShape) {
            requiredTerms = shape.constraints.requiredTerms
            volumeAlternatives = shape.volumeAlternatives
            tolerations = shape.constraints.tolerations
            hostPorts = shape.hostPorts
        }
    }

    struct Offer {
        /// Index into the slots.
        var slot: Int
        /// The cheapest available offering of the slot the pod admits.
        var price: Double
        /// Offerings the pod admits: bit i for the option's offering i (offerings from 63 on share
        /// bit 63, which only makes two pods look more compatible than they are).
        var offerings: UInt64
    }

    /// Sorted by slot.
    let offers: [Offer]

    init(_ key: Key, templates: [NodeClaimTemplate], slots: [NodeSlot], firstSlot: [Int]) {
        let alternatives = key.requiredTerms.flatMap { term in
            key.volumeAlternatives.isEmpty ? [term] : key.volumeAlternatives.map { term.adding($0) }
        }
        var offers: [Offer] = []
        for (templateIndex, template) in templates.enumerated() {
            let hardTaints = template.pool.taints.filter { $0.effect != .preferNoSchedule }
            guard TaintCheck.firstUntolerated(hardTaints, by: key.tolerations) == nil else { continue }
            let admitted = alternatives.compactMap { alternative -> (Requirements, InstanceTypeOption.OfferingFilter)? in
                guard template.requirements.conflict(with: alternative) == nil else { return nil }
                let combined = template.requirements.adding(alternative)
                return (combined, InstanceTypeOption.OfferingFilter(combined))
            }
            guard !admitted.isEmpty else { continue }
            for (optionIndex, option) in template.options.enumerated() {
                let slot = firstSlot[templateIndex] + optionIndex
                guard slots[slot].daemonSetPorts.firstConflict(with: key.hostPorts) == nil else { continue }
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
                if mask != 0 { offers.append(Offer(slot: slot, price: price, offerings: mask)) }
            }
        }
        self.offers = offers
    }
}
