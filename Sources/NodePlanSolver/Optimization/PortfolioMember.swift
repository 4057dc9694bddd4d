import NodePlanModel

/// One way of running the provisioning scheduler: a queue order, how a pod picks among the
/// NodeClaims that accept it, and how far a new NodeClaim may grow. Every member runs the same
/// scheduler, so every plan it makes honours every rule Karpenter's does; they differ only in
/// choices Karpenter leaves to order.
struct PortfolioMember: Hashable, Sendable {
    var order: PodOrder
    /// How many accepting NodeClaims a pod weighs by the price their cheapest type would rise
    /// by; 1 takes the first, as Karpenter does.
    var claimCandidates: Int
    /// `ClaimSizing` slack; nil lets a NodeClaim grow into any type, as Karpenter does.
    var sizingSlack: Double?
    var sizingBasis: ClaimSizing.Basis = .sameConstraints

    /// Karpenter's own greedy: the yardstick, and the first member of every portfolio.
    static let karpenter = PortfolioMember(order: .karpenter, claimCandidates: 1, sizingSlack: nil)

    /// The fixed portfolio, Karpenter's greedy first, then the members that won most often on the
    /// cost benchmark (a budget that ends early cuts the tail); later members only win by being
    /// cheaper.
    static let portfolio: [PortfolioMember] = [
        .karpenter,
        PortfolioMember(order: .nodeOpenersFirst, claimCandidates: 32, sizingSlack: 0.15, sizingBasis: .sameSpec),
        PortfolioMember(order: .nodeOpenersFirst, claimCandidates: 32, sizingSlack: 0.05),
        PortfolioMember(order: .karpenter, claimCandidates: 8, sizingSlack: 0.05, sizingBasis: .sameSpec),
        PortfolioMember(order: .nodeOpenersFirst, claimCandidates: 32, sizingSlack: nil),
        PortfolioMember(order: .karpenter, claimCandidates: 8, sizingSlack: 0.05),
        PortfolioMember(order: .memoryFirst, claimCandidates: 8, sizingSlack: nil),
        PortfolioMember(order: .dominantShare, claimCandidates: 8, sizingSlack: 0.15),
        PortfolioMember(order: .karpenter, claimCandidates: 1, sizingSlack: 0),
    ]

    /// Improvement round: this member with its order perturbed by `seed`.
    func perturbed(seed: UInt64) -> PortfolioMember {
        PortfolioMember(order: .perturbed(seed: seed), claimCandidates: max(claimCandidates, 4),
                        sizingSlack: sizingSlack, sizingBasis: sizingBasis)
    }

    /// `run` as a ranked result.
    func result(round: Int, member: Int, snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?,
                options: SolverOptions, control: SolveControl = .unbounded) -> PortfolioResult {
        let (plan, setup) = run(snapshot: snapshot, instanceTypes: instanceTypes, options: options, control: control)
        return PortfolioResult(round: round, member: member, definition: self, plan: plan, setup: setup)
    }

    /// Runs the scheduler this member's way and builds its plan (without costs).
    /// A cancelled `control` stops the scheduler early; the caller then discards the plan.
    func run(snapshot: Snapshot, instanceTypes: [String: [InstanceType]]?, options: SolverOptions,
             control: SolveControl = .unbounded) -> (plan: Plan, setup: ProvisioningSetup) {
        let setup = ProvisioningSetup(snapshot: snapshot, instanceTypes: instanceTypes, options: options)
        var scheduler = setup.scheduler
        if self != .karpenter {
            let prices = OptionPrices(templates: scheduler.templates)
            if claimCandidates > 1 {
                // The price the NodeClaim's cheapest type rises by; among equal rises the fuller
                // NodeClaim, so that pods fill nodes rather than spread over them.
                scheduler.claimChoice = (claimCandidates, { claim, addition in
                    prices.cheapest(addition.options, template: claim.template)
                        - prices.cheapest(claim.optionSet, template: claim.template) - 1e-9 * Double(claim.pods.count)
                })
            }
            if let sizingSlack {
                let sizing = ClaimSizing(scheduler: scheduler, batch: setup.batch, prices: prices, slack: sizingSlack,
                                         basis: sizingBasis)
                let shapes = scheduler.shapes
                scheduler.claimSizing = { template, pod, options in
                    sizing.options(template: template, openedBy: pod, available: options, shapes: shapes)
                }
            }
        }
        scheduler.solve(queued: order.ordered(setup.batch, scheduler: scheduler), control: control)
        let plan = PlanBuilder(snapshot: snapshot, setup: setup, scheduler: scheduler, options: options).plan
        return (plan, setup)
    }
}
