import NodePlanAgent

/// Whether a Kubernetes label selector (`matchLabels`, `matchExpressions`) selects `labels`.
/// A missing selector selects nothing, an empty one everything, as for PodDisruptionBudgets.
func selectorMatches(_ selector: JSONValue?, labels: [String: String]) -> Bool {
    guard let selector else { return false }
    for (key, value) in selector["matchLabels"]?.stringMap ?? [:] where labels[key] != value { return false }
    for expression in selector["matchExpressions"]?.arrayValue ?? [] {
        let key = expression["key"]?.stringValue ?? ""
        let values = Set(expression["values"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let present = labels[key]
        switch expression["operator"]?.stringValue {
        case "In": if present.map({ values.contains($0) }) != true { return false }
        case "NotIn": if let present, values.contains(present) { return false }
        case "Exists": if present == nil { return false }
        case "DoesNotExist": if present != nil { return false }
        default: return false
        }
    }
    return true
}
