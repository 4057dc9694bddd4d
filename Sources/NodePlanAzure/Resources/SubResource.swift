/// A reference to another ARM resource by ID.
public struct SubResource: Codable, Hashable, Sendable {
    public var id: String

    public init(id: String) { self.id = id }
}
