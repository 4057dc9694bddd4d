import NodePlanCatalog
import NodePlanModel
@testable import NodePlanSolver
import NodePlanSynthetic
import NodePlanTesting
import NodePlanValidator
import Testing

/// The optimizing strategy: cheaper than Karpenter's greedy where packing allows, never costlier,
/// never fewer pods placed, every plan clean by the independent validator, the same plan for any
/// thread count, and the best plan so far when the budget or the caller stops it.
@Suite struct OptimizeStrategyTests {
    static let big = InstanceTypes.make("big", cpu: 8, memoryGiB: 32, price: 1.0, capacityTypes: [.onDemand])
    static let small = InstanceTypes.make("small", cpu: 2, memoryGiB: 8, price: 0.2, capacityTypes: [.onDemand])

    static func solve(_ snapshot: Snapshot, _ instanceTypes: [String: [InstanceType]]? = nil,
                      strategy: SolverStrategy, threads: Int32 = 0, budget: Int64 = 1000,
                      control: SolveControl = .unbounded) throws -> Plan {
        var options = snapshot.options
        options.strategy = strategy
        options.threads = threads
        options.timeBudgetMilliseconds = budget
        return try Provisioner(options: options).solve(snapshot: snapshot, instanceTypes: instanceTypes, control: control)
    }

    static func newNodeCost(_ plan: Plan) -> Double { plan.launches.reduce(0) { $0 + $1.choice.price } }
    static func placed(_ plan: Plan) -> Int {
        plan.launches.reduce(0) { $0 + $1.pods.count } + plan.assignments.reduce(0) { $0 + $1.pods.count }
    }

    @Test func splitsIntoSmallerNodesWhenTheyAreCheaper() {
        let scenario = Scenario().pool("default").instanceTypes([Self.big, Self.small])
            .pods("worker", count: 4, PodTemplate(cpu: "1800m", memory: "1Gi"))
        let karpenter = scenario.solve()
        #expect(karpenter.plan.strategy == .karpenter)
        #expect(karpenter.launches.map(\.choice.instanceType) == ["big"])

        let optimized = scenario.options { $0.strategy = .optimize }.solve()
        #expect(optimized.plan.strategy == .optimize)
        #expect(optimized.launches.map(\.choice.instanceType) == ["small", "small", "small", "small"])
        #expect(abs(optimized.plan.cost.after - 0.8) < 1e-9)
        #expect(PlanValidator.validate(snapshot: optimized.snapshot, plan: optimized.plan).isEmpty)
    }

    @Test func keepsOneNodeWhenItIsCheapest() {
        // Two small nodes (0.4) would cost more than the big one at this price.
        let cheapBig = InstanceTypes.make("big", cpu: 8, memoryGiB: 32, price: 0.35, capacityTypes: [.onDemand])
        let optimized = Scenario().pool("default").instanceTypes([cheapBig, Self.small])
            .pods("worker", count: 4, PodTemplate(cpu: "900m", memory: "1Gi"))
            .options { $0.strategy = .optimize }.solve()
        #expect(optimized.launches.map(\.choice.instanceType) == ["big"])
    }

    @Test func honoursAntiAffinityWhilePacking() {
        let optimized = Scenario().pool("default").instanceTypes([Self.big, Self.small])
            .pods("db", count: 3, PodTemplate(cpu: "500m").labels(["app": "db"])
                .podAntiAffinity(WellKnownLabel.hostname, to: ["app": "db"]))
            .pods("worker", count: 6, PodTemplate(cpu: "1"))
            .options { $0.strategy = .optimize }.solve()
        #expect(Set(["db-0", "db-1", "db-2"].compactMap { optimized.launch(of: $0)?.name }).count == 3)
        #expect(optimized.placedCount == 9)
        #expect(PlanValidator.validate(snapshot: optimized.snapshot, plan: optimized.plan).isEmpty)
    }

    @Test(arguments: Array(UInt64(1)...16))
    func neverCostsMoreOrPlacesFewerThanKarpenter(seed: UInt64) throws {
        let snapshot = FeatureMix.snapshot(pods: 10 + Int(seed % 50), seed: seed)
        let karpenter = try Self.solve(snapshot, strategy: .karpenter)
        let optimized = try Self.solve(snapshot, strategy: .optimize)
        #expect(optimized.strategy == .optimize)
        #expect(Self.placed(optimized) >= Self.placed(karpenter))
        #expect(Self.newNodeCost(optimized) <= Self.newNodeCost(karpenter))
        #expect(optimized.cost.lowerBound <= optimized.cost.after)
        let violations = PlanValidator.validate(snapshot: snapshot, plan: optimized)
        #expect(violations.isEmpty, Comment(rawValue: violations.prefix(5).map(\.description).joined(separator: "\n")))
    }

    @Test func beatsKarpenterOnAHeterogeneousMix() throws {
        let snapshot = HeterogeneousMix.snapshot(pods: 200, seed: 3)
        let instanceTypes = try InstanceTypeResolver.builtIn().instanceTypes(for: snapshot)
        let karpenter = try Self.solve(snapshot, instanceTypes, strategy: .karpenter)
        let optimized = try Self.solve(snapshot, instanceTypes, strategy: .optimize)
        #expect(Self.placed(optimized) == Self.placed(karpenter))
        #expect(Self.newNodeCost(optimized) < Self.newNodeCost(karpenter))
        #expect(PlanValidator.validate(snapshot: snapshot, instanceTypes: instanceTypes, plan: optimized).isEmpty)
    }

    @Test func samePlanForAnyThreadCount() throws {
        let snapshots = [SchedulingBenchmark.snapshot(pods: 60, seed: 5), FeatureMix.snapshot(pods: 40, seed: 9),
                         FeatureMix.snapshot(pods: 55, seed: 17)]
        for snapshot in snapshots {
            let plans = try [1, 2, 4].map { try Self.solve(snapshot, strategy: .optimize, threads: $0) }
            #expect(plans[0] == plans[1])
            #expect(plans[0] == plans[2])
        }
    }

    @Test func spentBudgetReturnsKarpentersPlan() throws {
        let snapshot = SchedulingBenchmark.snapshot(pods: 120, seed: 2)
        let karpenter = try Self.solve(snapshot, strategy: .karpenter)
        let optimized = try Self.solve(snapshot, strategy: .optimize, budget: 0)
        #expect(optimized.strategy == .optimize)
        #expect(optimized.launches == karpenter.launches)
    }

    /// Cancelling means the caller no longer wants the answer: every member's scheduler stops at its
    /// first poll and the search returns at once, with nothing placed and no bound computed.
    @Test func cancelledSearchStopsWithoutPlacing() throws {
        let snapshot = SchedulingBenchmark.snapshot(pods: 120, seed: 2)
        let cancelled = SolveControl(isCancelled: { true }, now: { .zero })
        let optimized = try Self.solve(snapshot, strategy: .optimize, control: cancelled)
        #expect(Self.placed(optimized) == 0)
        #expect(optimized.cost.lowerBound == 0)
    }

    @Test func searchBeatsKarpenterOnTheBenchmarkMix() throws {
        let snapshot = SchedulingBenchmark.snapshot(pods: 100, seed: 42)
        let karpenter = try Self.solve(snapshot, strategy: .karpenter)
        let optimized = try Self.solve(snapshot, strategy: .optimize)
        #expect(Self.placed(optimized) == 100)
        #expect(Self.newNodeCost(optimized) < Self.newNodeCost(karpenter))
        #expect(PlanValidator.validate(snapshot: snapshot, plan: optimized).isEmpty)
    }
}
