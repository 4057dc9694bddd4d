import NodePlanModel
import NodePlanWire
import SwiftProtobuf
import Testing

@Suite struct PlanProtoTests {
    @Test func fullPlanSurvivesBytesRoundTrip() throws {
        let plan = WireFixtures.plan
        let bytes: [UInt8] = try plan.proto.serializedBytes()
        let decoded = try Plan(proto: Nodeplan_V1_Plan(serializedBytes: bytes), podCount: WireFixtures.snapshot.pods.count)
        #expect(decoded == plan)
    }

    @Test func fixtureSetsEveryDeclaredField() throws {
        let unset = try ProtoFieldCoverage.unsetFields(of: WireFixtures.plan.proto, declaredIn: ["plan.proto"])
        #expect(unset == [])
    }

    @Test func podIndicesAreCheckedAgainstTheSnapshot() throws {
        let error = try #require(throws: ProtoDecodingError.self) {
            try Plan(proto: WireFixtures.plan.proto, podCount: 4)
        }
        #expect(error.description == "terminations[0].evictedPods[1]: index 4 out of range (pods has 4)")
    }

    @Test func negativeModelIndexIsEncodedAsOneEveryDecoderRejects() throws {
        let plan = Plan(assignments: [NodeAssignment(node: "n", pods: [-1])])
        let error = try #require(throws: ProtoDecodingError.self) { try Plan(proto: plan.proto) }
        #expect(error.description == "assignments[0].pods[0]: index 4294967295 above 2147483647")
    }

    @Test func launchWithoutChoiceIsRejected() throws {
        var message = WireFixtures.plan.proto
        message.launches[0].clearChoice()
        let error = try #require(throws: ProtoDecodingError.self) { try Plan(proto: message) }
        #expect(error.description == "launches[0].choice: is required")
    }

    @Test func unspecifiedStrategyIsRejected() throws {
        var message = WireFixtures.plan.proto
        message.strategy = .unspecified
        let error = try #require(throws: ProtoDecodingError.self) { try Plan(proto: message) }
        #expect(error.description == "strategy: must be specified")
    }
}
