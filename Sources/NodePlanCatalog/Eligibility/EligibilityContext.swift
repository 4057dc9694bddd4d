import NodePlanModel

/// What the filters look at besides the size itself: the region and the NodeClass.
public struct EligibilityContext: Sendable {
    public var region: String
    /// Zone and restriction facts of the region, by SKU name.
    public var regionFacts: [String: SKURegionFacts]
    public var nodeClass: AKSNodeClass
    /// Operating system name the supported-GPU list uses for the NodeClass's image.
    public var gpuOperatingSystem: String

    public init(region: String, regionFacts: [String: SKURegionFacts] = [:], nodeClass: AKSNodeClass = AKSNodeClass(),
                kubernetesVersion: String = "1.33") {
        self.region = region
        self.regionFacts = regionFacts
        self.nodeClass = nodeClass
        self.gpuOperatingSystem = nodeClass.imageFamily.gpuOperatingSystem(kubernetesVersion: kubernetesVersion)
    }
}
