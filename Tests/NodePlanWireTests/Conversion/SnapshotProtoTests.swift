import NodePlanModel
import NodePlanWire
import SwiftProtobuf
import Testing

@Suite struct SnapshotProtoTests {
    @Test func fullSnapshotSurvivesBytesRoundTrip() throws {
        let snapshot = WireFixtures.snapshot
        let bytes: [UInt8] = try snapshot.proto.serializedBytes()
        let decoded = try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: bytes))
        #expect(decoded == snapshot)
    }

    @Test func fixtureSetsEveryDeclaredField() throws {
        let unset = try ProtoFieldCoverage.unsetFields(of: WireFixtures.snapshot.proto,
                                                        declaredIn: ["model.proto", "snapshot.proto"])
        #expect(unset == [])
    }

    @Test func coverageCheckSeesUnsetFields() throws {
        var snapshot = WireFixtures.snapshot
        snapshot.nodeClasses[0].localDNS = false
        let unset = try ProtoFieldCoverage.unsetFields(of: snapshot.proto, declaredIn: ["model.proto", "snapshot.proto"])
        #expect(unset == ["localDns"])
    }

    @Test func emptySnapshotRoundTrips() throws {
        let snapshot = Snapshot()
        #expect(try Snapshot(proto: snapshot.proto) == snapshot)
    }

    @Test func absentOptionalsTakeDefaults() throws {
        var message = Nodeplan_V1_Snapshot()
        message.cluster = Nodeplan_V1_Cluster()
        var offering = Nodeplan_V1_Offering()
        offering.zone = "0"
        offering.capacityType = .onDemand
        var type = Nodeplan_V1_InstanceType()
        type.name = "Standard_B2s"
        type.offerings = [offering]
        message.instanceTypes = [type]
        var node = Nodeplan_V1_Node()
        node.name = "n"
        message.nodes = [node]
        var pool = Nodeplan_V1_NodePool()
        pool.name = "p"
        pool.nodeClass = "default"
        message.nodePools = [pool]

        let snapshot = try Snapshot(proto: message)
        #expect(snapshot.options == SolverOptions())
        #expect(snapshot.cluster.networkPlugin == .azureOverlay)
        #expect(snapshot.instanceTypes[0].offerings[0].available)
        #expect(snapshot.nodes[0].registered && snapshot.nodes[0].initialized && snapshot.nodes[0].ready)
        #expect(snapshot.nodePools[0].disruption == Disruption())
        #expect(snapshot.nodePools[0].expireAfterSeconds == nil)
        #expect(snapshot.catalog == nil)
    }
}
