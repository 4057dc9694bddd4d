import NodePlanModel

extension Node {
    /// What the node costs per hour: its own price when the snapshot knows it, else the price of its
    /// offering (instance type, zone, capacity type) among `types` — kubectl dumps carry no prices.
    func hourlyPrice(among types: [InstanceType]) -> Double? {
        if let price { return price }
        guard let capacityType = labels[WellKnownLabel.capacityType].flatMap(CapacityType.init(rawValue:)),
              let zone = labels[WellKnownLabel.zone],
              let type = types.first(where: { $0.name == instanceType }) else { return nil }
        return type.offerings.first { $0.zone == zone && $0.capacityType == capacityType }?.price
    }
}

extension Snapshot {
    /// The hourly cost of the existing nodes, each priced by `Node.hourlyPrice(among:)` with its
    /// pool's instance types (a pool missing from `instanceTypes` uses `self.instanceTypes`).
    func existingNodeCost(instanceTypes: [String: [InstanceType]]?) -> Double {
        nodes.reduce(0) { $0 + ($1.hourlyPrice(among: instanceTypes?[$1.nodePool] ?? self.instanceTypes) ?? 0) }
    }
}
