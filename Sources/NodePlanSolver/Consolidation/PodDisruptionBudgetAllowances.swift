import NodePlanModel

/// The disruptions each PodDisruptionBudget allows now, and which pods they block: Karpenter does
/// not evict a pod whose budget allows no disruption, nor a pod covered by more than one budget.
struct PodDisruptionBudgetAllowances {
    private var budgets: [(budget: PodDisruptionBudget, allowed: Int?)] = []

    init(_ snapshot: Snapshot) {
        guard !snapshot.podDisruptionBudgets.isEmpty else { return }
        var healthyBySpec = Array(repeating: 0, count: snapshot.podSpecs.count)
        for pod in snapshot.pods where pod.isBound && !pod.isTerminal && !pod.isTerminating {
            healthyBySpec[Int(pod.spec)] += 1
        }
        for budget in snapshot.podDisruptionBudgets {
            var healthy = 0
            for (index, spec) in snapshot.podSpecs.enumerated() where healthyBySpec[index] > 0
                && Self.covers(budget, spec) {
                healthy += healthyBySpec[index]
            }
            budgets.append((budget, budget.disruptionsAllowed.map(Int.init) ?? Self.derivedAllowance(budget, healthy: healthy)))
        }
    }

    /// Why a pod of shape `spec` may not be evicted, or nil when it may.
    func blockage(of spec: PodSpec) -> String? {
        let covering = budgets.filter { Self.covers($0.budget, spec) }
        if covering.count > 1 {
            return "pod is covered by \(covering.count) PodDisruptionBudgets ("
                + covering.map(\.budget.name).joined(separator: ", ") + ")"
        }
        if let only = covering.first, let allowed = only.allowed, allowed <= 0 {
            return "PodDisruptionBudget \(only.budget.name) allows no disruption"
        }
        return nil
    }

    private static func covers(_ budget: PodDisruptionBudget, _ spec: PodSpec) -> Bool {
        budget.namespace == spec.namespace && budget.selector.matches(spec.labels)
    }

    /// Disruptions allowed when every covered running pod is healthy (percentages round up, as the
    /// disruption controller does); nil when the budget sets neither field.
    private static func derivedAllowance(_ budget: PodDisruptionBudget, healthy: Int) -> Int? {
        func scaled(_ value: String) -> Int? {
            guard value.hasSuffix("%") else { return Int(value) }
            return Int(value.dropLast()).map { ($0 * healthy + 99) / 100 }
        }
        if let maxUnavailable = budget.maxUnavailable { return scaled(maxUnavailable) }
        if let minAvailable = budget.minAvailable { return scaled(minAvailable).map { healthy - $0 } }
        return nil
    }
}
