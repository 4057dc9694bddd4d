import NIOCore

// Connection-level frames (stream 0): the hello exchange and GOAWAY.

extension Frame {
    /// The client's first frame: protocol version, bearer token, and a name for the server's logs.
    public static func hello(token: String, client: String) throws(WireError) -> Frame {
        try Frame(type: .hello, message: Nodeplan_V1_Hello.with {
            $0.protocolVersion = UInt32(Frame.protocolVersion)
            $0.token = token
            $0.client = client
        }, compression: .disabled)
    }

    /// The server's answer to an accepted hello, announcing its limits.
    public static func helloAck(server: String, limits: FrameLimits, maxConcurrentStreams: UInt32,
                                keepaliveIntervalMilliseconds: UInt32) throws(WireError) -> Frame {
        try Frame(type: .hello, message: Nodeplan_V1_HelloAck.with {
            $0.protocolVersion = UInt32(Frame.protocolVersion)
            $0.server = server
            $0.maxFramePayloadBytes = UInt32(clamping: limits.maxPayloadBytes)
            $0.maxDecompressedBytes = UInt64(limits.maxDecompressedBytes)
            $0.maxConcurrentStreams = maxConcurrentStreams
            $0.keepaliveIntervalMs = keepaliveIntervalMilliseconds
        }, compression: .disabled)
    }

    /// The server stops taking streams: those above `lastStreamID` were not processed.
    public static func goAway(lastStreamID: UInt32, code: StatusCode, message: String) throws(WireError) -> Frame {
        try Frame(type: .goAway, message: Nodeplan_V1_GoAway.with {
            $0.lastStreamID = lastStreamID
            $0.code = Nodeplan_V1_StatusCode(rawValue: Int(code.rawValue)) ?? .unknown
            $0.message = message
        }, compression: .disabled)
    }
}
