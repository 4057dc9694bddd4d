import NodePlanModel
import NodePlanSynthetic
import Testing

@Suite struct FeatureMixTests {
    @Test func sameSeedSameSnapshot() {
        #expect(FeatureMix.snapshot(pods: 40, seed: 9) == FeatureMix.snapshot(pods: 40, seed: 9))
        #expect(FeatureMix.snapshot(pods: 40, seed: 9) != FeatureMix.snapshot(pods: 40, seed: 10))
    }

    @Test(arguments: [1, 10, 60])
    func pendingPodCountIsHonoured(pods: Int) {
        for seed in UInt64(0)..<20 {
            let snapshot = FeatureMix.snapshot(pods: pods, seed: seed)
            #expect(snapshot.pods.filter { !$0.isBound }.count == pods)
            let nodeNames = Set(snapshot.nodes.map(\.name))
            #expect(snapshot.pods.allSatisfy { !$0.isBound || nodeNames.contains($0.nodeName) })
        }
    }

    @Test func manySeedsCoverEveryFeature() {
        var seen: Set<String> = []
        for seed in UInt64(0)..<200 {
            let snapshot = FeatureMix.snapshot(pods: 30, seed: seed)
            if snapshot.nodePools.count > 2 { seen.insert("several pools") }
            if snapshot.nodePools.contains(where: { !$0.limits.isEmpty }) { seen.insert("limits") }
            if snapshot.instanceTypes.contains(where: { $0.offerings.contains { !$0.available } }) { seen.insert("unavailable") }
            if snapshot.nodes.contains(where: { !$0.initialized }) { seen.insert("uninitialized") }
            if snapshot.nodes.contains(where: \.markedForDeletion) { seen.insert("deleting") }
            if snapshot.pods.contains(where: \.isBound) { seen.insert("bound") }
            for spec in snapshot.podSpecs {
                if !spec.nodeSelector.isEmpty { seen.insert("nodeSelector") }
                if spec.affinity.nodeAffinity?.required != nil { seen.insert("required node affinity") }
                if spec.affinity.nodeAffinity?.preferred.isEmpty == false { seen.insert("preferred node affinity") }
                if !spec.tolerations.isEmpty { seen.insert("tolerations") }
                for constraint in spec.topologySpreadConstraints {
                    seen.insert("spread \(constraint.topologyKey) \(constraint.whenUnsatisfiable.rawValue)")
                }
                if spec.affinity.podAffinity != nil { seen.insert("pod affinity") }
                if spec.affinity.podAntiAffinity?.required.isEmpty == false { seen.insert("anti-affinity") }
                if !spec.hostPorts.isEmpty { seen.insert("host ports") }
                if spec.priority != 0 { seen.insert("priority") }
                if !spec.volumes.topologyAlternatives.isEmpty { seen.insert("volume topology") }
            }
        }
        #expect(seen == [
            "several pools", "limits", "unavailable", "uninitialized", "deleting", "bound", "nodeSelector",
            "required node affinity", "preferred node affinity", "tolerations",
            "spread \(WellKnownLabel.zone) DoNotSchedule", "spread \(WellKnownLabel.zone) ScheduleAnyway",
            "spread \(WellKnownLabel.hostname) DoNotSchedule", "spread \(WellKnownLabel.hostname) ScheduleAnyway",
            "pod affinity", "anti-affinity", "host ports", "priority", "volume topology",
        ])
    }
}
