/// A PodDisruptionBudget with the status fields the eviction API uses.
public struct PodDisruptionBudget: Hashable, Sendable, Codable {
    public var name: String
    public var namespace: String
    public var selector: LabelSelector
    /// "2" or "50%".
    public var minAvailable: String?
    public var maxUnavailable: String?
    /// `status.disruptionsAllowed` when the snapshot builder read it; otherwise derived from pods.
    public var disruptionsAllowed: Int32?

    public init(name: String, namespace: String = "default", selector: LabelSelector, minAvailable: String? = nil,
                maxUnavailable: String? = nil, disruptionsAllowed: Int32? = nil) {
        self.name = name
        self.namespace = namespace
        self.selector = selector
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.disruptionsAllowed = disruptionsAllowed
    }
}
