import NodePlanModel

/// One kind of new node as the cost bound sees it: an instance type of one NodePool, with the
/// room its DaemonSet group leaves for pods. Offerings (zone, capacity type, price) are told
/// apart per pod class, since which of them a pod admits depends on its requirements.
struct NodeSlot {
    /// Index into the scheduler's templates.
    var template: Int
    /// Index into the template's options.
    var option: Int
    /// Allocatable minus the DaemonSet overhead of the option's group: what the pods of one
    /// node share (negative where the overhead does not fit, so nothing fits).
    var room: ResourceVector
    /// Host ports the option's DaemonSets hold.
    var daemonSetPorts: HostPortUsage

    /// Every option of every template, in template then option order.
    static func all(of templates: [NodeClaimTemplate]) -> [NodeSlot] {
        var slots: [NodeSlot] = []
        for (templateIndex, template) in templates.enumerated() {
            for (optionIndex, option) in template.options.enumerated() {
                let group = template.daemonSetGroups.group(ofOption: optionIndex)
                var room = option.allocatable
                room -= group.overhead
                slots.append(NodeSlot(template: templateIndex, option: optionIndex, room: room,
                                      daemonSetPorts: group.hostPorts))
            }
        }
        return slots
    }
}
