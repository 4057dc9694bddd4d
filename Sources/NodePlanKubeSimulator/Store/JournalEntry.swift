import NodePlanAgent

/// One committed change, kept for tests and demos to check the order things happened in.
public struct JournalEntry: Sendable {
    /// The revision the change committed at; entries are in revision order.
    public var revision: UInt64
    public var resource: KubeResource
    public var type: WatchEvent.EventType
    /// The object after the change (before it, for deletions).
    public var object: JSONValue
}
