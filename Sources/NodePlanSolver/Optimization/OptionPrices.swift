/// The hourly price of every instance-type option of every NodePool: its cheapest available
/// offering the pool's requirements admit (infinite when none does). A pod's own requirements may
/// narrow a NodeClaim further, so this is an estimate for weighing NodeClaims against each other,
/// never the price of a launch (`PlanBuilder` ranks the real offerings).
struct OptionPrices {
    /// Per template, per option.
    let prices: [[Double]]

    init(templates: [NodeClaimTemplate]) {
        prices = templates.map { template in
            let filter = InstanceTypeOption.OfferingFilter(template.requirements)
            return template.options.map { option in
                // Offerings are stored best (cheapest) first.
                option.offerings.first { $0.offering.available && filter.admits($0) }?.offering.price ?? .infinity
            }
        }
    }

    /// The cheapest of `options` (indices into template `template`'s options).
    func cheapest(_ options: some Sequence<Int>, template: Int) -> Double {
        let row = prices[template]
        var best = Double.infinity
        for option in options where row[option] < best { best = row[option] }
        return best
    }
}
