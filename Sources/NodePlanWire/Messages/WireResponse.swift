import NodePlanModel
import SwiftProtobuf

/// A method's successful result: what a server sends and a client receives.
public enum WireResponse: Hashable, Sendable {
    case solve(Plan)
    case consolidate(Plan)
    case plan(Plan)
    /// One sentence per violated rule; empty when the plan is valid.
    case validate(violations: [String])
    case health(Nodeplan_V1_ServingStatus)
    case serverInfo(Nodeplan_V1_ServerInfoResponse)

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

    /// The `RESPONSE` frame answering stream `streamID`.
    public func frame(streamID: UInt32, compression: PayloadCompression = PayloadCompression()) throws(WireError) -> Frame {
        func frame(_ message: some SwiftProtobuf.Message) throws(WireError) -> Frame {
            try Frame(type: .response, flags: .endStream, method: method, streamID: streamID, message: message,
                      compression: compression)
        }
        switch self {
        case .solve(let plan): return try frame(Nodeplan_V1_SolveResponse.with { $0.plan = plan.proto })
        case .consolidate(let plan): return try frame(Nodeplan_V1_ConsolidateResponse.with { $0.plan = plan.proto })
        case .plan(let plan): return try frame(Nodeplan_V1_PlanResponse.with { $0.plan = plan.proto })
        case .validate(let violations): return try frame(Nodeplan_V1_ValidateResponse.with { $0.violations = violations })
        case .health(let status): return try frame(Nodeplan_V1_HealthResponse.with { $0.status = status })
        case .serverInfo(let info): return try frame(info)
        }
    }

    /// Decodes the response in a `RESPONSE` frame. Plan pod indices are checked against
    /// `podCount` (the request snapshot's pod count) when given.
    public init(frame: Frame, podCount: Int? = nil,
                maxDecompressedBytes: Int = FrameLimits.default.maxDecompressedBytes) throws(WireError) {
        guard frame.type == .response, let method = frame.method else {
            throw WireError(.invalidArgument, "\(frame.type) frame is not a response")
        }
        func message<M: SwiftProtobuf.Message>(_ type: M.Type) throws(WireError) -> M {
            try frame.message(as: type, maxDecompressedBytes: maxDecompressedBytes)
        }
        func plan(_ response: some PlanResponse) throws(WireError) -> Plan {
            guard response.hasPlan else { throw WireError(.invalidArgument, "is required", fieldPath: "plan") }
            do { return try Plan(proto: response.plan, podCount: podCount) } catch { throw WireError(error, under: "plan") }
        }
        switch method {
        case .solve: self = .solve(try plan(message(Nodeplan_V1_SolveResponse.self)))
        case .consolidate: self = .consolidate(try plan(message(Nodeplan_V1_ConsolidateResponse.self)))
        case .plan: self = .plan(try plan(message(Nodeplan_V1_PlanResponse.self)))
        case .validate: self = .validate(violations: try message(Nodeplan_V1_ValidateResponse.self).violations)
        case .health: self = .health(try message(Nodeplan_V1_HealthResponse.self).status)
        case .serverInfo: self = .serverInfo(try message(Nodeplan_V1_ServerInfoResponse.self))
        }
    }
}

/// Responses that carry a plan.
protocol PlanResponse {
    var plan: Nodeplan_V1_Plan { get }
    var hasPlan: Bool { get }
}

extension Nodeplan_V1_SolveResponse: PlanResponse {}
extension Nodeplan_V1_ConsolidateResponse: PlanResponse {}
extension Nodeplan_V1_PlanResponse: PlanResponse {}
