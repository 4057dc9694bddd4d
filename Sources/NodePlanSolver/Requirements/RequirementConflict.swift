/// Why two sets of requirements cannot hold together.
public struct RequirementConflict: Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var required: Requirement
    /// Nil when the key is not defined at all.
    public var available: Requirement?

    /// Whether the conflict outlives any narrowing of the available side: a finite set only
    /// shrinks, so it never meets a required `In` set it misses now (an undefined key, or a
    /// complement, may still gain the value).
    public var isLasting: Bool {
        guard let available, !available.complement else { return false }
        return required.effectiveOperator == .in
    }

    public var description: String {
        if let available { return "requires \(required) but only \(available) is possible" }
        return "requires \(required) but no NodePool or instance type defines label \"\(key)\""
    }
}
