import NodePlanModel

/// A self-contained HTML page for a plan: totals, launches, a packing picture (each node a pair of
/// bars showing CPU and memory filled by its pods), terminations and unplaced pods with reasons.
public struct PlanHTMLReport: Sendable {
    public var title: String
    public var summary: PlanSummary
    public var fills: [NodeFill]
    public var unschedulableDetails: [(pod: String, reason: String, details: [String])]
    /// Nodes drawn at most; the page says how many were left out.
    public var maxNodesDrawn = 400

    public init(title: String, snapshot: Snapshot, plan: Plan, instanceTypes: [String: [InstanceType]] = [:]) {
        self.title = title
        summary = PlanSummary(snapshot: snapshot, plan: plan, instanceTypes: instanceTypes)
        fills = NodeFill.fills(snapshot: snapshot, plan: plan, instanceTypes: instanceTypes)
        unschedulableDetails = plan.unschedulable.map {
            (snapshot.pods[Int($0.pod)].name, $0.reason, $0.details)
        }
    }

    public func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:24px;color:#1d2330}
        table{border-collapse:collapse;margin:8px 0 20px}td,th{padding:3px 10px;border-bottom:1px solid #dde;text-align:left}
        td.n{text-align:right}.cost{font-size:1.2em}
        .node{display:inline-block;margin:4px;padding:6px 4px 4px;vertical-align:top;border:1px solid #dde;border-radius:6px;width:140px;text-align:center}
        .node.new{border-color:#2e9b57;background:#f3fbf6}.node .label{font-size:11px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
        .node .kind{color:#667}.node.new .kind{color:#2e9b57;font-weight:600}
        svg.fill rect.capacity{fill:#eef0f6;stroke:#99a}svg.fill text{font-size:10px;fill:#556;text-anchor:middle}
        .hint{color:#556;font-size:13px}
        .legend span{display:inline-block;margin-right:12px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
        .bad{color:#b00020}
        </style></head><body>
        <h1>\(escape(title))</h1>

        """
        let cost = summary.cost
        html += "<p class=\"cost\" id=\"cost\">Cost before <b>\(PlanTextReport.dollars(cost.before))/h</b>, after <b>\(PlanTextReport.dollars(cost.after))/h</b>"
        if cost.lowerBound > 0 {
            html += ", lower bound \(PlanTextReport.dollars(cost.lowerBound))/h (gap \(PlanTextReport.fixed(cost.gapPercent, digits: 1))%)"
        }
        html += "</p>\n"
        html += launchTable()
        html += packingPicture()
        html += terminationTable()
        html += unschedulableList()
        return html + "</body></html>\n"
    }

    private func launchTable() -> String {
        var html = "<h2>Launches</h2>\n"
        guard !summary.launchGroups.isEmpty else { return html + "<p>No new nodes.</p>\n" }
        html += "<table id=\"launches\"><tr><th>Pool</th><th>SKU</th><th>Zone</th><th>Capacity</th><th>Nodes</th><th>Pods</th><th>$/hour</th><th>CPU</th><th>Memory</th></tr>\n"
        for group in summary.launchGroups {
            html += "<tr><td>\(escape(group.nodePool))</td><td>\(escape(group.instanceType))</td><td>\(escape(group.zone))</td>"
            html += "<td>\(group.capacityType.rawValue)</td><td class=\"n\">\(group.nodes)</td><td class=\"n\">\(group.pods)</td>"
            html += "<td class=\"n\">\(PlanTextReport.dollars(group.pricePerHour))</td>"
            html += "<td class=\"n\">\(PlanTextReport.percent(group.utilization[ResourceName.cpu]))%</td>"
            html += "<td class=\"n\">\(PlanTextReport.percent(group.utilization[ResourceName.memory]))%</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func packingPicture() -> String {
        var html = "<h2>Packing</h2>\n"
        guard !fills.isEmpty else { return html + "<p>No nodes hold pods.</p>\n" }
        let workloads = Array(Set(fills.flatMap { $0.segments.map(\.workload) })).sorted()
        let colors = Dictionary(uniqueKeysWithValues: workloads.enumerated().map { ($1, Self.color($0)) })
        html += "<p class=\"hint\">Each node is a pair of bars: CPU (left) and memory (right) of its allocatable, "
            + "filled by the requests of its pods, coloured by workload. New nodes are outlined in green.</p>\n"
        html += "<div class=\"legend\">" + workloads.prefix(40).map {
            "<span><i style=\"background:\(colors[$0]!)\"></i>\(escape($0))</span>"
        }.joined() + "</div>\n<div id=\"packing\">\n"
        let barHeight = 100.0
        for fill in fills.prefix(maxNodesDrawn) {
            let cpu = fill.fraction(ResourceName.cpu)
            let memory = fill.fraction(ResourceName.memory)
            html += "<div class=\"node \(fill.kind)\"><svg class=\"fill\" width=\"52\" height=\"\(Int(barHeight) + 16)\" "
            html += "data-node=\"\(escape(fill.name))\" data-cpu=\"\(PlanTextReport.fixed(cpu, digits: 3))\" "
            html += "data-memory=\"\(PlanTextReport.fixed(memory, digits: 3))\">"
            for (column, resource) in [ResourceName.cpu, ResourceName.memory].enumerated() {
                let x = 4 + column * 24
                html += "<rect class=\"capacity\" x=\"\(x)\" y=\"1\" width=\"20\" height=\"\(Int(barHeight))\"/>"
                var top = barHeight + 1
                for segment in fill.segments {
                    let height = min(barHeight, fill.fraction(resource, of: segment) * barHeight)
                    top -= height
                    html += "<rect class=\"\(resource == ResourceName.cpu ? "cpu" : "memory")\" x=\"\(x)\" y=\"\(PlanTextReport.fixed(top, digits: 1))\" width=\"20\" height=\"\(PlanTextReport.fixed(height, digits: 1))\" fill=\"\(colors[segment.workload]!)\"><title>\(escape(segment.workload)): \(segment.pods) pods</title></rect>"
                }
                html += "<text x=\"\(x + 10)\" y=\"\(Int(barHeight) + 13)\">\(column == 0 ? "cpu" : "mem")</text>"
            }
            html += "</svg><div class=\"label\" title=\"\(escape(fill.name))\"><b>\(escape(fill.instanceType))</b><br>"
            html += "<span class=\"kind\">\(fill.kind)</span><br>cpu \(PlanTextReport.percent(cpu))% · mem \(PlanTextReport.percent(memory))%</div></div>\n"
        }
        html += "</div>\n"
        if fills.count > maxNodesDrawn { html += "<p>\(fills.count - maxNodesDrawn) more nodes not drawn.</p>\n" }
        return html
    }

    private func terminationTable() -> String {
        guard !summary.terminations.isEmpty else { return "" }
        var html = "<h2>Terminations</h2>\n<table id=\"terminations\"><tr><th>Node</th><th>Reason</th><th>Batch</th><th>Evicts</th><th>Waits for</th><th>Saves $/hour</th></tr>\n"
        for termination in summary.terminations {
            html += "<tr><td>\(escape(termination.node))</td><td>\(termination.reason.rawValue)</td><td class=\"n\">\(termination.batch)</td>"
            html += "<td class=\"n\">\(termination.evictedPods.count)</td><td>\(escape(termination.waitFor.joined(separator: ", ")))</td>"
            html += "<td class=\"n\">\(PlanTextReport.dollars(termination.savingsPerHour))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func unschedulableList() -> String {
        guard !unschedulableDetails.isEmpty else { return "" }
        var html = "<h2 class=\"bad\">Unschedulable pods</h2>\n<ul id=\"unschedulable\">\n"
        for entry in unschedulableDetails.prefix(500) {
            html += "<li><b>\(escape(entry.pod))</b>: \(escape(entry.reason))"
            if !entry.details.isEmpty {
                html += "<ul>" + entry.details.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    /// Distinct, stable colours around the hue circle (golden-angle steps).
    static func color(_ index: Int) -> String {
        let hue = (index * 137) % 360
        return "hsl(\(hue),55%,55%)"
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
