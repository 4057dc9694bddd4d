import NodePlanModel

/// An offering ARM refused for capacity during a launch.
public struct LaunchFailure: Hashable, Sendable {
    public var option: LaunchOption
    public var kind: CapacityFailureKind
    public var error: ARMError

    public init(option: LaunchOption, kind: CapacityFailureKind, error: ARMError) {
        self.option = option
        self.kind = kind
        self.error = error
    }

    var summary: String { "\(option.instanceType) \(option.zone) \(option.capacityType.rawValue): \(kind.rawValue)" }
}
