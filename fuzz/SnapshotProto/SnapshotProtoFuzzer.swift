import NodePlanModel
import NodePlanWire
import SwiftProtobuf

/// libFuzzer entry point: the input is the protobuf of a `ValidateRequest` (a snapshot and a plan), the
/// largest message a client sends. Decoding into the model must either succeed or fail with a field path
/// and a reason; whatever decodes must come back unchanged through `proto` (which catches values the
/// validation lets through but the model cannot hold, such as NaN).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshotProto(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let request = try? Nodeplan_V1_ValidateRequest(serializedBytes: bytes) else { return 0 }
    do {
        let snapshot = try Snapshot(proto: request.snapshot)
        precondition((try? Snapshot(proto: snapshot.proto)) == snapshot, "snapshot changed in a proto round trip")
        let plan = try Plan(proto: request.plan, podCount: snapshot.pods.count)
        precondition((try? Plan(proto: plan.proto, podCount: snapshot.pods.count)) == plan, "plan changed in a proto round trip")
    } catch {
        precondition(!error.reason.isEmpty, "a decoding error must give a reason")
    }
    return 0
}
