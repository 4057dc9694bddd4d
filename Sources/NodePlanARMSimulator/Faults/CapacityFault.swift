/// A rule making VM creations fail with a capacity error; nil fields match anything.
public struct CapacityFault: Hashable, Sendable {
    public var vmSize: String?
    /// Logical zone (`"1"`), or `""` for a regional VM.
    public var zone: String?
    public var priority: VMPriority?
    public var error: CapacityError
    public var timing: FaultTiming
    /// How many creations it fails; nil fails them all.
    public var remaining: Int?

    public init(vmSize: String? = nil, zone: String? = nil, priority: VMPriority? = nil, error: CapacityError,
                timing: FaultTiming? = nil, count: Int? = nil) {
        self.vmSize = vmSize
        self.zone = zone
        self.priority = priority
        self.error = error
        self.timing = timing ?? error.defaultTiming
        self.remaining = count
    }

    func matches(vmSize size: String, zone vmZone: String, priority vmPriority: VMPriority) -> Bool {
        (remaining ?? 1) > 0 && (vmSize.map { $0.lowercased() == size.lowercased() } ?? true)
            && (zone.map { $0 == vmZone } ?? true) && (priority.map { $0 == vmPriority } ?? true)
    }
}
