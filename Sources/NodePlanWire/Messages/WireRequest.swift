import NodePlanModel
import SwiftProtobuf

/// A method call with its decoded, validated argument: what a client sends and a server serves.
public enum WireRequest: Hashable, Sendable {
    /// Provisioning only.
    case solve(Snapshot)
    /// Consolidation only.
    case consolidate(Snapshot)
    /// Provisioning, then consolidation.
    case plan(Snapshot)
    /// Check `Plan` against the snapshot it answers.
    case validate(Snapshot, Plan)
    case health
    case serverInfo

    public var method: RPCMethod {
        switch self {
        case .solve: .solve
        case .consolidate: .consolidate
        case .plan: .plan
        case .validate: .validate
        case .health: .health
        case .serverInfo: .serverInfo
        }
    }

    /// The `REQUEST` frame that calls this method on `streamID`.
    public func frame(streamID: UInt32, deadlineMilliseconds: UInt32 = 0,
                      compression: PayloadCompression = PayloadCompression()) throws(WireError) -> Frame {
        func frame(_ message: some SwiftProtobuf.Message) throws(WireError) -> Frame {
            try Frame(type: .request, flags: .endStream, method: method, streamID: streamID,
                      deadlineMilliseconds: deadlineMilliseconds, message: message, compression: compression)
        }
        switch self {
        case .solve(let snapshot):
            return try frame(Nodeplan_V1_SolveRequest.with { $0.snapshot = snapshot.proto })
        case .consolidate(let snapshot):
            return try frame(Nodeplan_V1_ConsolidateRequest.with { $0.snapshot = snapshot.proto })
        case .plan(let snapshot):
            return try frame(Nodeplan_V1_PlanRequest.with { $0.snapshot = snapshot.proto })
        case .validate(let snapshot, let plan):
            return try frame(Nodeplan_V1_ValidateRequest.with {
                $0.snapshot = snapshot.proto
                $0.plan = plan.proto
            })
        case .health:
            return try frame(Nodeplan_V1_HealthRequest())
        case .serverInfo:
            return try frame(Nodeplan_V1_ServerInfoRequest())
        }
    }

    /// Decodes and validates the request in a `REQUEST` frame. Errors are `INVALID_ARGUMENT` with
    /// the offending field's path (`snapshot.pods[3].spec`), or `RESOURCE_EXHAUSTED` for a payload
    /// that decompresses past `maxDecompressedBytes`.
    public init(frame: Frame, maxDecompressedBytes: Int = FrameLimits.default.maxDecompressedBytes) throws(WireError) {
        guard frame.type == .request, let method = frame.method else {
            throw WireError(.invalidArgument, "\(frame.type) frame is not a request")
        }
        func message<M: SwiftProtobuf.Message>(_ type: M.Type) throws(WireError) -> M {
            try frame.message(as: type, maxDecompressedBytes: maxDecompressedBytes)
        }
        switch method {
        case .solve: self = .solve(try decodeSnapshot(message(Nodeplan_V1_SolveRequest.self)))
        case .consolidate: self = .consolidate(try decodeSnapshot(message(Nodeplan_V1_ConsolidateRequest.self)))
        case .plan: self = .plan(try decodeSnapshot(message(Nodeplan_V1_PlanRequest.self)))
        case .validate:
            let request = try message(Nodeplan_V1_ValidateRequest.self)
            let snapshot = try decodeSnapshot(request)
            guard request.hasPlan else { throw WireError(.invalidArgument, "is required", fieldPath: "plan") }
            do {
                self = .validate(snapshot, try Plan(proto: request.plan, podCount: snapshot.pods.count))
            } catch {
                throw WireError(error, under: "plan")
            }
        case .health:
            _ = try message(Nodeplan_V1_HealthRequest.self)
            self = .health
        case .serverInfo:
            _ = try message(Nodeplan_V1_ServerInfoRequest.self)
            self = .serverInfo
        }
    }
}

/// Requests that carry a snapshot.
protocol SnapshotRequest {
    var snapshot: Nodeplan_V1_Snapshot { get }
    var hasSnapshot: Bool { get }
}

extension Nodeplan_V1_SolveRequest: SnapshotRequest {}
extension Nodeplan_V1_ConsolidateRequest: SnapshotRequest {}
extension Nodeplan_V1_PlanRequest: SnapshotRequest {}
extension Nodeplan_V1_ValidateRequest: SnapshotRequest {}

private func decodeSnapshot(_ request: some SnapshotRequest) throws(WireError) -> Snapshot {
    guard request.hasSnapshot else { throw WireError(.invalidArgument, "is required", fieldPath: "snapshot") }
    do { return try Snapshot(proto: request.snapshot) } catch { throw WireError(error, under: "snapshot") }
}
