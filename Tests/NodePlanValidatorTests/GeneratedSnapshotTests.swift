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
}
