import NIOCore
import NodePlanWire
import Testing

@Suite struct ClientConnectionStateTests {
    private func ack(maxConcurrentStreams: UInt32 = 2, maxPayloadBytes: Int = 1 << 20) throws -> Frame {
        try .helloAck(server: "nodeplan/test", limits: FrameLimits(maxPayloadBytes: maxPayloadBytes, maxDecompressedBytes: 1 << 24),
                      maxConcurrentStreams: maxConcurrentStreams, keepaliveIntervalMilliseconds: 0)
    }

    private func openConnection(maxConcurrentStreams: UInt32 = 2) throws -> ClientConnectionState {
        var state = try ClientConnectionState(token: "s3cret", client: "test")
        let actions = state.received(try ack(maxConcurrentStreams: maxConcurrentStreams))
        #expect(state.phase == .open && actions.count == 1)
        return state
    }

    @Test func helloCarriesTheToken() throws {
        let state = try ClientConnectionState(token: "s3cret", client: "test")
        #expect(try state.helloFrame.message(as: Nodeplan_V1_Hello.self).token == "s3cret")
        #expect(state.phase == .awaitingHelloAck)
    }

    @Test func callsWaitForTheHelloAck() throws {
        var state = try ClientConnectionState(token: "s3cret", client: "test")
        #expect(throws: WireError.self) { try state.startCall(.health) }
        guard case .ready(let ack)? = state.received(try ack(maxConcurrentStreams: 7)).first else {
            Issue.record("no ready action")
            return
        }
        #expect(ack.maxConcurrentStreams == 7)
        #expect(try state.startCall(.health).streamID == 1)
    }

    @Test func requestsEncodedBeforehandGetTheNextStreamId() throws {
        var state = try openConnection(maxConcurrentStreams: 3)
        let encoded = try WireRequest.serverInfo.frame(streamID: 99, deadlineMilliseconds: 250)
        _ = try state.startCall(.health)
        let numbered = try state.startCall(encoded: encoded)
        #expect(numbered.streamID == 2 && numbered.deadlineMilliseconds == 250 && numbered.method == .serverInfo)
        #expect(numbered.payload == encoded.payload)
        #expect(state.pendingStreams == [1, 2])
        #expect(throws: WireError.self) { try state.startCall(encoded: .ping(1)) }
    }

    @Test func streamIdsIncreaseAndResponsesMatchCalls() throws {
        var state = try openConnection()
        let first = try state.startCall(.health)
        let second = try state.startCall(.serverInfo, deadlineMilliseconds: 100)
        #expect(first.streamID == 1 && second.streamID == 2 && second.deadlineMilliseconds == 100)
        let answer = try WireResponse.health(.serving).frame(streamID: 2)
        #expect(state.received(answer) == [.response(answer)])
        #expect(state.received(answer) == [])
        #expect(state.pendingStreams == [1])
    }

    @Test func concurrencyAndFrameLimitsAreTheServers() throws {
        var state = try openConnection(maxConcurrentStreams: 1)
        _ = try state.startCall(.health)
        #expect(throws: WireError(.resourceExhausted, "the server allows 1 concurrent calls")) { try state.startCall(.health) }

        var small = try ClientConnectionState(token: "s3cret", client: "test")
        _ = small.received(try ack(maxPayloadBytes: 64))
        let error = try #require(throws: WireError.self) {
            try small.startCall(.solve(WireFixtures.snapshot), compression: .disabled)
        }
        #expect(error.code == .resourceExhausted)
        #expect(small.pendingStreams.isEmpty)
    }

    @Test func streamErrorsFailOnlyTheirCall() throws {
        var state = try openConnection()
        _ = try state.startCall(.health)
        _ = try state.startCall(.health)
        let error = WireError(.invalidArgument, "must not be empty", fieldPath: "snapshot.pods[0].name")
        #expect(state.received(.error(error, streamID: 1)) == [.failed(streamID: 1, error)])
        #expect(state.phase == .open && state.pendingStreams == [2])
    }

    @Test func cancelSendsCancelOnce() throws {
        var state = try openConnection()
        _ = try state.startCall(.health)
        #expect(state.cancel(streamID: 1) == [.send(.cancel(streamID: 1))])
        #expect(state.cancel(streamID: 1) == [])
    }

    @Test func goAwayFailsUnprocessedCallsAndClosesWhenDrained() throws {
        var state = try openConnection(maxConcurrentStreams: 3)
        for _ in 0..<3 { _ = try state.startCall(.health) }
        let actions = state.received(try .goAway(lastStreamID: 1, code: .unavailable, message: "restarting"))
        #expect(actions.count == 2)
        #expect(actions.allSatisfy { if case .failed(_, let error) = $0 { error.code == .unavailable } else { false } })
        #expect(state.phase == .draining && state.pendingStreams == [1])
        #expect(throws: WireError.self) { try state.startCall(.health) }
        let answer = try WireResponse.health(.draining).frame(streamID: 1)
        #expect(state.received(answer) == [.response(answer), .close])
    }

    @Test func connectionErrorFailsEverything() throws {
        var state = try openConnection()
        _ = try state.startCall(.health)
        let error = WireError(.unauthenticated, "invalid token")
        #expect(state.received(.error(error)) == [.failed(streamID: 0, error), .failed(streamID: 1, error), .close])
        #expect(state.phase == .closed)
    }

    @Test func pingIsAnswered() throws {
        var state = try openConnection()
        #expect(state.received(.ping(5)) == [.send(.pong(answering: .ping(5)))])
    }

    @Test func serverSendingClientFramesIsAProtocolError() throws {
        var state = try openConnection()
        let actions = state.received(.cancel(streamID: 4))
        #expect(actions.first.map { if case .send(let frame) = $0 { frame.type == .error } else { false } } == true)
        #expect(actions.last == .close && state.phase == .closed)
    }
}
