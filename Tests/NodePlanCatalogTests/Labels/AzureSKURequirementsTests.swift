import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct AzureSKURequirementsTests {
    func labels(_ name: String, imageFamily: ImageFamily = .ubuntu) throws -> [String: [String]] {
        let sku = try #require(try AzureCatalog.builtIn().sku(named: name))
        let requirements = sku.requirements(region: "eastus", imageFamily: imageFamily)
        #expect(requirements.allSatisfy { $0.operator == .in })
        #expect(requirements.map(\.key) == requirements.map(\.key).sorted())
        return Dictionary(uniqueKeysWithValues: requirements.map { ($0.key, $0.values) })
    }

    @Test func generalPurposeSize() throws {
        let labels = try labels("Standard_D4s_v5")
        #expect(labels == [
            WellKnownLabel.instanceType: ["Standard_D4s_v5"],
            WellKnownLabel.arch: ["amd64"],
            WellKnownLabel.os: ["linux"],
            WellKnownLabel.region: ["eastus"],
            WellKnownLabel.azureSKUName: ["Standard_D4s_v5"],
            WellKnownLabel.azureSKUFamily: ["D"],
            WellKnownLabel.azureSKUSeries: ["Ds_v5"],
            WellKnownLabel.azureSKUVersion: ["5"],
            WellKnownLabel.azureSKUCPU: ["4"],
            WellKnownLabel.azureSKUMemory: ["16384"],
            WellKnownLabel.aksSKUCPU: ["4"],
            WellKnownLabel.aksSKUMemory: ["16384"],
            WellKnownLabel.azureSKUAcceleratedNetworking: ["true"],
            WellKnownLabel.azureSKUPremiumStorage: ["true"],
            WellKnownLabel.azureSKUGPUCount: ["0"],
            WellKnownLabel.aksOSSKU: ["Ubuntu"],
            AzureLabel.hyperVGeneration: ["1", "2"],
        ])
    }

    @Test func arm64Size() throws {
        let labels = try labels("Standard_D2pls_v5", imageFamily: .azureLinux)
        #expect(labels[WellKnownLabel.arch] == ["arm64"])
        #expect(labels[WellKnownLabel.azureSKUSeries] == ["Dpls_v5"])
        #expect(labels[WellKnownLabel.azureSKUMemory] == ["4096"])
        #expect(labels[WellKnownLabel.azureSKUCPU] == ["2"])
        #expect(labels[WellKnownLabel.aksOSSKU] == ["AzureLinux"])
        #expect(labels[AzureLabel.hyperVGeneration] == ["2"])
    }

    @Test func gpuSize() throws {
        let labels = try labels("Standard_NC24ads_A100_v4")
        #expect(labels[WellKnownLabel.azureSKUFamily] == ["N"])
        #expect(labels[WellKnownLabel.azureSKUSeries] == ["NCads_v4"])
        #expect(labels[WellKnownLabel.azureSKUVersion] == ["4"])
        #expect(labels[WellKnownLabel.azureSKUCPU] == ["24"])
        #expect(labels[WellKnownLabel.azureSKUMemory] == ["225280"])
        #expect(labels[WellKnownLabel.azureSKUGPUName] == ["A100"])
        #expect(labels[WellKnownLabel.azureSKUGPUManufacturer] == ["nvidia"])
        #expect(labels[WellKnownLabel.azureSKUGPUCount] == ["1"])
        #expect(labels[WellKnownLabel.azureSKUEphemeralOSMaxSize] == ["274"])
        #expect(labels[AzureLabel.hyperVGeneration] == ["2"])
    }

    @Test func unsupportedGPUCountsZeroAndHasNoGPULabels() throws {
        let labels = try labels("Standard_NV12s_v2")
        #expect(labels[WellKnownLabel.azureSKUGPUCount] == ["0"])
        #expect(labels[WellKnownLabel.azureSKUGPUManufacturer] == nil)
    }
}
