import NodePlanModel
import Testing

/// The expected outcome of every workshop module (examples/workshop/<module>/README.md says what to look at).
@Suite struct WorkshopTests {
    @Test func module1ScaleUpStopsAtThePoolCPULimit() throws {
        let module = try WorkshopModule("1-nodepools")
        #expect(module.violations.isEmpty, "\(module.violations)")
        #expect(module.plannerViolations.isEmpty)
        let launchedCPU = module.plan.launches.reduce(0) { $0 + (Int(module.label(WellKnownLabel.azureSKUCPU, of: $1) ?? "0") ?? 0) }
        #expect(launchedCPU <= 24, "the pool's limit is 24 CPUs")
        #expect(launchedCPU > 16, "the scale-up uses most of the limit")
        for launch in module.plan.launches {
            #expect(launch.nodePool == "default-demo")
            #expect(launch.choice.capacityType == .onDemand)
            #expect(module.label(WellKnownLabel.azureSKUFamily, of: launch) == "D")
            #expect(module.label(WellKnownLabel.arch, of: launch) == "amd64")
            #expect(Int(module.label(WellKnownLabel.azureSKUCPU, of: launch) ?? "99")! < 17)
        }
        let pending = module.unschedulable(of: "inflate")
        #expect(!pending.isEmpty && module.placedCount(of: "inflate") + pending.count == 30)
        #expect(pending.allSatisfy { $0.reason.contains("limit on cpu") })
    }

    @Test func module2ConsolidationDeletesReplacesMergesAndRespectsProtection() throws {
        let module = try WorkshopModule("2-consolidation", consolidate: true)
        #expect(module.violations.isEmpty, "\(module.violations)")
        #expect(module.plannerViolations.isEmpty)
        let terminations = Dictionary(uniqueKeysWithValues: module.plan.terminations.map { ($0.node, $0) })
        // The empty node goes first, on its own.
        #expect(terminations["aks-general-empty"]?.reason == .empty)
        #expect(terminations["aks-general-empty"]?.batch == 0)
        // do-not-disrupt and a PDB allowing no disruption protect their nodes.
        #expect(terminations["aks-general-pinned"] == nil && terminations["aks-general-pdb"] == nil)
        // A 16-vCPU node holding one 2-CPU pod is replaced by a smaller SKU, which must be Ready first.
        let big = try #require(terminations["aks-reports-big"])
        #expect(big.reason == .underutilized && big.waitFor.count == 1)
        let replacement = try #require(module.plan.launches.first { $0.name == big.waitFor[0] })
        #expect(Int(module.label(WellKnownLabel.azureSKUCPU, of: replacement) ?? "16")! < 16)
        // Merge: some evicted pods move onto a node that stays instead of a new one.
        let evicted = Set(module.plan.terminations.flatMap(\.evictedPods))
        #expect(module.plan.assignments.contains { $0.pods.contains(where: evicted.contains) })
        // Budgets: at most 50% of the general pool's six nodes (3) per batch.
        let generalPerBatch = Dictionary(grouping: module.plan.terminations.filter { $0.node.hasPrefix("aks-general") }, by: \.batch)
        #expect(generalPerBatch.values.allSatisfy { $0.count <= 3 })
        #expect(module.plan.cost.after < module.plan.cost.before * 0.5, "\(module.plan.cost)")
    }

    @Test func module3WorkloadsLandOnTheirArchitecture() throws {
        let module = try WorkshopModule("3-multi-arch")
        #expect(module.violations.isEmpty, "\(module.violations)")
        #expect(module.plan.unschedulable.isEmpty)
        #expect(module.launches(of: "legacy-amd64").allSatisfy { module.label(WellKnownLabel.arch, of: $0) == "amd64" })
        #expect(module.launches(of: "web-arm64").allSatisfy { module.label(WellKnownLabel.arch, of: $0) == "arm64" })
        #expect(module.placedCount(of: "any-arch") == 4)
        let arches = Set(module.plan.launches.compactMap { module.label(WellKnownLabel.arch, of: $0) })
        #expect(arches == ["amd64", "arm64"], "one pool launches both architectures")
    }

