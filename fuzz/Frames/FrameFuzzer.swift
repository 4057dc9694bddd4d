import NIOCore
import NodePlanWire

/// libFuzzer entry point: the input is a byte stream from a client. It is cut into chunks (sizes taken
/// from the input itself, so partial headers and payloads are exercised), fed to `FrameDecoder`, and every
/// frame goes through the server's protocol state and, for requests, `WireRequest(frame:)`.
///
/// Invariants checked: a decoded frame re-encodes to the very bytes it was read from, and decoding never
/// consumes more than it was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let chunkByte = bytes.first else { return 0 }
    let chunkSize = Int(chunkByte % 32) + 1
    let stream = bytes.dropFirst()

    let limits = FrameLimits(maxPayloadBytes: 1 << 16, maxDecompressedBytes: 1 << 20)
    var decoder = FrameDecoder(maxPayloadBytes: limits.maxPayloadBytes)
    var state = ServerConnectionState(token: BearerToken("fuzz-token"), serverName: "fuzz", limits: limits,
                                      maxConcurrentStreams: 4)
    var buffer = ByteBuffer()
    var offset = stream.startIndex
    do {
        while offset < stream.endIndex {
            let end = min(offset + chunkSize, stream.endIndex)
            buffer.writeBytes(UnsafeBufferPointer(rebasing: stream[offset..<end]))
            offset = end
            while let frame = try decoder.decode(buffer: &buffer) {
                check(frame, limits: limits)
                for action in state.received(frame) {
                    if case .serve(let request) = action { _ = try? WireRequest(frame: request, maxDecompressedBytes: limits.maxDecompressedBytes) }
                }
            }
        }
        while let frame = try decoder.decodeLast(buffer: &buffer, seenEOF: true) { check(frame, limits: limits) }
    } catch {
        precondition(!error.message.isEmpty, "a frame error must say what is wrong")
    }
    return 0
}

/// Re-encodes `frame` and decodes it again: the framing must be lossless.
private func check(_ frame: Frame, limits: FrameLimits) {
    var encoded = ByteBuffer()
    do {
        try FrameEncoder(maxPayloadBytes: limits.maxPayloadBytes).encode(data: frame, out: &encoded)
        var decoder = FrameDecoder(maxPayloadBytes: limits.maxPayloadBytes)
        let again = try decoder.decode(buffer: &encoded)
        precondition(again == frame && encoded.readableBytes == 0, "frame did not survive re-encoding")
    } catch {
        preconditionFailure("a frame the decoder accepted was refused on re-encoding: \(error)")
    }
}
