import NodePlanWire

/// libFuzzer entry point: the input is an untrusted compressed payload. Decompression under a 1 MiB
/// limit must either fail with a reason or return at most the limit; whatever it returns must survive a
/// compress/decompress round trip unchanged, and so must the raw input itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZstd(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let limit = 1 << 20
    do {
        let output = try Zstd.decompress(bytes, maxSize: limit)
        precondition(output.count <= limit, "decompression returned \(output.count) bytes past the \(limit)-byte limit")
        roundTrip(output, limit: limit)
    } catch {
        precondition(!error.message.isEmpty, "a zstd error must say what is wrong")
    }
    roundTrip(Array(bytes), limit: limit)
    return 0
}

private func roundTrip(_ bytes: [UInt8], limit: Int) {
    do {
        let compressed = try Zstd.compress(bytes, level: 1)
        let restored = try Zstd.decompress(compressed, maxSize: max(limit, bytes.count))
        precondition(restored == bytes, "zstd round trip changed \(bytes.count) bytes")
    } catch {
        preconditionFailure("round trip of \(bytes.count) bytes failed: \(error)")
    }
}
