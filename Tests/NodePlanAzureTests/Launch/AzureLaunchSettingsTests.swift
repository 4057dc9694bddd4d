import NodePlanAzure
import Testing

@Suite("Launch settings from the environment")
struct AzureLaunchSettingsTests {
    @Test("Operator variables fill the settings; a missing one is named")
    func fromEnvironment() throws {
        let settings = try AzureLaunchSettings.fromEnvironment([
            "ARM_SUBSCRIPTION_ID": "sub", "AZURE_NODE_RESOURCE_GROUP": "MC_rg", "LOCATION": "westus2",
            "CLUSTER_NAME": "prod", "VNET_SUBNET_ID": "/subscriptions/sub/x/subnets/y",
            "NODE_IDENTITIES": "/id/one, /id/two", "KUBERNETES_VERSION": "1.34"])
        #expect(settings.subscriptionID == "sub")
        #expect(settings.resourceGroup == "MC_rg" && settings.location == "westus2" && settings.clusterName == "prod")
        #expect(settings.defaultSubnetID == "/subscriptions/sub/x/subnets/y")
        #expect(settings.nodeIdentities == ["/id/one", "/id/two"])
        #expect(settings.kubernetesVersion == "1.34")
        #expect(settings.providerID(ofVirtualMachine: "aks-a") ==
            "azure:///subscriptions/sub/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachines/aks-a")
        #expect(throws: AzureLaunchError.invalidRequest(field: "CLUSTER_NAME", reason: "not set")) {
            try AzureLaunchSettings.fromEnvironment(["AZURE_SUBSCRIPTION_ID": "s", "AZURE_NODE_RESOURCE_GROUP": "g",
                                                     "LOCATION": "eastus"])
        }
    }
}