    @Test func module4SpotAndArm64AreTheCheapestBatchCapacity() throws {
        let module = try WorkshopModule("4-spot")
        #expect(module.violations.isEmpty, "\(module.violations)")
        #expect(module.plan.unschedulable.isEmpty)
        let batch = module.launches(of: "render-frames")
        #expect(!batch.isEmpty && batch.allSatisfy { $0.nodePool == "spot-batch" && $0.choice.capacityType == .spot })
        #expect(batch.allSatisfy { module.label(WellKnownLabel.arch, of: $0) == "arm64" }, "spot arm64 is the cheapest")
        let services = module.launches(of: "storefront")
        #expect(!services.isEmpty && services.allSatisfy { $0.nodePool == "spot-or-on-demand" })
        // The savings the module prints: spot against the same SKUs on demand.
        let paid = module.plan.launches.reduce(0) { $0 + $1.choice.price }
        let onDemand = module.plan.launches.reduce(0) { $0 + (module.onDemandPrice(of: $1) ?? 0) }
        #expect(paid < onDemand * 0.5, "spot saves more than half: \(paid) vs \(onDemand) on demand")
    }

    @Test func module5TeamsOnlyLandOnTheirOwnNodes() throws {
        let module = try WorkshopModule("5-team-isolation")
        #expect(module.violations.isEmpty, "\(module.violations)")
        #expect(module.launches(of: "api").allSatisfy { $0.nodePool == "team-a" && $0.labels["team"] == "a" })
        #expect(module.launches(of: "analytics").allSatisfy { $0.nodePool == "team-b" })
        #expect(module.placedCount(of: "api") == 5 && module.placedCount(of: "analytics") == 3)
        // Team B's pod asks for team A's nodes without tolerating their taint: it stays pending.
        let intruder = module.unschedulable(of: "intruder")
        #expect(intruder.count == 1 && module.placedCount(of: "intruder") == 0)
        #expect(module.plan.launches.allSatisfy { launch in
            launch.pods.allSatisfy { module.snapshot.spec(of: module.snapshot.pods[Int($0)]).namespace == "team-" + (launch.labels["team"] ?? "") }
        })
    }

    @Test func module6SpreadAffinityPriorityAndCapacityBalance() throws {
        let module = try WorkshopModule("6-advanced-scheduling")
        #expect(module.violations.isEmpty, "\(module.violations)")
        // Zonal spread: three replicas in each of the web pool's three zones.
        var perZone: [String: Int] = [:]
        for launch in module.launches(of: "zonal-web") {
            perZone[launch.choice.zone, default: 0] += launch.pods.filter { module.workload(of: $0) == "zonal-web" }.count
            #expect(module.label(WellKnownLabel.azureSKUFamily, of: launch) == "D", "required node affinity")
        }
        #expect(perZone == ["westus2-1": 3, "westus2-2": 3, "westus2-3": 3])
        // Priority: critical checkout pods take the limited pool first; best-effort reports get only
        // the leftovers, and the checkout pods that do not fit come with a preemption recommendation:
        // the best-effort archive job running on the pool's existing node.
        #expect(module.placedCount(of: "checkout") == 4)
        #expect(module.unschedulable(of: "reports").count > module.placedCount(of: "reports"))
        let waiting = module.unschedulable(of: "checkout")
        #expect(waiting.count == 2)
        #expect(waiting.allSatisfy { $0.preemptionCandidates.map { module.snapshot.pods[Int($0)].name } == ["archive-0"] })
        // Spot/on-demand balance through the capacity-spread domain: 8 of 10 on spot.
        let balanced = module.launches(of: "balanced")
        let onSpot = balanced.filter { $0.choice.capacityType == .spot }.reduce(0) { $0 + $1.pods.count }
        #expect(module.placedCount(of: "balanced") == 10 && onSpot == 8)
    }
}
