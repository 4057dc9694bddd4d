/// `properties.priority` of a VM.
public enum VMPriority: String, Hashable, Sendable {
    case regular = "Regular"
    case spot = "Spot"
}
