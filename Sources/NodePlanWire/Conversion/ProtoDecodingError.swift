/// A protobuf message that does not describe a valid model value: which field, and why.
///
/// Field paths use the model's (and protobuf JSON's) lowerCamelCase names with list indices,
/// e.g. `pods[12].spec`, relative to the message that was being decoded.
public struct ProtoDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Dotted path of the offending field; empty when the whole message is at fault.
    public var fieldPath: String
    public var reason: String

    public init(fieldPath: String, reason: String) {
        self.fieldPath = fieldPath
        self.reason = reason
    }

    public var description: String { fieldPath.isEmpty ? reason : "\(fieldPath): \(reason)" }

    /// The same error seen from the message that contains `component` (a field name, or a field
    /// name with an index such as `pods[3]`).
    public func nested(in component: String) -> ProtoDecodingError {
        let path: String
        if fieldPath.isEmpty {
            path = component
        } else if fieldPath.hasPrefix("[") {
            path = component + fieldPath
        } else {
            path = component + "." + fieldPath
        }
        return ProtoDecodingError(fieldPath: path, reason: reason)
    }
}
