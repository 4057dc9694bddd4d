import NodePlanModel

extension NodeLabels {
    /// The labels a launched node will carry, derived independently of the solver: the hostname
    /// (the launch name), the NodePool label, the instance type's single-valued requirements, the
    /// offering's instance type, zone and capacity type, the pool template's labels and
    /// single-valued requirements, and the launch's own single-valued requirements and labels
    /// (values its pods pinned).
    /// When sources disagree the first wins; `LaunchRule` reports the disagreement.
    init(launch: NodeLaunch, option: LaunchOption, pool: NodePool?, instanceType: InstanceType?) {
        self.init()
        set(WellKnownLabel.hostname, launch.name)
        set(WellKnownLabel.nodePool, launch.nodePool)
        if let instanceType { setSingleValued(instanceType.requirements) }
        set(WellKnownLabel.instanceType, option.instanceType)
        set(WellKnownLabel.zone, option.zone)
        set(WellKnownLabel.capacityType, option.capacityType.rawValue)
        if let pool {
            for (key, value) in pool.labels { set(key, value) }
            setSingleValued(pool.requirements)
        }
        setSingleValued(launch.requirements)
        for (key, value) in launch.labels { set(key, value) }
    }

    private mutating func setSingleValued(_ requirements: [NodeSelectorRequirement]) {
        for requirement in requirements where requirement.operator == .in && requirement.values.count == 1 {
            set(requirement.key, requirement.values[0])
        }
    }

    private mutating func set(_ key: String, _ value: String) {
        let key = WellKnownLabel.normalized[key] ?? key
        if values[key] == nil { values[key] = value }
    }
}
