import NodePlanModel

/// Renders a plan as the human-readable tables `nodeplan solve` prints.
public struct PlanTextReport: Sendable {
    public var summary: PlanSummary
    /// ANSI colours; the caller enables them only when writing to a terminal.
    public var colors: Bool

    public init(summary: PlanSummary, colors: Bool = false) {
        self.summary = summary
        self.colors = colors
    }

    public func render() -> String {
        var out = ""
        if summary.launchGroups.isEmpty {
            out += heading("Launches") + "none\n"
        } else {
            var table = TextTable(headers: ["POOL", "SKU", "ZONE", "CAPACITY", "NODES", "PODS", "$/HOUR", "$/MONTH", "CPU%", "MEM%"])
            for group in summary.launchGroups {
                table.append([
                    group.nodePool, group.instanceType, group.zone, group.capacityType.rawValue, "\(group.nodes)",
                    "\(group.pods)", Self.dollars(group.pricePerHour), Self.dollars(group.pricePerHour * PlanSummary.hoursPerMonth),
                    Self.percent(group.utilization[ResourceName.cpu]), Self.percent(group.utilization[ResourceName.memory]),
                ])
            }
            out += heading("Launches") + table.render()
        }
        if summary.podsOnExistingNodes > 0 {
            out += "\n\(summary.podsOnExistingNodes) pods fit on \(summary.existingNodesUsed) existing nodes.\n"
        }
        if !summary.terminations.isEmpty {
            var table = TextTable(headers: ["NODE", "REASON", "BATCH", "EVICTS", "WAITS FOR", "SAVES $/HOUR", "DISRUPTION"])
            for termination in summary.terminations {
                table.append([termination.node, termination.reason.rawValue, "\(termination.batch)",
                              "\(termination.evictedPods.count)", termination.waitFor.joined(separator: ",").ifEmpty("-"),
                              Self.dollars(termination.savingsPerHour), Self.disruption(termination.disruptionCost)])
            }
            out += "\n" + heading("Terminations") + table.render()
        }
        if !summary.unschedulable.isEmpty {
            out += "\n" + heading("Unschedulable", color: "31")
            for group in summary.unschedulable {
                let names = group.pods.prefix(5).joined(separator: ", ") + (group.pods.count > 5 ? ", …" : "")
                out += "\(group.pods.count) pods (\(names)): \(group.reason)\n"
            }
        }
        let cost = summary.cost
        out += "\n" + heading("Cost")
        out += "before \(Self.dollars(cost.before))/h, after \(Self.dollars(cost.after))/h"
        out += " (\(Self.dollars(cost.after * PlanSummary.hoursPerMonth))/month)"
        if cost.lowerBound > 0 {
            out += ", lower bound \(Self.dollars(cost.lowerBound))/h, gap \(Self.fixed(cost.gapPercent, digits: 1))%"
        }
        return out + "\n"
    }

    private func heading(_ text: String, color: String = "1") -> String {
        colors ? "\u{1B}[\(color)m\(text)\u{1B}[0m\n" : "\(text)\n"
    }

    static func dollars(_ value: Double) -> String { "$" + fixed(value, digits: value < 10 ? 4 : 2) }

    /// A termination's disruption cost (summed pod eviction costs), to two decimals.
    static func disruption(_ value: Double) -> String { fixed(value, digits: 2) }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return fixed(value * 100, digits: 0)
    }

    /// Fixed-point formatting without Foundation, so output is identical on every platform.
    public static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        return "\(sign)\(whole)." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}

extension String {
    fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
