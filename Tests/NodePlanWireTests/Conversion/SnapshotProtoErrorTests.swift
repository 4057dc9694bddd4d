import NodePlanModel
import NodePlanWire
import Testing

/// Invalid snapshots are rejected with the path of the offending field and the reason.
@Suite struct SnapshotProtoErrorTests {
    private func decodingError(_ mutate: (inout Nodeplan_V1_Snapshot) -> Void) throws -> String {
        var message = WireFixtures.snapshot.proto
        mutate(&message)
        return try #require(throws: ProtoDecodingError.self) { try Snapshot(proto: message) }.description
    }

    @Test func podSpecIndexOutOfRange() throws {
        let podSpecs = WireFixtures.snapshot.podSpecs.count
        #expect(try decodingError { $0.pods[3].spec = 40 }
            == "pods[3].spec: index 40 out of range (podSpecs has \(podSpecs))")
    }

    @Test func unknownEnumValue() throws {
        #expect(try decodingError { $0.podSpecs[1].tolerations[0].effect = .UNRECOGNIZED(42) }
            == "podSpecs[1].tolerations[0].effect: unknown enum value 42")
    }

    @Test func unspecifiedRequiredEnum() throws {
        #expect(try decodingError { $0.nodes[0].taints[0].effect = .unspecified }
            == "nodes[0].taints[0].effect: must be specified")
    }

    @Test func negativeQuantity() throws {
        #expect(try decodingError { $0.podSpecs[1].containers[0].requests.milli["cpu"] = -1 }
            == "podSpecs[1].containers[0].requests.milli[cpu]: negative quantity -1")
    }

    @Test func notANumberPrice() throws {
        #expect(try decodingError { $0.instanceTypes[0].offerings[1].price = .nan }
            == "instanceTypes[0].offerings[1].price: must be finite, got nan")
    }

    @Test func negativePrice() throws {
        #expect(try decodingError { $0.nodes[0].price = -0.5 } == "nodes[0].price: must not be negative, got -0.5")
    }

    @Test func emptyNames() throws {
        #expect(try decodingError { $0.pods[0].name = "" } == "pods[0].name: must not be empty")
        #expect(try decodingError { $0.nodePools[1].name = "" } == "nodePools[1].name: must not be empty")
        #expect(try decodingError { $0.podSpecs[1].initContainers[1].name = "" }
            == "podSpecs[1].initContainers[1].name: must not be empty")
    }

    @Test func emptyLabelKey() throws {
        #expect(try decodingError { $0.nodes[0].labels[""] = "x" } == "nodes[0].labels: has an empty key")
    }

    @Test func duplicateNames() throws {
        #expect(try decodingError { $0.nodePools[1].name = "general" }
            == "nodePools[1].name: duplicate name \"general\"")
    }

    @Test func outOfRangeNumbers() throws {
        #expect(try decodingError { $0.podSpecs[1].affinity.nodeAffinity.preferred[0].weight = 0 }
            == "podSpecs[1].affinity.nodeAffinity.preferred[0].weight: 0 outside 1...100")
        #expect(try decodingError { $0.podSpecs[1].containers[0].hostPorts[0].port = 70000 }
            == "podSpecs[1].containers[0].hostPorts[0].port: 70000 outside 1...65535")
        #expect(try decodingError { $0.options.minimumSavingsFraction = 2 }
            == "options.minimumSavingsFraction: must be within 0...1, got 2.0")
        #expect(try decodingError { $0.nodes[0].volumeLimits["disk.csi.azure.com"] = -1 }
            == "nodes[0].volumeLimits[disk.csi.azure.com]: must not be negative, got -1")
    }

    @Test func missingCluster() throws {
        #expect(try decodingError { $0.clearCluster() } == "cluster: is required")
    }

    @Test func missingDaemonSetTemplate() throws {
        #expect(try decodingError { $0.daemonSets[0].clearTemplate() } == "daemonSets[0].template: is required")
    }

    @Test func deepRequirementErrorsNameTheWholePath() throws {
        #expect(try decodingError { $0.podSpecs[1].affinity.nodeAffinity.required.terms[0].matchExpressions[0].key = "" }
            == "podSpecs[1].affinity.nodeAffinity.required.terms[0].matchExpressions[0].key: must not be empty")
        #expect(try decodingError { $0.podSpecs[1].volumes.topologyAlternatives[0].matchExpressions[0].minValues = 0 }
            == "podSpecs[1].volumes.topologyAlternatives[0].matchExpressions[0].minValues: 0 outside 1...2147483647")
    }
}
