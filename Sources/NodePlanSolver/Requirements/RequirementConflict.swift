/// Why two sets of requirements cannot hold together.
public struct RequirementConflict: Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var required: Requirement
    /// Nil when the key is not defined at all.
    public var available: Requirement?

    public var description: String {
        if let available { return "requires \(required) but only \(available) is possible" }
        return "requires \(required) but no NodePool or instance type defines label \"\(key)\""
    }
}
