import NodePlanAgent

extension ObjectStore {
    /// `POST .../pods/<name>/binding`: sets `spec.nodeName`; 409 when the pod is already bound.
    public func bind(namespace: String, name: String, node: String) throws {
        try update(.pods, namespace: namespace, name: name) { pod in
            if let bound = pod[["spec", "nodeName"]]?.stringValue, !bound.isEmpty {
                throw KubeAPIError(code: 409, reason: "Conflict",
                                   message: "pod \(name) is already assigned to node \"\(bound)\"")
            }
            pod[["spec", "nodeName"]] = .string(node)
            pod[["status", "phase"]] = "Running"
            pod[["status", "conditions"]] = [
                ["type": "PodScheduled", "status": "True"], ["type": "Ready", "status": "True"],
            ]
        }
    }

    /// `POST .../pods/<name>/eviction`: deletes the pod unless a PodDisruptionBudget selecting it allows no
    /// disruption (429 TooManyRequests, as the API server answers); each budget's `disruptionsAllowed` is
    /// decremented in the same step so that concurrent evictions cannot overdraw it.
    public func evict(namespace: String, name: String) throws {
        try state.withLockedValue { state in
            let podKey = Self.key(.pods, namespace, name)
            guard let pod = state.objects[.pods]?[podKey] else { throw KubeAPIError.notFound("pods \"\(name)\"") }
            let budgets = (state.objects[.podDisruptionBudgets] ?? [:]).filter { _, budget in
                budget.namespace == pod.namespace && selectorMatches(budget[["spec", "selector"]], labels: pod.labels)
            }
            if !pod.isDeleting {
                for (_, budget) in budgets where (budget[["status", "disruptionsAllowed"]]?.numberValue ?? 0) < 1 {
                    throw KubeAPIError(code: 429, reason: "TooManyRequests",
                                       message: "Cannot evict pod as it would violate the pod's disruption budget \(budget.name).")
                }
                for (key, var budget) in budgets {
                    let allowed = budget[["status", "disruptionsAllowed"]]?.numberValue ?? 0
                    budget[["status", "disruptionsAllowed"]] = .number(allowed - 1)
                    Self.commit(.podDisruptionBudgets, key: key, budget, type: .modified, in: &state)
                }
            }
            try Self.delete(.pods, key: podKey, in: &state)
        }
        signalChange()
    }

    /// Recomputes every PodDisruptionBudget's status from the pods, as the disruption controller does:
    /// healthy = bound, Running, not terminating; allowed = healthy − desired (never below zero).
    func refreshDisruptionBudgets() {
        let changed = state.withLockedValue { state -> Bool in
            var changed = false
            let pods = Array((state.objects[.pods] ?? [:]).values)
            for (key, budget) in state.objects[.podDisruptionBudgets] ?? [:] {
                let selected = pods.filter {
                    $0.namespace == budget.namespace && selectorMatches(budget[["spec", "selector"]], labels: $0.labels)
                        && !["Succeeded", "Failed"].contains($0[["status", "phase"]]?.stringValue ?? "")
                }
                let expected = selected.count
                let healthy = selected.filter {
                    !($0[["spec", "nodeName"]]?.stringValue ?? "").isEmpty && $0[["status", "phase"]]?.stringValue == "Running"
                        && !$0.isDeleting
                }.count
                let desired: Int
                if let minAvailable = budget[["spec", "minAvailable"]] {
                    desired = Self.scaled(minAvailable, of: expected, roundUp: true)
                } else if let maxUnavailable = budget[["spec", "maxUnavailable"]] {
                    desired = expected - Self.scaled(maxUnavailable, of: expected, roundUp: true)
                } else {
                    desired = expected
                }
                let status: JSONValue = [
                    "currentHealthy": .number(Double(healthy)), "desiredHealthy": .number(Double(desired)),
                    "expectedPods": .number(Double(expected)),
                    "disruptionsAllowed": .number(Double(max(0, healthy - desired))),
                ]
                if budget["status"] != status {
                    var updated = budget
                    updated["status"] = status
                    Self.commit(.podDisruptionBudgets, key: key, updated, type: .modified, in: &state)
                    changed = true
                }
            }
            return changed
        }
        if changed { signalChange() }
    }

    /// An int-or-percent field applied to `total`.
    private static func scaled(_ value: JSONValue, of total: Int, roundUp: Bool) -> Int {
        if let number = value.numberValue { return Int(number) }
        guard let text = value.stringValue, text.hasSuffix("%"), let percent = Double(text.dropLast()) else {
            return Int(value.stringValue ?? "") ?? 0
        }
        let exact = percent * Double(total) / 100
        return Int(roundUp ? exact.rounded(.up) : exact.rounded(.down))
    }
}
