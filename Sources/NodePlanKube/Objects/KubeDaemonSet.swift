/// A decoded `apps/v1` DaemonSet.
struct KubeDaemonSet: Hashable, Sendable {
    var meta: ObjectMeta
    var template: PodTemplate
}
