import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct ImageFamilyOperatingSystemTests {
    @Test func osSKU() {
        #expect(ImageFamily.ubuntu2404.osSKU == "Ubuntu")
        #expect(ImageFamily.azureLinux.osSKU == "AzureLinux")
    }

    @Test func azureLinuxVersionFollowsKubernetes() {
        #expect(ImageFamily.azureLinux.gpuOperatingSystem(kubernetesVersion: "1.31.4") == "azurelinux")
        #expect(ImageFamily.azureLinux.gpuOperatingSystem(kubernetesVersion: "1.32") == "azurelinux3")
        #expect(ImageFamily.azureLinux.gpuOperatingSystem(kubernetesVersion: "v1.33.1") == "azurelinux3")
        #expect(ImageFamily.ubuntu.gpuOperatingSystem(kubernetesVersion: "1.30") == "ubuntu")
    }
}
