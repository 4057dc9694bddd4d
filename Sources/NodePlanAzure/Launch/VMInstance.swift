import Foundation
import NodePlanModel

/// A VM as the agent sees it: which NodeClaim it backs and where and how it runs.
public struct VMInstance: Hashable, Sendable {
    public var name: String
    public var id: String
    /// The Kubernetes node's `spec.providerID`.
    public var providerID: String
    /// From the `karpenter.sh_nodeclaim` tag, else from the `aks-<nodeclaim>` name.
    public var nodeClaim: String?
    public var nodePool: String?
    public var vmSize: String
    /// `<location>-<n>`, or `"0"` for a regional VM.
    public var zone: String
    public var capacityType: CapacityType
    public var provisioningState: String
    /// Seconds since the epoch; nil when ARM did not say.
    public var created: Double?
    public var tags: [String: String]

    public init(_ vm: VirtualMachine, settings: AzureLaunchSettings) {
        let name = vm.name ?? vm.id.map { String($0.split(separator: "/").last ?? "") } ?? ""
        self.name = name
        self.id = vm.id ?? settings.virtualMachinePath(name)
        self.providerID = settings.providerID(ofVirtualMachine: name)
        self.tags = vm.tags ?? [:]
        self.nodeClaim = tags[ResourceTags.nodeClaim] ?? ResourceNames.nodeClaim(ofResource: name)
        self.nodePool = tags[ResourceTags.nodePool]
        self.vmSize = vm.properties.hardwareProfile.vmSize
        self.zone = vm.zones?.first.map { "\(vm.location)-\($0)" } ?? "0"
        self.capacityType = vm.properties.priority?.lowercased() == "spot" ? .spot : .onDemand
        self.provisioningState = vm.properties.provisioningState ?? "Unknown"
        self.created = vm.properties.timeCreated.flatMap(Self.parseTimestamp)
    }

    /// ARM timestamps carry up to 7 fractional digits, which ISO8601DateFormatter does not accept:
    /// the fraction is parsed separately.
    static func parseTimestamp(_ text: String) -> Double? {
        var whole = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: ".") {
            let digitsEnd = text[dot...].dropFirst().firstIndex { !$0.isNumber } ?? text.endIndex
            fraction = Double("0" + text[dot..<digitsEnd]) ?? 0
            whole = String(text[..<dot] + text[digitsEnd...])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: whole).map { $0.timeIntervalSince1970 + fraction }
    }
}
