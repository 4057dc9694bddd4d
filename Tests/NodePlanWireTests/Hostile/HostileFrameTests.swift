import NIOCore
import NodePlanWire
import Testing

/// Byte streams no well-behaved peer sends. Each is refused by `FrameDecoder` with the kind of
/// violation, its status code and a sentence that says which header field is wrong.
@Suite struct HostileFrameTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var kind: FrameError.Kind
        var code: StatusCode
        /// Words the error message must contain.
        var message: String
        var testDescription: String { name }
    }

    /// A 16-byte header: length, version, type, flags, method, stream id, deadline.
    private static func header(length: UInt32 = 0, version: UInt8 = 1, type: UInt8 = 2, flags: UInt8 = 2, method: UInt8 = 1,
                               stream: UInt32 = 1, deadline: UInt32 = 0) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return bigEndian(length) + [version, type, flags, method] + bigEndian(stream) + bigEndian(deadline)
    }

    static let limit = 1 << 20

    static let cases: [Case] = [
        Case(name: "header cut after 10 bytes", bytes: Array(header().prefix(10)), kind: .truncated, code: .invalidArgument,
             message: "input ended inside a frame (10 bytes"),
        Case(name: "payload shorter than its declared length", bytes: header(length: 100) + [UInt8](repeating: 7, count: 50),
             kind: .truncated, code: .invalidArgument, message: "input ended inside a frame (66 bytes"),
        Case(name: "declared length of 4 GiB", bytes: header(length: .max), kind: .payloadTooLarge, code: .resourceExhausted,
             message: "4294967295"),
        Case(name: "declared length one byte over the limit", bytes: header(length: UInt32(limit + 1)), kind: .payloadTooLarge,
             code: .resourceExhausted, message: "\(limit + 1)"),
        Case(name: "version 0", bytes: header(version: 0), kind: .unsupportedVersion, code: .unimplemented,
             message: "protocol version 0 not supported"),
        Case(name: "version 2", bytes: header(version: 2), kind: .unsupportedVersion, code: .unimplemented,
             message: "protocol version 2 not supported"),
        Case(name: "an HTTP request", bytes: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), kind: .unsupportedVersion,
             code: .unimplemented, message: "protocol version 47 not supported"),
        Case(name: "frame type 0", bytes: header(type: 0), kind: .unknownType, code: .invalidArgument, message: "unknown frame type 0"),
        Case(name: "frame type 9", bytes: header(type: 9), kind: .unknownType, code: .invalidArgument, message: "unknown frame type 9"),
        Case(name: "method 7", bytes: header(method: 7), kind: .invalidMethod, code: .invalidArgument, message: "unknown method 7"),
        Case(name: "request without a method", bytes: header(method: 0), kind: .invalidMethod, code: .invalidArgument,
             message: "method"),
        Case(name: "undefined flag bit", bytes: header(flags: 0x06), kind: .invalidFlags, code: .invalidArgument, message: "flag"),
        Case(name: "request without END_STREAM", bytes: header(flags: 0), kind: .invalidFlags, code: .invalidArgument,
             message: "END_STREAM"),
        Case(name: "request on stream 0", bytes: header(stream: 0), kind: .invalidStream, code: .invalidArgument, message: "stream"),
        Case(name: "hello on stream 5", bytes: header(type: 1, flags: 0, method: 0, stream: 5), kind: .invalidStream,
             code: .invalidArgument, message: "stream"),
        Case(name: "deadline on a ping", bytes: header(length: 8, type: 6, flags: 0, method: 0, stream: 0, deadline: 10)
                 + [UInt8](repeating: 0, count: 8), kind: .invalidDeadline, code: .invalidArgument, message: "deadline"),
        Case(name: "ping of 7 bytes", bytes: header(length: 7, type: 6, flags: 0, method: 0, stream: 0) + [UInt8](repeating: 0, count: 7),
             kind: .invalidPayload, code: .invalidArgument, message: "8"),
        Case(name: "compressed ping", bytes: header(length: 8, type: 6, flags: 1, method: 0, stream: 0) + [UInt8](repeating: 0, count: 8),
             kind: .invalidFlags, code: .invalidArgument, message: "COMPRESSED"),
        Case(name: "cancel with a payload", bytes: header(length: 3, type: 5, flags: 2, method: 0) + [1, 2, 3],
             kind: .invalidPayload, code: .invalidArgument, message: "CANCEL"),
        Case(name: "connection error with END_STREAM", bytes: header(type: 4, flags: 2, method: 0, stream: 0),
             kind: .invalidFlags, code: .invalidArgument, message: "END_STREAM"),
    ]

    @Test(arguments: cases)
    func refused(_ hostile: Case) throws {
        var buffer = ByteBuffer(bytes: hostile.bytes)
        var decoder = FrameDecoder(maxPayloadBytes: Self.limit)
        let error = try #require(throws: FrameError.self) {
            while try decoder.decode(buffer: &buffer) != nil {}
            _ = try decoder.decodeLast(buffer: &buffer, seenEOF: true)
        }
        #expect(error.kind == hostile.kind)
        #expect(error.statusCode == hostile.code)
        #expect(error.message.lowercased().contains(hostile.message.lowercased()), "\(error.message)")
    }

    @Test("A header refused for its size is refused before any payload arrives")
    func oversizeRefusedWithoutPayload() throws {
        var buffer = ByteBuffer(bytes: Self.header(length: UInt32(Self.limit * 4)))
        var decoder = FrameDecoder(maxPayloadBytes: Self.limit)
        #expect(throws: FrameError.self) { try decoder.decode(buffer: &buffer) }
        #expect(buffer.readableBytes == Frame.headerSize, "nothing consumed, nothing buffered beyond the header")
    }
}
