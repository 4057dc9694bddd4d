import SwiftProtobuf

extension SwiftProtobuf.Message {
    /// The binary encoding with map entries in key order, so equal messages always give equal
    /// bytes (the default order follows per-process dictionary hashing).
    public func deterministicBytes() throws -> [UInt8] {
        var options = BinaryEncodingOptions()
        options.useDeterministicOrdering = true
        return try serializedBytes(options: options)
    }
}
