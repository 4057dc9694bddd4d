import NodePlanWire
import Testing

/// The Swift enums of the frame header carry the same numbers as the .proto enums other clients use.
@Suite struct ProtocolConstantsTests {
    @Test func frameTypesMatchTheProto() {
        let proto: [Nodeplan_V1_FrameType] = [.hello, .request, .response, .error, .cancel, .ping, .pong, .goaway]
        #expect(FrameType.allCases.map { Int($0.rawValue) } == proto.map(\.rawValue))
    }

    @Test func flagsMatchTheProto() {
        #expect(Int(FrameFlags.compressed.rawValue) == Nodeplan_V1_FrameFlag.compressed.rawValue)
        #expect(Int(FrameFlags.endStream.rawValue) == Nodeplan_V1_FrameFlag.endStream.rawValue)
    }

    @Test func methodsMatchTheProto() {
        let proto: [Nodeplan_V1_Method] = [.solve, .consolidate, .plan, .validate, .health, .serverInfo]
        #expect(RPCMethod.allCases.map { Int($0.rawValue) } == proto.map(\.rawValue))
    }

    @Test func statusCodesMatchTheProto() {
        #expect(StatusCode.allCases.map { Int($0.rawValue) } == Nodeplan_V1_StatusCode.allCases.map(\.rawValue))
    }
}
