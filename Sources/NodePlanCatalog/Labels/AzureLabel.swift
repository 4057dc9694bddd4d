/// Azure provider labels the catalog publishes that `WellKnownLabel` does not name.
public enum AzureLabel {
    /// Hyper-V generations the size supports (`1`, `2`); Karpenter matches images against it.
    public static let hyperVGeneration = "karpenter.azure.com/sku-hyperv-generation"
}
