/// Size limits a peer enforces on what it receives; the server announces its own in `HelloAck`.
public struct FrameLimits: Hashable, Sendable {
    /// Largest payload of one frame, in bytes (compressed size when compressed).
    public var maxPayloadBytes: Int
    /// Largest message after decompression, in bytes.
    public var maxDecompressedBytes: Int

    public init(maxPayloadBytes: Int, maxDecompressedBytes: Int) {
        self.maxPayloadBytes = maxPayloadBytes
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    /// 64 MiB per frame, 512 MiB decompressed: a 100k-pod snapshot is a few MiB compressed and
    /// some tens of MiB raw, so these leave an order of magnitude of room.
    public static let `default` = FrameLimits(maxPayloadBytes: 64 << 20, maxDecompressedBytes: 512 << 20)
}
