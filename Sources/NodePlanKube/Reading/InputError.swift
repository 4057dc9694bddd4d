/// Why an input file could not be turned into a snapshot: names the file, the position, the
/// object, the field path and the reason, e.g.
/// `nodepools.yaml:14:13: NodePool default: spec.template.spec.requirements[2].operator: unknown operator "Inn"`.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (or other named source) the input came from.
    public var file: String?
    public var location: SourceLocation?
    /// `Kind name` or `Kind namespace/name`.
    public var object: String?
    /// Dotted path with list indices, e.g. `spec.containers[0].resources.requests.cpu`; empty for whole-document problems.
    public var fieldPath: String
    public var reason: String

    public init(file: String? = nil, location: SourceLocation? = nil, object: String? = nil, fieldPath: String = "",
                reason: String) {
        self.file = file
        self.location = location
        self.object = object
        self.fieldPath = fieldPath
        self.reason = reason
    }

    public var description: String {
        var parts: [String] = []
        switch (file, location) {
        case let (file?, location?): parts.append("\(file):\(location)")
        case let (file?, nil): parts.append(file)
        case let (nil, location?): parts.append("line \(location)")
        case (nil, nil): break
        }
        if let object { parts.append(object) }
        if !fieldPath.isEmpty { parts.append(fieldPath) }
        parts.append(reason)
        return parts.joined(separator: ": ")
    }

    /// This error, attributed to `object` unless an inner decoder already named one.
    func within(object: String) -> InputError {
        var copy = self
        if copy.object == nil { copy.object = object }
        return copy
    }

    /// This error, attributed to `file` unless already attributed.
    func within(file: String) -> InputError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }
}
