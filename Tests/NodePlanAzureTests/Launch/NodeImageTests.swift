import NodePlanAzure
import NodePlanModel
import Testing

@Suite("Node image selection")
struct NodeImageTests {
    @Test("Image definition follows family, Kubernetes version, architecture and Hyper-V generation", arguments: [
        (ImageFamily.ubuntu, "1.33", "amd64", true, "AKSUbuntu-38d80f77-467a-481f-a8d4-09b6d4220bd2", "2204gen2containerd"),
        (.ubuntu, "1.34", "amd64", true, "AKSUbuntu-38d80f77-467a-481f-a8d4-09b6d4220bd2", "2404gen2containerd"),
        (.ubuntu2204, "1.35", "arm64", true, "AKSUbuntu-38d80f77-467a-481f-a8d4-09b6d4220bd2", "2204gen2arm64containerd"),
        (.ubuntu2404, "1.30", "amd64", false, "AKSUbuntu-38d80f77-467a-481f-a8d4-09b6d4220bd2", "2404containerd"),
        (.azureLinux, "1.31", "amd64", true, "AKSAzureLinux-f7c7cda5-1c9a-4bdc-a222-9614c968580b", "V2gen2"),
        (.azureLinux, "1.32", "arm64", true, "AKSAzureLinux-f7c7cda5-1c9a-4bdc-a222-9614c968580b", "V3gen2arm64"),
        (.azureLinux, "1.33", "amd64", false, "AKSAzureLinux-f7c7cda5-1c9a-4bdc-a222-9614c968580b", "V3"),
    ])
    func definitions(family: ImageFamily, version: String, architecture: String, generation2: Bool, gallery: String,
                     definition: String) {
        let image = NodeImage(family: family, kubernetesVersion: version, architecture: architecture,
                              hyperVGeneration2: generation2, version: "202611.20.0")
        #expect(image.gallery == gallery)
        #expect(image.definition == definition)
        #expect(image.communityGalleryImageID == "/CommunityGalleries/\(gallery)/images/\(definition)/versions/202611.20.0")
    }
}
