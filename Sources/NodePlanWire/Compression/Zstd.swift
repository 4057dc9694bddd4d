import CZstd

/// zstd compression of whole messages, with decompression that is safe against bombs.
///
/// Compressed messages are single zstd frames that declare their content size and carry a
/// checksum. Decompression never trusts the input: a declared size above the caller's limit is
/// rejected before any work, and output is produced by the streaming decoder under a hard cap,
/// so frames that omit their size (or lie about it) cannot grow memory past the limit either.
public enum Zstd {
    /// The level used when the caller has no preference: fast, and several times smaller than raw protobuf.
    public static let defaultLevel: Int32 = 3

    /// Compresses `bytes` into one zstd frame with its content size and a checksum.
    public static func compress(_ bytes: some Collection<UInt8>, level: Int32 = defaultLevel) throws(ZstdError) -> [UInt8] {
        let levels = ZSTD_minCLevel()...ZSTD_maxCLevel()
        guard levels.contains(level) else {
            throw ZstdError(.invalidLevel, "compression level \(level) outside \(levels.lowerBound)...\(levels.upperBound)")
        }
        return try withContiguousBytes(bytes) { (input) throws(ZstdError) -> [UInt8] in
            guard let context = ZSTD_createCCtx() else { throw ZstdError(.failed, "cannot allocate a compression context") }
            defer { ZSTD_freeCCtx(context) }
            try check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level), "setting the level")
            try check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1), "enabling checksums")
            try check(ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 1), "enabling the content size")
            let bound = ZSTD_compressBound(input.count)
            var failure: ZstdError?
            let output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                let written = ZSTD_compress2(context, buffer.baseAddress, bound, input.baseAddress, input.count)
                if ZSTD_isError(written) != 0 {
                    failure = ZstdError(.failed, "compression failed: \(errorName(written))")
                    count = 0
                } else {
                    count = written
                }
            }
            if let failure { throw failure }
            return output
        }
    }

    /// Decompresses zstd data (one or more concatenated frames) of at most `maxSize` bytes.
    ///
    /// Throws `.tooLarge` when a frame declares more than `maxSize` bytes or the output would
    /// exceed it, `.corrupt` when the input is not zstd, is damaged, or ends mid-frame.
    public static func decompress(_ bytes: some Collection<UInt8>, maxSize: Int) throws(ZstdError) -> [UInt8] {
        precondition(maxSize >= 0, "maxSize must not be negative")
        return try withContiguousBytes(bytes) { (input) throws(ZstdError) -> [UInt8] in
            guard !input.isEmpty else { throw ZstdError(.corrupt, "empty input is not a zstd frame") }
            let declared = ZSTD_getFrameContentSize(input.baseAddress, input.count)
            if declared == nodeplan_zstd_contentsize_error {
                throw ZstdError(.corrupt, "input does not start with a zstd frame header")
            }
            var expected = Int.max
            if declared != nodeplan_zstd_contentsize_unknown {
                guard declared <= UInt64(maxSize) else {
                    throw ZstdError(.tooLarge, "frame declares \(declared) bytes, limit is \(maxSize)")
                }
                expected = Int(declared)
            }
            // Trust a declared size only as far as a plausible ratio: a tiny input claiming hundreds of
            // megabytes gets a small buffer that grows only as real output appears.
            var output = BoundedOutput(limit: maxSize)
            output.reserve(min(expected, max(input.count * 64, 1 << 20)))
            try streamDecompress(input, into: &output)
            return try output.bytes
        }
    }

    /// Runs the streaming decoder over all of `input`, growing `output` up to its limit.
    private static func streamDecompress(_ input: UnsafeRawBufferPointer, into output: inout BoundedOutput) throws(ZstdError) {
        guard let context = ZSTD_createDCtx() else { throw ZstdError(.failed, "cannot allocate a decompression context") }
        defer { ZSTD_freeDCtx(context) }
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var remaining = 1  // libzstd's hint: 0 once a frame is complete and flushed.
        while true {
            if output.isFull {
                guard output.grow() else {
                    throw ZstdError(.tooLarge, "decompressed content exceeds the limit of \(output.limit) bytes")
                }
            }
            let produced: Int
            (remaining, produced) = try output.withSpareCapacity { (spare) throws(ZstdError) in
                var target = ZSTD_outBuffer(dst: spare.baseAddress, size: spare.count, pos: 0)
                let hint = ZSTD_decompressStream(context, &target, &source)
                if ZSTD_isError(hint) != 0 { throw ZstdError(.corrupt, "corrupt input: \(errorName(hint))") }
                return (hint, target.pos)
            }
            output.count += produced
            let inputDone = source.pos == source.size
            if inputDone && remaining == 0 { return }
            if inputDone && produced == 0 && !output.isFull {
                throw ZstdError(.corrupt, "input ends in the middle of a frame")
            }
        }
    }

    private static func check(_ code: Int, _ action: String) throws(ZstdError) {
        if ZSTD_isError(code) != 0 { throw ZstdError(.failed, "\(action): \(errorName(code))") }
    }

    private static func errorName(_ code: Int) -> String { String(cString: ZSTD_getErrorName(code)) }

    private static func withContiguousBytes<Value>(
        _ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) throws(ZstdError) -> Value
    ) throws(ZstdError) -> Value {
        func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Value, ZstdError> {
            Result { () throws(ZstdError) in try body(UnsafeRawBufferPointer(buffer)) }
        }
        let result = bytes.withContiguousStorageIfAvailable(run) ?? Array(bytes).withUnsafeBufferPointer(run)
        return try result.get()
    }
}
