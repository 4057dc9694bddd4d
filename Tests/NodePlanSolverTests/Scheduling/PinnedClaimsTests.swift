import Testing
import NodePlanModel
@testable import NodePlanSolver

@Suite struct PinnedClaimsTests {
    @Test func excludesNodeClaimsPinnedOutsideTheFilterDomains() {
        var topology = Topology(universe: DomainUniverse(), census: TopologyCensus())
        _ = topology.group(for: TopologyGroupDefinition(kind: .spread, key: WellKnownLabel.zone, namespaces: .all,
                                                        selector: LabelSelector()))
        var pinned = PinnedClaims(topology)
        pinned.update(claim: 0, requirements: Requirements([.in(WellKnownLabel.zone, "z1")]))
        pinned.update(claim: 1, requirements: Requirements([.in(WellKnownLabel.zone, "z1", "z2")]))
        pinned.update(claim: 2, requirements: Requirements([.in(WellKnownLabel.zone, "z2")]))
        // Claim 1 is not pinned yet; once it is, it counts.
        #expect(pinned.excluded(by: [(WellKnownLabel.zone, ["z1"])]).indices == [2])
        pinned.update(claim: 1, requirements: Requirements([.in(WellKnownLabel.zone, "z2")]))
        #expect(pinned.excluded(by: [(WellKnownLabel.zone, ["z1"])]).indices == [1, 2])
        #expect(pinned.excluded(by: [(WellKnownLabel.zone, ["z1", "z2"])]).isEmpty)
        // Keys no topology group uses are not tracked.
        #expect(pinned.excluded(by: [("example.com/rack", [])]).isEmpty)
    }
}
