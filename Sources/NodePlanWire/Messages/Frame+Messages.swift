import NIOCore
import SwiftProtobuf

// Frames whose payload is a protobuf message: building them (serialize, maybe compress) and
// reading them back (bounded decompression, parse).

extension Frame {
    /// A frame carrying `message`, compressed when `compression` says so.
    public init(type: FrameType, flags: FrameFlags = [], method: RPCMethod? = nil, streamID: UInt32 = 0,
                deadlineMilliseconds: UInt32 = 0, message: some SwiftProtobuf.Message,
                compression: PayloadCompression = PayloadCompression()) throws(WireError) {
        let bytes: [UInt8]
        do { bytes = try message.serializedBytes() } catch {
            throw WireError(.internal, "cannot serialize \(Swift.type(of: message).protoMessageName): \(error)")
        }
        var flags = flags
        var payload = bytes
        if bytes.count >= compression.minimumBytes {
            do { payload = try Zstd.compress(bytes, level: compression.level) } catch { throw WireError(error) }
            flags.insert(.compressed)
        }
        self.init(type: type, flags: flags, method: method, streamID: streamID,
                  deadlineMilliseconds: deadlineMilliseconds, payload: ByteBuffer(bytes: payload))
    }

    /// The payload parsed as `messageType`, decompressed first (to at most `maxDecompressedBytes`)
    /// when the frame is marked compressed.
    public func message<M: SwiftProtobuf.Message>(
        as messageType: M.Type, maxDecompressedBytes: Int = FrameLimits.default.maxDecompressedBytes
    ) throws(WireError) -> M {
        let view = payload.readableBytesView
        do {
            if flags.contains(.compressed) {
                let bytes: [UInt8]
                do { bytes = try Zstd.decompress(view, maxSize: maxDecompressedBytes) } catch { throw WireError(error) }
                return try M(serializedBytes: bytes)
            }
            guard view.count <= maxDecompressedBytes else {
                throw WireError(.resourceExhausted, "message of \(view.count) bytes exceeds the limit of \(maxDecompressedBytes)")
            }
            return try M(serializedBytes: Array(view))
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError(.invalidArgument, "payload is not a valid \(M.protoMessageName): \(error)")
        }
    }

    /// A `PING` with 8 opaque bytes (e.g. a send timestamp).
    public static func ping(_ opaque: UInt64) -> Frame {
        Frame(type: .ping, payload: ByteBuffer(integer: opaque))
    }

    /// The `PONG` answering `ping`, echoing its payload.
    public static func pong(answering ping: Frame) -> Frame {
        Frame(type: .pong, payload: ping.payload)
    }

    /// A `CANCEL` for `streamID`.
    public static func cancel(streamID: UInt32) -> Frame {
        Frame(type: .cancel, flags: .endStream, streamID: streamID)
    }

    /// An `ERROR` frame; on stream 0 it ends the connection, otherwise the stream.
    public static func error(_ error: WireError, streamID: UInt32 = 0, method: RPCMethod? = nil) -> Frame {
        // Serializing a proto3 message only fails for missing proto2 required fields: never here.
        let payload: [UInt8] = (try? error.proto.serializedBytes()) ?? []
        return Frame(type: .error, flags: streamID == 0 ? [] : .endStream, method: method, streamID: streamID,
                     payload: ByteBuffer(bytes: payload))
    }

    /// The error an `ERROR` frame reports.
    public func error(maxDecompressedBytes: Int = FrameLimits.default.maxDecompressedBytes) throws(WireError) -> WireError {
        WireError(proto: try message(as: Nodeplan_V1_Error.self, maxDecompressedBytes: maxDecompressedBytes))
    }
}
