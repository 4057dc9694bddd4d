import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct SKUEligibilityTests {
    func violations(_ name: String, region: String = "eastus", nodeClass: AKSNodeClass = AKSNodeClass(),
                    kubernetesVersion: String = "1.33") throws -> [Ineligibility] {
        let catalog = try AzureCatalog.builtIn()
        let sku = try #require(catalog.sku(named: name))
        let context = EligibilityContext(region: region, regionFacts: catalog.facts(in: region), nodeClass: nodeClass,
                                         kubernetesVersion: kubernetesVersion)
        let found = SKUEligibility.violations(of: sku, in: context)
        #expect(SKUEligibility.isEligible(sku, in: context) == found.isEmpty)
        return found
    }

    @Test func ordinarySizesAreEligible() throws {
        #expect(try violations("Standard_D4s_v5").isEmpty)
        #expect(try violations("Standard_D2pls_v5").isEmpty)
        #expect(try violations("Standard_NC24ads_A100_v4").isEmpty)
    }

    @Test func restrictedSizes() throws {
        #expect(try violations("Standard_E64is_v3") == [.restricted(list: "karpenterRestrictedVMSKUs")])
        #expect(try violations("Standard_A1_v2").contains(.restricted(list: "AKSRestrictedVMSizes")))
    }

    @Test func minimumSize() throws {
        #expect(try violations("Standard_B1ls").contains(.tooFewVCPUs(1)))
        let small = AzureSKU(name: "Standard_X2", vCPUs: 2, memoryGiB: 3, family: "X", series: "X", version: "1")
        #expect(SKUEligibility.violations(of: small, in: EligibilityContext(region: "eastus"))
            == [.tooLittleMemory(gibibytes: 3)])
    }

    @Test func constrainedConfidentialAndUnknownMemory() throws {
        #expect(try violations("Standard_M8-2ms") == [.constrainedVCPU])
        #expect(try violations("Standard_DC8s_v3") == [.confidential])
        #expect(try violations("Standard_ND128isr_GB300_v6") == [.unknownMemory])
    }

    @Test func unsupportedGPUs() throws {
        #expect(try violations("Standard_NV12s_v2") == [.unsupportedGPU, .gpuImageUnsupported(operatingSystem: "ubuntu"),
                                                        .gpuDriverUnsupported])
    }

    @Test func locationRestriction() throws {
        let catalog = try AzureCatalog.builtIn()
        let a0 = try #require(catalog.sku(named: "Standard_A0"))
        let westcentral = EligibilityContext(region: "westcentralus", regionFacts: catalog.facts(in: "westcentralus"))
        #expect(LocationRestrictionRule().violation(by: a0, in: westcentral) == .locationRestricted(region: "westcentralus"))
        let eastus = EligibilityContext(region: "eastus", regionFacts: catalog.facts(in: "eastus"))
        #expect(LocationRestrictionRule().violation(by: a0, in: eastus) == nil)
    }

    @Test func gpuDriverModeNeedsSupportedNVIDIA() throws {
        #expect(try violations("Standard_ND96isr_MI300X_v5") == [.gpuDriverUnsupported])
        #expect(try violations("Standard_ND96isr_MI300X_v5", nodeClass: AKSNodeClass(gpuMode: .none)).isEmpty)
    }

    @Test func gpuMustSupportTheImage() throws {
        let azureLinux = AKSNodeClass(imageFamily: .azureLinux)
        #expect(try violations("Standard_NC24ads_A100_v4", nodeClass: azureLinux).isEmpty)
        #expect(try violations("Standard_NC24ads_A100_v4", nodeClass: azureLinux, kubernetesVersion: "1.31")
            == [.gpuImageUnsupported(operatingSystem: "azurelinux")])
        #expect(try violations("Standard_NC6s_v3", nodeClass: azureLinux, kubernetesVersion: "1.31").isEmpty)
    }

    @Test func encryptionAtHost() throws {
        let nodeClass = AKSNodeClass(encryptionAtHost: true)
        #expect(try violations("Standard_D2_v3", nodeClass: nodeClass) == [.encryptionAtHostUnsupported])
        #expect(try violations("Standard_D4s_v5", nodeClass: nodeClass).isEmpty)
    }

    @Test func localDNSNeedsFourVCPUs() throws {
        let nodeClass = AKSNodeClass(localDNS: true)
        #expect(try violations("Standard_D2s_v5", nodeClass: nodeClass) == [.localDNSNeedsFourVCPUs])
        #expect(try violations("Standard_D4s_v5", nodeClass: nodeClass).isEmpty)
    }

    @Test func artifactStreamingExcludesArm64() throws {
        let nodeClass = AKSNodeClass(artifactStreaming: true)
        #expect(try violations("Standard_D2pls_v5", nodeClass: nodeClass) == [.artifactStreamingExcludesArm64])
        #expect(try violations("Standard_D2s_v5", nodeClass: nodeClass).isEmpty)
    }

    @Test func trustedLaunch() throws {
        let nodeClass = AKSNodeClass(trustedLaunch: true)
        #expect(try violations("Standard_D2_v3", nodeClass: nodeClass) == [.trustedLaunchUnsupported])
        #expect(try violations("Standard_D2pls_v5", nodeClass: nodeClass) == [.trustedLaunchUnsupported])
        #expect(try violations("Standard_D2s_v5", nodeClass: nodeClass).isEmpty)
    }

    @Test func reasonsExplainThemselves() {
        #expect(Ineligibility.tooFewVCPUs(1).description == "1 vCPUs, fewer than the minimum of 2")
        #expect(Ineligibility.restricted(list: "AKSRestrictedVMSizes").description == "restricted by AKSRestrictedVMSizes")
    }
}
