import NodePlanModel

/// A proven lower bound on the hourly price of the new nodes that any valid plan needs to host a
/// given set of pods, read top-down:
///
/// 1. Node kinds: every instance type of every NodePool, with the room its DaemonSets leave.
/// 2. Compatibility classes: the pods grouped by spec, each with the node kinds and offerings one
///    of them could run on alone (`NodeOffers` per distinct set of node constraints, narrowed by
///    fit to `CompatibilityClass`).
/// 3. The resource-volume bound from LP duality (`VolumeBound`).
/// 4. The integrality cut for pods that must be on distinct nodes (`DistinctNodeBound`).
/// 5. Both together (`CliqueVolumeBound`).
/// 6. The bound is the largest of the three; each holds for every plan, so their maximum does.
///
/// "Valid" means by the solver's rules: Karpenter's compatibility, taints, DaemonSet overhead,
/// resources, host ports, hostname topology as Karpenter counts it, and NodePool limits (through
/// Lagrange multipliers in the volume bound). Anything the solve may relax or narrow later
/// (preferences, zones chosen by topology, minValues) is left out, which can only lower the
/// bound. Pods without a candidate node kind (not expected for pods a plan launched nodes for)
/// add nothing.
public struct NewNodeCostBound: Hashable, Sendable {
    /// The resource-volume bound.
    public var volume: Double
    /// The distinct-node (integrality) bound.
    public var distinctNodes: Double

    /// Both together: the distinct nodes' room holds only part of the other pods' volume.
    public var combined: Double

    /// The bound: the largest of the three, shaved by one part in 10¹⁰ so that floating-point
    /// rounding in the sums cannot lift it above a plan that meets it exactly.
    public var value: Double { max(volume, distinctNodes, combined) * (1 - 1e-10) }

    /// The bound for `pods` (indices into `Snapshot.pods`) on the scheduler's NodePools, within
    /// what their limits still allow; pods outside the scheduler's batch (no shape) are left out.
    init(pods: [Int32], scheduler: Scheduler) {
        let templates = scheduler.templates
        let slots = NodeSlot.all(of: templates)
        var firstSlot: [Int] = []
        var next = 0
        for template in templates {
            firstSlot.append(next)
            next += template.options.count
        }

        var countBySpec: [Int: Int] = [:]
        for pod in pods {
            let spec = Int(scheduler.pods[Int(pod)].spec)
            if scheduler.shapes[spec] != nil { countBySpec[spec, default: 0] += 1 }
        }
        var offersIndex: [NodeOffers.Key: Int] = [:]
        var offers: [NodeOffers] = []
        let classes = countBySpec.keys.sorted().map { spec in
            let shape = scheduler.shapes[spec]!
            let key = NodeOffers.Key(shape)
            let index = offersIndex[key] ?? offers.count
            if index == offers.count {
                offersIndex[key] = index
                offers.append(NodeOffers(key, templates: templates, slots: slots, firstSlot: firstSlot))
            }
            return CompatibilityClass(spec: spec, count: countBySpec[spec]!, requests: shape.requests,
                                      offers: offers[index], offersIndex: index, slots: slots)
        }

        let budgets = PoolBudget.all(limits: scheduler.limits, slots: slots, templates: templates, pods: pods.count)
        let volumeBound = VolumeBound(classes: classes, slots: slots, groups: templates.count, budgets: budgets)
        let (volume, weights, multipliers) = volumeBound.maximized()
        var exclusion = PodExclusion(classes: classes, shapes: scheduler.shapes, slots: slots,
                                     topology: scheduler.topology)
        let clique = DistinctNodeBound.best(classes: classes, exclusion: &exclusion)
        self.volume = volume
        distinctNodes = clique.value
        combined = CliqueVolumeBound.value(members: clique.members, classes: classes, slots: slots,
                                           volume: volumeBound, weights: weights, budgets: budgets,
                                           multipliers: multipliers)
    }
}
