/// Where a decoded object came from, so errors found while assembling the snapshot can point at it.
struct ObjectOrigin: Hashable, Sendable {
    var file: String?
    var location: SourceLocation?
    /// `Kind name` or `Kind namespace/name`.
    var object: String

    func error(fieldPath: String = "", _ reason: String) -> InputError {
        InputError(file: file, location: location, object: object, fieldPath: fieldPath, reason: reason)
    }
}
