import NodePlanModel

/// Resolves pod priorities the way the Priority admission plugin does: an explicit
/// `spec.priority` wins; otherwise the named PriorityClass's value; otherwise the
/// `globalDefault` class; otherwise zero.
struct PriorityResolver {
    /// Classes every cluster has, used when the input does not define them.
    static let builtInClasses = [
        PriorityClass(name: "system-cluster-critical", value: 2_000_000_000),
        PriorityClass(name: "system-node-critical", value: 2_000_001_000),
    ]

    private var classes: [String: PriorityClass] = [:]
    private var globalDefault: PriorityClass?

    init(classes: [(PriorityClass, ObjectOrigin)]) throws(InputError) {
        for builtIn in PriorityResolver.builtInClasses { self.classes[builtIn.name] = builtIn }
        for (priorityClass, origin) in classes {
            self.classes[priorityClass.name] = priorityClass
            guard priorityClass.globalDefault else { continue }
            if let existing = globalDefault {
                throw origin.error(fieldPath: "globalDefault",
                                   "only one PriorityClass may be the global default; \"\(existing.name)\" already is")
            }
            globalDefault = priorityClass
        }
    }

    /// Fills in `spec.priority`, `priorityClassName` and `preemptionPolicy` from `template`.
    /// `specPath` is the template's pod spec path, for errors (`spec` or `spec.template.spec`).
    func resolve(_ template: PodTemplate, into spec: inout PodSpec, origin: ObjectOrigin,
                 specPath: String) throws(InputError) {
        var priorityClass: PriorityClass?
        if let name = template.priorityClassName, !name.isEmpty {
            priorityClass = classes[name]
            if priorityClass == nil, template.priority == nil {
                throw origin.error(fieldPath: specPath + ".priorityClassName",
                                   "PriorityClass \"\(name)\" not found; include it in the input")
            }
            spec.priorityClassName = name
        } else if template.priority == nil, let globalDefault {
            priorityClass = globalDefault
            spec.priorityClassName = globalDefault.name
        }
        spec.priority = template.priority ?? priorityClass?.value ?? 0
        spec.preemptionPolicy = template.preemptionPolicy ?? priorityClass?.preemptionPolicy
            ?? PreemptionPolicy.preemptLowerPriority.rawValue
    }
}
