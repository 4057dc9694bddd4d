import NodePlanClient
import NodePlanModel

/// The solver as the agent uses it: provisioning for pending pods, consolidation for an idle cluster.
public protocol PlanningService: Sendable {
    func provision(_ snapshot: Snapshot) async throws -> Plan
    func consolidate(_ snapshot: Snapshot) async throws -> Plan
}

extension NodePlanClient: PlanningService {
    public func provision(_ snapshot: Snapshot) async throws -> Plan { try await solve(snapshot) }
    public func consolidate(_ snapshot: Snapshot) async throws -> Plan { try await consolidate(snapshot, deadline: nil) }
}
