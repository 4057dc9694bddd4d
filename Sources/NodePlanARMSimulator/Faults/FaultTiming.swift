/// Whether a fault rejects the request itself or fails the long-running operation it started.
public enum FaultTiming: Hashable, Sendable {
    /// The PUT is answered with the error (409).
    case synchronous
    /// The PUT is accepted (201); the operation ends `Failed` and the VM stays in `Failed` state.
    case asynchronous
}
