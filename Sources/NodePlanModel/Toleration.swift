/// How a toleration compares its value with a taint's.
public enum TolerationOperator: String, Hashable, Sendable, Codable {
    case equal = "Equal"
    case exists = "Exists"
}

/// A pod toleration. An empty key with `Exists` tolerates every taint; a nil effect matches all effects.
public struct Toleration: Hashable, Sendable, Codable {
    public var key: String
    public var `operator`: TolerationOperator
    public var value: String
    public var effect: TaintEffect?
    public var tolerationSeconds: Int64?

    public init(key: String = "", operator: TolerationOperator = .equal, value: String = "",
                effect: TaintEffect? = nil, tolerationSeconds: Int64? = nil) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }
}
