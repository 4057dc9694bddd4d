import NodePlanWire
import Testing

@Suite struct ConnectionFramesTests {
    @Test func helloCarriesTokenAndVersion() throws {
        let frame = try Frame.hello(token: "s3cret", client: "agent/1 (go)")
        try frame.validate(maxPayloadBytes: 1024)
        let hello = try frame.message(as: Nodeplan_V1_Hello.self)
        #expect(hello.protocolVersion == 1 && hello.token == "s3cret" && hello.client == "agent/1 (go)")
    }

    @Test func helloAckAnnouncesLimits() throws {
        let limits = FrameLimits(maxPayloadBytes: 1 << 20, maxDecompressedBytes: 1 << 24)
        let frame = try Frame.helloAck(server: "nodeplan/0.1", limits: limits, maxConcurrentStreams: 64,
                                       keepaliveIntervalMilliseconds: 30_000)
        let ack = try frame.message(as: Nodeplan_V1_HelloAck.self)
        #expect(ack.maxFramePayloadBytes == 1 << 20 && ack.maxDecompressedBytes == 1 << 24)
        #expect(ack.maxConcurrentStreams == 64 && ack.keepaliveIntervalMs == 30_000 && ack.server == "nodeplan/0.1")
    }

    @Test func goAwayNamesLastStream() throws {
        let frame = try Frame.goAway(lastStreamID: 41, code: .unavailable, message: "shutting down")
        try frame.validate(maxPayloadBytes: 1024)
        let goAway = try frame.message(as: Nodeplan_V1_GoAway.self)
        #expect(goAway.lastStreamID == 41 && goAway.code == .unavailable && goAway.message == "shutting down")
    }

    @Test func pongEchoesPing() throws {
        let ping = Frame.ping(0xDEAD_BEEF)
        let pong = Frame.pong(answering: ping)
        try pong.validate(maxPayloadBytes: 8)
        #expect(pong.type == .pong && pong.payload == ping.payload)
    }

    @Test func bearerTokenComparison() {
        let token = BearerToken("s3cret")
        #expect(token.matches("s3cret"))
        #expect(!token.matches("s3creT"))
        #expect(!token.matches("s3cret" + "s3cret"))
        #expect(!token.matches(""))
        #expect(!token.matches("s3cre"))
    }
}
