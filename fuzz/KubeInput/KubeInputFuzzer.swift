import NodePlanKube
import NodePlanModel

/// libFuzzer entry point: the input is one file of `kubectl get -o yaml|json` output. Reading and
/// building a snapshot must either succeed or fail with an `InputError` that gives a reason.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKubeInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var builder = SnapshotBuilder(cluster: Cluster(region: "eastus"))
    do {
        try builder.add(bytes: bytes, file: "fuzz.yaml")
        _ = try builder.build()
    } catch {
        precondition(!error.reason.isEmpty, "an input error must give a reason")
    }
    return 0
}
