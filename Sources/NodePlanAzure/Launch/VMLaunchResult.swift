import NodePlanModel

/// What a launch did: the VM, the offering it runs on and what was passed over on the way.
public struct VMLaunchResult: Hashable, Sendable {
    public var instance: VMInstance
    /// The offering the VM was created with (for a VM that already existed: the request's option
    /// matching its size, zone and priority, or one describing it at price 0 when none matches).
    public var option: LaunchOption
    /// Offerings ARM refused for capacity, in the order tried.
    public var failures: [LaunchFailure]
    /// Offerings not tried because the unavailable-offerings cache blocked them.
    public var skipped: [LaunchOption]
    /// The VM existed already (an earlier attempt for the same NodeClaim got that far).
    public var reusedExisting: Bool

    public init(instance: VMInstance, option: LaunchOption, failures: [LaunchFailure] = [], skipped: [LaunchOption] = [],
                reusedExisting: Bool = false) {
        self.instance = instance
        self.option = option
        self.failures = failures
        self.skipped = skipped
        self.reusedExisting = reusedExisting
    }
}
