import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct InstanceTypeResolverTests {
    let resolver: InstanceTypeResolver

    init() throws { resolver = try InstanceTypeResolver.builtIn() }

    func snapshot(catalog: CatalogSelection? = CatalogSelection(), nodeClasses: [AKSNodeClass] = [AKSNodeClass()],
                  pools: [NodePool] = [NodePool(name: "general")], instanceTypes: [InstanceType] = [],
                  cluster: Cluster = Cluster(region: "eastus")) -> Snapshot {
        Snapshot(cluster: cluster, instanceTypes: instanceTypes, catalog: catalog, nodePools: pools,
                 nodeClasses: nodeClasses)
    }

    func names(_ types: [InstanceType]?) -> [String] { (types ?? []).map(\.name) }

    @Test func catalogGivesEveryEligibleSizeSortedByName() throws {
        let types = try #require(try resolver.instanceTypes(for: snapshot())["general"])
        #expect(types.count > 700)
        #expect(names(types) == names(types).sorted())
        #expect(names(types).contains("Standard_D4s_v5"))
        #expect(!names(types).contains("Standard_DC8s_v3"))
        #expect(!names(types).contains("Standard_B1ls"))
        #expect(!names(types).contains("Standard_ND96isr_MI300X_v5"))
        let d4 = try #require(types.first { $0.name == "Standard_D4s_v5" })
        #expect(d4.allocatable[ResourceName.cpu] == .millis(3860))
        #expect(d4.capacity[ResourceName.pods] == .units(250))
        #expect(d4.offerings.count == 8)
    }

    @Test func eachPoolGetsItsNodeClassesFilters() throws {
        let pools = [NodePool(name: "arm", nodeClass: "plain"), NodePool(name: "streaming", nodeClass: "streaming"),
                     NodePool(name: "dns", nodeClass: "dns"), NodePool(name: "nogpu-driver", nodeClass: "none")]
        let classes = [AKSNodeClass(name: "plain"), AKSNodeClass(name: "streaming", artifactStreaming: true),
                       AKSNodeClass(name: "dns", localDNS: true), AKSNodeClass(name: "none", gpuMode: .none)]
        let result = try resolver.instanceTypes(for: snapshot(nodeClasses: classes, pools: pools))
        #expect(names(result["arm"]).contains("Standard_D2pls_v5"))
        #expect(!names(result["streaming"]).contains("Standard_D2pls_v5"))
        #expect(names(result["streaming"]).contains("Standard_D2s_v5"))
        #expect(!names(result["dns"]).contains("Standard_D2s_v5"))
        #expect(names(result["dns"]).contains("Standard_D4s_v5"))
        #expect(!names(result["arm"]).contains("Standard_ND96isr_MI300X_v5"))
        #expect(names(result["nogpu-driver"]).contains("Standard_ND96isr_MI300X_v5"))
    }

    @Test func nodeClassShapesCapacity() throws {
        let classes = [AKSNodeClass(name: "default", osDiskSizeGB: 64, maxPods: 40)]
        let types = try #require(try resolver.instanceTypes(for: snapshot(nodeClasses: classes))["general"])
        let d4 = try #require(types.first { $0.name == "Standard_D4s_v5" })
        #expect(d4.capacity[ResourceName.pods] == .units(40))
        #expect(d4.capacity[ResourceName.ephemeralStorage] == .units(64_000_000_000))
    }

    @Test func networkPluginDecidesDefaultMaxPods() throws {
        let cluster = Cluster(region: "eastus", networkPlugin: .azureNodeSubnet)
        let types = try #require(try resolver.instanceTypes(for: snapshot(cluster: cluster))["general"])
        #expect(types.allSatisfy { $0.capacity[ResourceName.pods] == .units(30) })
    }

    @Test func overheadModelIsTheSelections() throws {
        let selection = CatalogSelection(overheadModel: .aksMaxPods, instanceTypes: ["Standard_D2s_v5"])
        let types = try #require(try resolver.instanceTypes(for: snapshot(catalog: selection))["general"])
        #expect(types.map(\.overhead) == [ResourceList(cpu: .millis(100), memory: .mebibytes(2048 + 100))])
    }

    @Test func selectionRegionWinsOverTheClusters() throws {
        let selection = CatalogSelection(region: "westus", instanceTypes: ["Standard_D4s_v5"])
        let types = try #require(try resolver.instanceTypes(for: snapshot(catalog: selection))["general"])
        #expect(types.first?.offerings.map(\.zone) == ["0", "0"])
        #expect(types.first?.requirements.contains(.in(WellKnownLabel.region, "westus")) == true)
    }

    @Test func restrictionKeepsOnlyNamedEligibleSizes() throws {
        let selection = CatalogSelection(instanceTypes: ["Standard_D4s_v5", "Standard_D2s_v5", "Standard_DC8s_v3"])
        let types = try resolver.instanceTypes(for: snapshot(catalog: selection))["general"]
        #expect(names(types) == ["Standard_D2s_v5", "Standard_D4s_v5"])
    }

    @Test func overridesChangePriceAndAvailability() throws {
        let selection = CatalogSelection(instanceTypes: ["Standard_D4s_v5"], overrides: [
            OfferingOverride(instanceType: "Standard_D4s_v5", capacityType: .spot, price: 0.01),
            OfferingOverride(instanceType: "Standard_D4s_v5", zone: "eastus-1", available: false),
        ])
        let d4 = try #require(try resolver.instanceTypes(for: snapshot(catalog: selection))["general"]?.first)
        #expect(d4.offerings.filter { $0.capacityType == .spot }.allSatisfy { $0.price == 0.01 })
        #expect(d4.offerings.filter { $0.capacityType == .onDemand }.allSatisfy { $0.price == 0.192 })
        #expect(d4.offerings.filter { !$0.available }.map(\.zone) == ["eastus-1", "eastus-1"])
    }

    @Test func customSizesAreAddedAndReplaceCatalogSizes() throws {
        let custom = [
            InstanceType(name: "Custom_Big", capacity: ResourceList(cpu: .units(96)),
                         offerings: [Offering(zone: "eastus-1", capacityType: .onDemand, price: 1)]),
            InstanceType(name: "Standard_D4s_v5", capacity: ResourceList(cpu: .units(4)),
                         offerings: [Offering(zone: "eastus-1", capacityType: .onDemand, price: 0.5)]),
        ]
        let selection = CatalogSelection(instanceTypes: ["Standard_D4s_v5", "Standard_D2s_v5"])
        let types = try #require(try resolver.instanceTypes(for: snapshot(catalog: selection, instanceTypes: custom))["general"])
        #expect(names(types) == ["Custom_Big", "Standard_D2s_v5", "Standard_D4s_v5"])
        #expect(types[2] == custom[1])
    }

    @Test func withoutCatalogEveryPoolGetsTheExplicitSizes() throws {
        let custom = [InstanceType(name: "b", capacity: ResourceList(cpu: .units(2)), offerings: []),
                      InstanceType(name: "a", capacity: ResourceList(cpu: .units(2)), offerings: [])]
        let result = try resolver.instanceTypes(for: snapshot(catalog: nil, nodeClasses: [],
                                                              pools: [NodePool(name: "x"), NodePool(name: "y")],
                                                              instanceTypes: custom))
        #expect(result.keys.sorted() == ["x", "y"])
        #expect(names(result["x"]) == ["a", "b"] && names(result["y"]) == ["a", "b"])
    }

    @Test func missingNodeClassNamesPoolAndClass() {
        #expect(throws: CatalogError.missingNodeClass(nodePool: "general", nodeClass: "gpu")) {
            try resolver.instanceTypes(for: snapshot(pools: [NodePool(name: "general", nodeClass: "gpu")]))
        }
    }

    @Test func unknownRegionNamesTheField() {
        #expect(throws: CatalogError.unknownRegion("marsnorth", field: "cluster.region")) {
            try resolver.instanceTypes(for: snapshot(cluster: Cluster(region: "marsnorth")))
        }
        #expect(throws: CatalogError.unknownRegion("asia", field: "catalog.region")) {
            try resolver.instanceTypes(for: snapshot(catalog: CatalogSelection(region: "asia")))
        }
    }

    @Test func unknownSizesNameTheField() {
        #expect(throws: CatalogError.unknownInstanceType("Standard_Nope", field: "catalog.instanceTypes[1]")) {
            try resolver.instanceTypes(for: snapshot(catalog: CatalogSelection(instanceTypes: ["Standard_D4s_v5",
                                                                                              "Standard_Nope"])))
        }
        let override = OfferingOverride(instanceType: "Standard_Nope", price: 1)
        #expect(throws: CatalogError.unknownInstanceType("Standard_Nope", field: "catalog.overrides[0].instanceType")) {
            try resolver.instanceTypes(for: snapshot(catalog: CatalogSelection(overrides: [override])))
        }
    }

    @Test func errorsReadWell() {
        #expect(CatalogError.missingNodeClass(nodePool: "p", nodeClass: "c").description
            == "NodePool 'p' references AKSNodeClass 'c', which the snapshot does not contain")
        #expect(CatalogError.unknownRegion("x", field: "catalog.region").description
            == "catalog.region: unknown Azure region 'x'")
    }
}
