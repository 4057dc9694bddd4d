import NIOCore
import NodePlanModel
import NodePlanWire
import Testing

@Suite struct WireRequestTests {
    /// Encodes `request` to bytes and decodes it the way a server does.
    private func serverSide(_ request: WireRequest, compression: PayloadCompression = PayloadCompression(),
                            maxDecompressedBytes: Int = 1 << 20) throws -> WireRequest {
        var bytes = ByteBuffer()
        try FrameEncoder().encode(data: request.frame(streamID: 5, deadlineMilliseconds: 2000, compression: compression),
                                  out: &bytes)
        var decoder = FrameDecoder()
        let frame = try #require(try decoder.decode(buffer: &bytes))
        #expect(frame.streamID == 5 && frame.deadlineMilliseconds == 2000 && frame.method == request.method)
        return try WireRequest(frame: frame, maxDecompressedBytes: maxDecompressedBytes)
    }

    @Test func everyRequestRoundTrips() throws {
        let snapshot = WireFixtures.snapshot
        let requests: [WireRequest] = [.solve(snapshot), .consolidate(snapshot), .plan(snapshot),
                                       .validate(snapshot, WireFixtures.plan), .health, .serverInfo]
        for request in requests {
            #expect(try serverSide(request) == request)
            #expect(try serverSide(request, compression: .disabled) == request)
        }
    }

    @Test func largePayloadsAreCompressed() throws {
        let frame = try WireRequest.solve(WireFixtures.snapshot).frame(streamID: 1)
        #expect(frame.flags.contains(.compressed))
        let small = try WireRequest.health.frame(streamID: 1)
        #expect(!small.flags.contains(.compressed))
    }

    @Test func invalidSnapshotNamesTheFieldUnderSnapshot() throws {
        var message = Nodeplan_V1_SolveRequest()
        message.snapshot = WireFixtures.snapshot.proto
        message.snapshot.pods[2].spec = 99
        let frame = try Frame(type: .request, flags: .endStream, method: .solve, streamID: 1, message: message)
        let error = try #require(throws: WireError.self) { try WireRequest(frame: frame) }
        #expect(error.code == .invalidArgument)
        #expect(error.fieldPath == "snapshot.pods[2].spec")
        #expect(error.message == "index 99 out of range (podSpecs has 2)")
    }

    @Test func missingSnapshotIsRejected() throws {
        let frame = try Frame(type: .request, flags: .endStream, method: .plan, streamID: 1,
                              message: Nodeplan_V1_PlanRequest())
        #expect(throws: WireError(.invalidArgument, "is required", fieldPath: "snapshot")) { try WireRequest(frame: frame) }
    }

    @Test func validatePlanIsCheckedAgainstItsSnapshot() throws {
        var message = Nodeplan_V1_ValidateRequest()
        message.snapshot = WireFixtures.snapshot.proto
        message.plan = WireFixtures.plan.proto
        message.plan.assignments[0].pods = [5]
        let frame = try Frame(type: .request, flags: .endStream, method: .validate, streamID: 1, message: message)
        let error = try #require(throws: WireError.self) { try WireRequest(frame: frame) }
        #expect(error.description == "INVALID_ARGUMENT: plan.assignments[0].pods[0]: index 5 out of range (pods has 5)")
    }

    @Test func decompressionBombIsResourceExhausted() throws {
        let request = WireRequest.solve(WireFixtures.snapshot)
        let error = try #require(throws: WireError.self) { try serverSide(request, maxDecompressedBytes: 100) }
        #expect(error.code == .resourceExhausted)
    }

    @Test func uncompressedPayloadAboveLimitIsResourceExhausted() throws {
        let request = WireRequest.solve(WireFixtures.snapshot)
        let error = try #require(throws: WireError.self) {
            try serverSide(request, compression: .disabled, maxDecompressedBytes: 100)
        }
        #expect(error.code == .resourceExhausted)
    }

    @Test func garbagePayloadIsInvalidArgument() throws {
        let frame = Frame(type: .request, flags: .endStream, method: .solve, streamID: 1,
                          payload: ByteBuffer(bytes: [0xFF, 0xFF, 0xFF]))
        let error = try #require(throws: WireError.self) { try WireRequest(frame: frame) }
        #expect(error.code == .invalidArgument)
        #expect(error.message.hasPrefix("payload is not a valid nodeplan.v1.SolveRequest"))
        let compressed = Frame(type: .request, flags: [.endStream, .compressed], method: .solve, streamID: 1,
                               payload: ByteBuffer(bytes: [1, 2, 3, 4, 5]))
        #expect(throws: WireError.self) { try WireRequest(frame: compressed) }
    }
}
