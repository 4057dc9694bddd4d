import NodePlanModel

/// Which instance types a new NodeClaim may grow into, so that it closes once it fills a node
/// that is cheap for the work it holds instead of growing to the largest type that still fits
/// (Karpenter's way, which then buys whatever happens to fit the total).
///
/// The work a NodeClaim is sized for is the total request of the batch's pods that share the
/// opening pod's node constraints (tolerations, required node affinity, volume topology): the
/// pods that could join it (`Basis.sameConstraints`); or of the pods of the opening pod's own
/// spec (`Basis.sameSpec`), which gives CPU-heavy and memory-heavy workloads nodes of their own
/// shape instead of one shape for the blend. An option holding a fraction f ≤ 1 of that work costs price ÷ f per
/// unit of it; the NodeClaim may use every option that fits the opening pod within `slack` of the
/// best such cost. So a small workload gets a node its size, and a large one the most
/// cost-efficient shape, split over several nodes when that is cheaper than one big node.
///
/// A reference type owned by one scheduler (it caches per template and constraint group); never
/// shared between threads.
final class ClaimSizing {
    /// Which pods' total request a NodeClaim is sized for.
    enum Basis: Hashable, Sendable {
        case sameConstraints
        case sameSpec
    }

    private let templates: [NodeClaimTemplate]
    private let prices: OptionPrices
    private let slack: Double
    private let pods: [Pod]
    /// Total requests per group of node constraints, and each pod spec's group.
    private var demand: [ResourceVector] = []
    private var groupOfSpec: [Int: Int] = [:]
    /// Allowed options per template and group, sorted (computed on first use).
    private var allowed: [[Int]: [Int]] = [:]

    init(scheduler: Scheduler, batch: [Int32], prices: OptionPrices, slack: Double, basis: Basis) {
        templates = scheduler.templates
        self.prices = prices
        self.slack = slack
        pods = scheduler.pods
        var groups: [NodeOffers.Key: Int] = [:]
        for pod in batch {
            let spec = Int(scheduler.pods[Int(pod)].spec)
            let shape = scheduler.shapes[spec]!
            let group: Int
            if let known = groupOfSpec[spec] {
                group = known
            } else {
                if basis == .sameSpec {
                    group = demand.count
                } else {
                    let key = NodeOffers.Key(shape)
                    group = groups[key] ?? demand.count
                    groups[key] = group
                }
                if group == demand.count { demand.append(ResourceVector(count: shape.requests.count)) }
                groupOfSpec[spec] = group
            }
            demand[group] += shape.requests
        }
    }

    /// The options of `available` (sorted indices into template `template`'s options) a NodeClaim
    /// opened by `pod` may use.
    func options(template: Int, openedBy pod: Int32, available: [Int], shapes: [PodShape?]) -> [Int] {
        let spec = Int(pods[Int(pod)].spec)
        guard let group = groupOfSpec[spec] else { return available }
        let key = [template, group]
        let sized = allowed[key] ?? size(template: template, work: demand[group], opener: shapes[spec]!.requests)
        allowed[key] = sized
        // Both sorted: keep the sized options the pool's limits still allow.
        var result: [Int] = []
        var position = 0
        for option in sized {
            while position < available.count && available[position] < option { position += 1 }
            if position < available.count && available[position] == option { result.append(option) }
        }
        return result
    }

    private func size(template index: Int, work: ResourceVector, opener: ResourceVector) -> [Int] {
        let template = templates[index]
        var costPerWork: [(option: Int, cost: Double)] = []
        for (position, option) in template.options.enumerated() {
            let price = prices.prices[index][position]
            guard price.isFinite else { continue }
            var room = option.allocatable
            room -= template.daemonSetGroups.group(ofOption: position).overhead
            guard opener.firstShortfall(in: room) == nil else { continue }
            var share = 1.0
            for resource in work.indices where work[resource] > 0 {
                share = min(share, Double(room[resource]) / Double(work[resource]))
            }
            guard share > 0 else { continue }
            costPerWork.append((position, price / share))
        }
        guard let best = costPerWork.map(\.cost).min() else { return [] }
        return costPerWork.filter { $0.cost <= best * (1 + slack) }.map(\.option)
    }
}
