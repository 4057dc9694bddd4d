/// Names of the Azure resources of one NodeClaim: VM, NIC, OS disk and computer name are all
/// `aks-<nodeclaim>`, so a restarted agent finds what it created before (idempotent launches).
public struct ResourceNames: Hashable, Sendable {
    public let nodeClaim: String
    public let resource: String

    /// - Throws: `AzureLaunchError.invalidRequest` for a name ARM or Linux would refuse.
    public init(nodeClaim: String) throws {
        let allowed = nodeClaim.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "-")
        }
        guard !nodeClaim.isEmpty, nodeClaim.count <= 60, allowed else {
            throw AzureLaunchError.invalidRequest(field: "nodeClaim",
                                                  reason: "\"\(nodeClaim)\" must be 1–60 characters of a–z, 0–9 and -")
        }
        self.nodeClaim = nodeClaim
        self.resource = "aks-" + nodeClaim
    }

    /// The NodeClaim a resource named `aks-<nodeclaim>` belongs to, if the name has that form.
    public static func nodeClaim(ofResource name: String) -> String? {
        name.hasPrefix("aks-") && name.count > 4 ? String(name.dropFirst(4)) : nil
    }
}
