import NodePlanModel
import NodePlanSynthetic
import NodePlanValidator
import Testing

/// The validator on random feature-mix snapshots, with plans that need no solver.
@Suite struct GeneratedSnapshotTests {
    /// Reports every pod that needs a home (pending pods and pods of deleting nodes) as unschedulable.
    private static func reportEverything(_ snapshot: Snapshot) -> Plan {
        let deleting = Set(snapshot.nodes.filter(\.markedForDeletion).map(\.name))
        let homeless = snapshot.pods.indices.filter { index in
            let pod = snapshot.pods[index]
            let owner = snapshot.spec(of: pod).owner?.kind
            guard owner != "DaemonSet" && owner != "Node" else { return false }
            return pod.isBound ? deleting.contains(pod.nodeName) : pod.nominatedNodeName.isEmpty
        }
        return Plan(unschedulable: homeless.map { UnschedulablePod(pod: Int32($0), reason: "not attempted") })
    }

    @Test func reportingEveryHomelessPodIsAValidPlan() {
        for seed in UInt64(0)..<300 {
            let snapshot = FeatureMix.snapshot(pods: 25, seed: seed)
            let violations = PlanValidator.validate(snapshot: snapshot, plan: Self.reportEverything(snapshot))
            #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(3))")
        }
    }

    @Test func forgettingOnePodIsCaught() {
        for seed in UInt64(0)..<100 {
            let snapshot = FeatureMix.snapshot(pods: 25, seed: seed)
            var plan = Self.reportEverything(snapshot)
            let forgotten = plan.unschedulable.remove(at: Int(seed) % plan.unschedulable.count)
            let violations = PlanValidator.validate(snapshot: snapshot, plan: plan)
            #expect(violations.map(\.rule) == [.podNotHandled])
            #expect(violations.first?.pod == forgotten.pod)
        }
    }

    @Test func crammingEverythingOntoOneLargeNodeBreaksCapacity() {
        let snapshot = FeatureMix.snapshot(pods: 400, seed: 1)
        let pending = snapshot.pods.indices.filter { !snapshot.pods[$0].isBound }.map { Int32($0) }
        let type = snapshot.instanceTypes.first { $0.name == "mix-c-16" }!
        let offering = type.offerings.first(where: \.available)!
        let launch = NodeLaunch(name: "everything", nodePool: "general",
                                choice: LaunchOption(instanceType: type.name, zone: offering.zone,
                                                     capacityType: offering.capacityType, price: offering.price),
                                pods: pending)
        let rules = Set(PlanValidator.validate(snapshot: snapshot, plan: Plan(launches: [launch])).map(\.rule))
        #expect(rules.contains(.insufficientCapacity))
        #expect(rules.contains(.untoleratedTaint) || rules.contains(.nodeSelectorMismatch))
    }

    /// Plans with random, often wrong references and choices are judged without crashing, and
    /// every violation explains itself.
    @Test func arbitraryPlansAreJudgedNotCrashedOn() {
        for seed in UInt64(0)..<200 {
            let snapshot = FeatureMix.snapshot(pods: 15, seed: seed)
            var random = SplitMix64(seed: seed ^ 0xF00D)
            func anyPod() -> Int32 { Int32(random.integer(in: -1...snapshot.pods.count)) }
            func anyOption() -> LaunchOption {
                let type = random.pick(snapshot.instanceTypes)
                let offering = random.pick(type.offerings)
                return LaunchOption(instanceType: random.chance(0.9) ? type.name : "ghost", zone: offering.zone,
                                    capacityType: offering.capacityType, price: random.chance(0.9) ? offering.price : 9)
            }
            let nodeNames = snapshot.nodes.map(\.name) + ["ghost"]
            let launches = (0..<random.integer(in: 0...4)).map { ordinal in
                NodeLaunch(name: random.chance(0.9) ? "launch-\(ordinal)" : random.pick(nodeNames),
                           nodePool: random.pick(snapshot.nodePools.map(\.name) + ["ghost"]), choice: anyOption(),
                           fallbacks: (0..<random.integer(in: 0...2)).map { _ in anyOption() },
                           requirements: random.chance(0.3) ? [.in(WellKnownLabel.zone, random.pick(FeatureMix.zones))] : [],
                           pods: (0..<random.integer(in: 0...5)).map { _ in anyPod() })
            }
            let plan = Plan(
                launches: launches,
                assignments: (0..<random.integer(in: 0...3)).map { _ in
                    NodeAssignment(node: random.pick(nodeNames), pods: (0..<random.integer(in: 0...4)).map { _ in anyPod() })
                },
                terminations: (0..<random.integer(in: 0...2)).map { _ in
                    NodeTermination(node: random.pick(nodeNames), reason: random.pick([TerminationReason.empty, .underutilized, .drifted, .expired]),
                                    waitFor: random.chance(0.5) ? ["launch-0"] : [], evictedPods: [anyPod()],
                                    batch: Int32(random.integer(in: 0...1)))
                },
                unschedulable: (0..<random.integer(in: 0...3)).map { _ in UnschedulablePod(pod: anyPod(), reason: "x") })
            let violations = PlanValidator.validate(snapshot: snapshot, plan: plan)
            #expect(violations.allSatisfy { !$0.message.isEmpty })
        }
    }
}
