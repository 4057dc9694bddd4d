import NodePlanModel

/// A 64-bit FNV-1a digest of what a plan decides: launches (name, pool, choice, fallbacks,
/// requirements, sorted labels, pods, minValues relaxation), assignments and unplaced pods with
/// their reasons. Timings are left out; dictionaries are read in key order, so the digest does
/// not depend on a process's hash seed.
struct PlanDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(_ plan: Plan) { add(plan) }

    mutating func add(_ plan: Plan) {
        for launch in plan.launches {
            add("launch \(launch.name) \(launch.nodePool) \(option(launch.choice))")
            for fallback in launch.fallbacks { add("fallback \(option(fallback))") }
            for requirement in launch.requirements {
                add("requirement \(requirement.key) \(requirement.operator.rawValue) \(requirement.values) \(String(describing: requirement.minValues))")
            }
            for key in launch.labels.keys.sorted() { add("label \(key)=\(launch.labels[key]!)") }
            add("pods \(launch.pods) relaxed \(launch.minValuesRelaxed)")
        }
        for assignment in plan.assignments { add("assignment \(assignment.node) \(assignment.pods)") }
        for pod in plan.unschedulable { add("unschedulable \(pod.pod) \(pod.reason) \(pod.details)") }
    }

    private func option(_ option: LaunchOption) -> String {
        "\(option.instanceType)/\(option.zone)/\(option.capacityType.rawValue)/\(option.price)"
    }

    private mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        value ^= 0x0a
        value &*= 0x100_0000_01b3
    }
}
