/// Tally of why a NodePool's instance types were ruled out for a NodeClaim.
struct InstanceTypeRejections: Sendable, CustomStringConvertible {
    var incompatible: [String] = []
    var firstConflict: RequirementConflict?
    /// Instance types too small, by the first resource that does not fit.
    var tooSmall: [String: [String]] = [:]
    var unavailable = 0
    var hostPorts = 0

    var description: String {
        var parts: [String] = []
        for (resource, names) in tooSmall.sorted(by: { $0.key < $1.key }) {
            parts.append("\(names.count) too small for \(resource) (\(Self.sample(names)))")
        }
        if !incompatible.isEmpty {
            let why = firstConflict.map { ": \($0)" } ?? ""
            parts.append("\(incompatible.count) incompatible with the requirements (\(Self.sample(incompatible)))\(why)")
        }
        if unavailable > 0 { parts.append("\(unavailable) without an available offering in the allowed zones/capacity types") }
        if hostPorts > 0 { parts.append("\(hostPorts) where DaemonSet host ports conflict") }
        return "no instance type fits: " + (parts.isEmpty ? "none left" : parts.joined(separator: "; "))
    }

    private static func sample(_ names: [String]) -> String {
        names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
    }
}
