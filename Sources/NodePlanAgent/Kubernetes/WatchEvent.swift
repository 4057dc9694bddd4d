/// One event of a watch stream (`?watch=true`): a line of JSON `{"type": ..., "object": ...}`.
public struct WatchEvent: Hashable, Sendable {
    public enum EventType: String, Hashable, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
        /// Carries only `metadata.resourceVersion`: the stream is current up to it.
        case bookmark = "BOOKMARK"
        /// Carries a `Status`; code 410 means the requested resourceVersion was compacted away.
        case error = "ERROR"
    }

    public var type: EventType
    public var object: JSONValue

    public init(type: EventType, object: JSONValue) {
        self.type = type
        self.object = object
    }

    /// Decodes one line of a watch stream.
    public init(line: some Collection<UInt8>) throws {
        let value = try JSONValue.parse(line)
        guard let typeName = value["type"]?.stringValue, let type = EventType(rawValue: typeName) else {
            throw JSONParseError(description: "watch event: field type: missing or unknown")
        }
        guard let object = value["object"] else {
            throw JSONParseError(description: "watch event: field object: missing")
        }
        self.init(type: type, object: object)
    }

    /// The event as one line of JSON, newline included.
    public var line: [UInt8] {
        let value: JSONValue = ["type": .string(type.rawValue), "object": object]
        return value.serialized + [UInt8(ascii: "\n")]
    }
}
