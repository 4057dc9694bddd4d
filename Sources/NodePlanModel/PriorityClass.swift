/// A PriorityClass, resolved into pod priorities by the snapshot builder and kept for reports.
public struct PriorityClass: Hashable, Sendable, Codable {
    public var name: String
    public var value: Int32
    public var globalDefault: Bool
    public var preemptionPolicy: String
    public init(name: String, value: Int32, globalDefault: Bool = false, preemptionPolicy: String = "PreemptLowerPriority") {
        self.name = name
        self.value = value
        self.globalDefault = globalDefault
        self.preemptionPolicy = preemptionPolicy
    }
}
