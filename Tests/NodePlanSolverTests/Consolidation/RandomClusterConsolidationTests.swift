import NodePlanModel
import NodePlanSolver
import NodePlanTesting
import Testing

/// Seeded random clusters (mixed sizes, capacity types, drift, PDBs, do-not-disrupt pods,
/// and, for the planner, pending pods and expiry): whatever consolidation decides, the independent validator
/// accepts the plan, and a second pass over the same snapshot decides the same.
@Suite struct RandomClusterConsolidationTests {
    /// A small deterministic generator (SplitMix64), so every run sees the same clusters.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
        }
    }

    static func cluster(seed: UInt64, strategy: SolverStrategy) -> Scenario {
        var random = Random(state: seed)
        let catalog = InstanceTypes.benchmark(count: 16)
        var scenario = Scenario().pool("default").instanceTypes(catalog)
            .disruption(pool: "default") { $0.budgets = [DisruptionBudget(nodes: "\(1 + random.next(4))")] }
            .options { $0.strategy = strategy }
            .podDisruptionBudget("guarded", selecting: ["app": "guarded"], maxUnavailable: "\(random.next(2))")
        for index in 0..<(3 + random.next(6)) {
            let type = catalog[random.next(8)]
            let capacityType: CapacityType = random.next(4) == 0 ? .spot : .onDemand
            let name = "node-\(index)"
            scenario = scenario.node(name, like: type, pool: "default", zone: "test-zone-\(1 + random.next(2))",
                                     capacityType: capacityType, drifted: random.next(6) == 0)
            var freeMillis = Int(type.allocatable[ResourceName.cpu].milli)
            for pod in 0..<(1 + random.next(4)) {
                let millis = 100 * (1 + random.next(12))
                guard millis <= freeMillis else { break }
                freeMillis -= millis
                var template = PodTemplate(cpu: "\(millis)m", memory: "256Mi")
                    .labels(["app": ["web", "batch", "guarded"][random.next(3)]])
                if random.next(10) == 0 { template = template.annotations([WellKnownAnnotation.doNotDisrupt: "true"]) }
                scenario = scenario.running("\(name)-pod-\(pod)", on: name, template)
            }
        }
        return scenario
    }

    @Test(arguments: [SolverStrategy.karpenter, .optimize])
    func plansAreValidAndRepeatable(strategy: SolverStrategy) {
        var disrupted = 0
        var replaced = 0
        for seed in UInt64(1)...40 {
            let scenario = Self.cluster(seed: seed, strategy: strategy)
            let consolidated = scenario.consolidate()
            consolidated.expectValid()
            #expect(consolidated.plan == scenario.consolidate().plan, "seed \(seed)")
            disrupted += consolidated.plan.terminations.count
            replaced += consolidated.plan.terminations.filter { !$0.waitFor.isEmpty }.count
            // Every fifth cluster is past the default expireAfter (720h), so all its nodes expire.
            scenario.pods("pending", count: Int(seed % 3), PodTemplate(cpu: "700m"))
                .now(seed % 5 == 0 ? 721 * 3600 : 0)
                .options { $0.consolidate = true }.plan().expectValid()
        }
        #expect(disrupted > replaced && replaced > 0, "the clusters exercise deletion and replacement")
    }
}
