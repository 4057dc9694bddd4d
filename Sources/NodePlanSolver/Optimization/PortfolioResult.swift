import NodePlanModel

/// One portfolio member's plan, ranked against the others.
///
/// Unchecked `Sendable`: the setup holds the scheduler's node references, which its solve
/// mutated; once the result exists nothing mutates them again, and other threads only read the
/// plan (improvement rounds) or keep the setup for the lower bound.
struct PortfolioResult: @unchecked Sendable {
    /// Position of the member in its round (rounds are ranked in order, so later rounds only
    /// replace a plan by beating it).
    var round: Int
    var member: Int
    var definition: PortfolioMember
    var plan: Plan
    var setup: ProvisioningSetup
    /// Pods the plan leaves unplaced (ignored ones included; the same for every member).
    var unplaced: Int
    /// Hourly price of the plan's launches.
    var newNodeCost: Double

    init(round: Int, member: Int, definition: PortfolioMember, plan: Plan, setup: ProvisioningSetup) {
        self.round = round
        self.member = member
        self.definition = definition
        self.plan = plan
        self.setup = setup
        unplaced = plan.unschedulable.count
        newNodeCost = plan.launches.reduce(0) { $0 + $1.choice.price }
    }

    var unpacked: (plan: Plan, setup: ProvisioningSetup) { (plan, setup) }

    /// The better plan places more pods, then costs less; ties go to the earlier round and
    /// member, so the winner does not depend on which thread finished first.
    func isBetter(than other: PortfolioResult) -> Bool {
        if unplaced != other.unplaced { return unplaced < other.unplaced }
        if newNodeCost != other.newNodeCost { return newNodeCost < other.newNodeCost }
        return (round, member) < (other.round, other.member)
    }
}
