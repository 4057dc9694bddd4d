import NIOCore
import NodePlanWire
import Testing

@Suite struct ServerConnectionStateTests {
    private func connection(maxConcurrentStreams: Int = 2) throws -> ServerConnectionState {
        var state = ServerConnectionState(token: BearerToken("s3cret"), serverName: "nodeplan/test",
                                          maxConcurrentStreams: maxConcurrentStreams)
        let actions = state.received(try .hello(token: "s3cret", client: "test"))
        #expect(state.phase == .open)
        #expect(actions.count == 1)
        return state
    }

    private func request(_ streamID: UInt32) throws -> Frame {
        try WireRequest.health.frame(streamID: streamID)
    }

    /// The status of the ERROR frame an action list sends, and whether it closes.
    private func errorSent(_ actions: [ServerConnectionAction]) throws -> (code: StatusCode, streamID: UInt32, closes: Bool)? {
        for case .send(let frame) in actions where frame.type == .error {
            return (try frame.error().code, frame.streamID, actions.contains(.close))
        }
        return nil
    }

    @Test func helloWithTokenIsAcknowledgedWithLimits() throws {
        var state = ServerConnectionState(token: BearerToken("s3cret"), serverName: "nodeplan/test", maxConcurrentStreams: 8)
        let actions = state.received(try .hello(token: "s3cret", client: "test"))
        guard case .send(let ack)? = actions.first else { Issue.record("no HelloAck sent"); return }
        #expect(ack.type == .hello)
        #expect(try ack.message(as: Nodeplan_V1_HelloAck.self).maxConcurrentStreams == 8)
    }

    @Test func wrongTokenOrMissingHelloIsUnauthenticated() throws {
        var wrong = ServerConnectionState(token: BearerToken("s3cret"), serverName: "t")
        let rejected = try #require(try errorSent(wrong.received(try .hello(token: "guess", client: "x"))))
        #expect(rejected.code == .unauthenticated && rejected.streamID == 0 && rejected.closes)
        #expect(wrong.phase == .closed)
        #expect(wrong.received(try request(1)) == [])

        var early = ServerConnectionState(token: BearerToken("s3cret"), serverName: "t")
        #expect(try errorSent(early.received(try request(1)))?.code == .unauthenticated)
    }

    @Test func requestsAreServedAndStreamIdsMustIncrease() throws {
        var state = try connection()
        let first = try request(1)
        #expect(state.received(first) == [.serve(first)])
        #expect(state.streamFinished(1) == [])
        let reused = try #require(try errorSent(state.received(try request(1))))
        #expect(reused.code == .invalidArgument && reused.streamID == 0 && reused.closes)
    }

    @Test func concurrentStreamLimitRefusesTheExtraStreamOnly() throws {
        var state = try connection(maxConcurrentStreams: 2)
        _ = state.received(try request(1))
        _ = state.received(try request(3))
        let refused = try #require(try errorSent(state.received(try request(5))))
        #expect(refused.code == .resourceExhausted && refused.streamID == 5 && !refused.closes)
        #expect(state.activeStreams == [1, 3])
        _ = state.streamFinished(1)
        let next = try request(6)
        #expect(state.received(next) == [.serve(next)])
    }

    @Test func cancelStopsAnActiveStream() throws {
        var state = try connection()
        _ = state.received(try request(1))
        #expect(state.received(.cancel(streamID: 1)) == [.cancel(streamID: 1)])
        #expect(state.received(.cancel(streamID: 1)) == [])
        #expect(state.activeStreams.isEmpty)
    }

    @Test func pingIsAnsweredAndPongReported() throws {
        var state = try connection()
        let ping = Frame.ping(77)
        #expect(state.received(ping) == [.send(.pong(answering: ping))])
        #expect(state.received(.pong(answering: .ping(99))) == [.pongReceived(99)])
    }

    @Test func goAwayDrainsThenCloses() throws {
        var state = try connection()
        _ = state.received(try request(1))
        _ = state.received(try request(2))
        let drain = state.drain(message: "restarting")
        guard case .send(let goAway)? = drain.first else { Issue.record("no GOAWAY sent"); return }
        #expect(try goAway.message(as: Nodeplan_V1_GoAway.self).lastStreamID == 2)
        #expect(!drain.contains(.close))

        let late = try #require(try errorSent(state.received(try request(3))))
        #expect(late.code == .unavailable && late.streamID == 3 && !late.closes)
        #expect(state.streamFinished(1) == [])
        #expect(state.streamFinished(2) == [.close])
        #expect(state.phase == .closed)
    }

    @Test func clientMayNotSendServerFrames() throws {
        var state = try connection()
        let response = try WireResponse.health(.serving).frame(streamID: 1)
        #expect(try errorSent(state.received(response))?.closes == true)
    }

    @Test func framingViolationClosesWithItsStatus() throws {
        var state = try connection()
        let actions = state.failed(FrameError(.payloadTooLarge, "too big"))
        #expect(try errorSent(actions)?.code == .resourceExhausted)
        #expect(state.phase == .closed)
    }
}
