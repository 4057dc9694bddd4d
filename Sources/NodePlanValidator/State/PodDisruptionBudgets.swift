import NodePlanModel

/// The snapshot's PodDisruptionBudgets with the disruptions each allows now.
struct PodDisruptionBudgets {
    private var budgets: [(budget: PodDisruptionBudget, allowed: Int?)] = []

    init(_ snapshot: Snapshot) {
        guard !snapshot.podDisruptionBudgets.isEmpty else { return }
        var running = Array(repeating: 0, count: snapshot.podSpecs.count)
        for pod in snapshot.pods where pod.isBound && !pod.isTerminal && !pod.isTerminating { running[Int(pod.spec)] += 1 }
        for budget in snapshot.podDisruptionBudgets {
            let healthy = snapshot.podSpecs.indices.reduce(0) { total, index in
                let spec = snapshot.podSpecs[index]
                let covered = running[index] > 0 && spec.namespace == budget.namespace && budget.selector.matches(spec.labels)
                return total + (covered ? running[index] : 0)
            }
            budgets.append((budget, budget.disruptionsAllowed.map(Int.init) ?? Self.allowed(budget, healthy: healthy)))
        }
    }

    /// Why evicting a pod of shape `spec` is blocked, or nil when a disruption is allowed.
    func blockage(of spec: PodSpec) -> String? {
        let covering = budgets.filter { $0.budget.namespace == spec.namespace && $0.budget.selector.matches(spec.labels) }
        if covering.count > 1 {
            return "covered by \(covering.count) PodDisruptionBudgets (\(covering.map(\.budget.name).joined(separator: ", ")))"
        }
        if let only = covering.first, let allowed = only.allowed, allowed <= 0 {
            return "PodDisruptionBudget \(only.budget.name) allows no disruption"
        }
        return nil
    }

    /// Disruptions allowed when every matching running pod is healthy; nil when the budget sets neither field.
    private static func allowed(_ budget: PodDisruptionBudget, healthy: Int) -> Int? {
        func scaled(_ value: String) -> Int? {
            if value.hasSuffix("%") {
                guard let percent = Int(value.dropLast()) else { return nil }
                return (percent * healthy + 99) / 100
            }
            return Int(value)
        }
        if let maxUnavailable = budget.maxUnavailable { return scaled(maxUnavailable) }
        if let minAvailable = budget.minAvailable { return scaled(minAvailable).map { healthy - $0 } }
        return nil
    }
}
