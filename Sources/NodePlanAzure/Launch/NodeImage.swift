import NodePlanModel

/// The AKS node image for an AKSNodeClass and a VM size, from the AKS community galleries.
///
/// Ubuntu is 22.04 before Kubernetes 1.34 and 24.04 from it (unless the NodeClass names a release);
/// Azure Linux is version 2 before 1.32 and 3 from it. arm64 sizes take the arm64 image, sizes
/// without Hyper-V generation 2 the generation-1 image.
public struct NodeImage: Hashable, Sendable {
    public static let ubuntuGallery = "AKSUbuntu-38d80f77-467a-481f-a8d4-09b6d4220bd2"
    public static let azureLinuxGallery = "AKSAzureLinux-f7c7cda5-1c9a-4bdc-a222-9614c968580b"

    public var gallery: String
    /// Image definition, e.g. `2204gen2containerd`, `V3gen2arm64`.
    public var definition: String
    public var version: String

    public init(family: ImageFamily, kubernetesVersion: String, architecture: String, hyperVGeneration2: Bool,
                version: String) {
        let arm64 = architecture == "arm64"
        let generation = arm64 ? "gen2arm64" : hyperVGeneration2 ? "gen2" : ""
        switch family {
        case .azureLinux:
            let release = Self.minor(kubernetesVersion) >= 32 ? "V3" : "V2"
            gallery = Self.azureLinuxGallery
            definition = release + generation
        case .ubuntu, .ubuntu2204, .ubuntu2404:
            let release = family == .ubuntu2404 || (family == .ubuntu && Self.minor(kubernetesVersion) >= 34) ? "2404" : "2204"
            gallery = Self.ubuntuGallery
            definition = release + generation + "containerd"
        }
        self.version = version
    }

    /// `storageProfile.imageReference.communityGalleryImageId`.
    public var communityGalleryImageID: String {
        "/CommunityGalleries/\(gallery)/images/\(definition)/versions/\(version)"
    }

    /// Minor version of `1.<minor>[.patch]`; 0 when it does not parse.
    private static func minor(_ version: String) -> Int {
        let parts = version.split(separator: ".")
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }
}
