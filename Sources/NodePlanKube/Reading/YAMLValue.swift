/// One node of a parsed YAML or JSON document, with the position it starts at.
///
/// Scalars keep their text and whether they were written plain (unquoted, untagged): only plain
/// scalars may read as null, booleans or numbers, so `"123"` stays a string where a string is due.
public struct YAMLValue: Sendable {
    /// A mapping entry; keys are always scalars in Kubernetes objects.
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLValue
    }

    public enum Content: Sendable {
        case mapping([Entry])
        case sequence([YAMLValue])
        case scalar(String, plain: Bool)
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// A missing value: a plain `null`, `~` or empty scalar.
    public var isNull: Bool {
        guard case .scalar(let text, plain: true) = content else { return false }
        return text.isEmpty || text == "null" || text == "~" || text == "Null" || text == "NULL"
    }

    /// The entry named `key`, if this is a mapping that has it.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The text of a scalar; nil for collections.
    public var scalarText: String? {
        guard case .scalar(let text, _) = content else { return nil }
        return text
    }

    /// What kind of node this is, for error messages.
    var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: isNull ? "null" : "a scalar"
        }
    }
}
