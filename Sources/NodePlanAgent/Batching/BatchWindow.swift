/// Karpenter's provisioning batch window: the first new pending pod opens it; it closes after `idle`
/// without another new pod, or `maximum` after it opened, whichever comes first. Times are seconds on
/// the caller's clock, so the window is a pure value that tests drive directly.
public struct BatchWindow: Hashable, Sendable {
    public var idle: Double
    public var maximum: Double
    /// When the window opened; nil when closed.
    public private(set) var openedAt: Double?
    public private(set) var lastTriggerAt: Double?

    /// Karpenter's defaults: idle 1 s, maximum 10 s.
    public init(idle: Double = 1, maximum: Double = 10) {
        self.idle = idle
        self.maximum = maximum
    }

    /// A new pending pod at `time`: opens the window, or extends its idle period.
    public mutating func trigger(at time: Double) {
        if openedAt == nil { openedAt = time }
        lastTriggerAt = time
    }

    public var isOpen: Bool { openedAt != nil }

    /// When the window will close if nothing else arrives; nil when it is not open.
    public var closesAt: Double? {
        guard let openedAt, let lastTriggerAt else { return nil }
        return min(lastTriggerAt + idle, openedAt + maximum)
    }

    /// Whether the window is open and its time is up at `time`.
    public func isDue(at time: Double) -> Bool { closesAt.map { time >= $0 } ?? false }

    /// Closes the window after its batch was taken.
    public mutating func reset() {
        openedAt = nil
        lastTriggerAt = nil
    }
}
