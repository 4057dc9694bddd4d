/// Names of the resources the solver knows by heart; any other string is an extended resource.
public enum ResourceName {
    public static let cpu = "cpu"
    public static let memory = "memory"
    public static let pods = "pods"
    public static let ephemeralStorage = "ephemeral-storage"
    public static let nvidiaGPU = "nvidia.com/gpu"
    public static let amdGPU = "amd.com/gpu"
    /// NodePool limits may cap the number of nodes; instance capacity never carries it.
    public static let nodes = "nodes"
}
