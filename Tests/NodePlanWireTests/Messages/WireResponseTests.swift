import NodePlanModel
import NodePlanWire
import Testing

@Suite struct WireResponseTests {
    @Test func everyResponseRoundTrips() throws {
        let info = Nodeplan_V1_ServerInfoResponse.with {
            $0.version = "0.1.0"
            $0.catalogVersion = "2026-11-01"
            $0.protocolVersions = [1]
            $0.methods = [.solve, .plan]
        }
        let responses: [WireResponse] = [.solve(WireFixtures.plan), .consolidate(WireFixtures.plan), .plan(Plan()),
                                         .validate(violations: ["pod 3 does not fit"]), .health(.draining),
                                         .serverInfo(info)]
        for response in responses {
            let frame = try response.frame(streamID: 3)
            #expect(frame.type == .response && frame.method == response.method && frame.flags.contains(.endStream))
            #expect(try WireResponse(frame: frame, podCount: 5) == response)
        }
    }

    @Test func planPodIndicesAreCheckedAgainstTheRequest() throws {
        let frame = try WireResponse.plan(WireFixtures.plan).frame(streamID: 3)
        let error = try #require(throws: WireError.self) { try WireResponse(frame: frame, podCount: 2) }
        #expect(error.description == "INVALID_ARGUMENT: plan.assignments[0].pods[0]: index 2 out of range (pods has 2)")
    }

    @Test func errorFramesCarryStatusAndFieldPath() throws {
        let original = WireError(.invalidArgument, "must not be empty", fieldPath: "snapshot.pods[0].name")
        let frame = Frame.error(original, streamID: 9, method: .solve)
        #expect(frame.type == .error && frame.flags == .endStream)
        #expect(try frame.error() == original)
        #expect(Frame.error(WireError(.unauthenticated, "bad token")).flags == [])
    }
}
