import NodePlanModel

// Model enum <-> protobuf enum, case by case. Protobuf's UNSPECIFIED (0) and values unknown to this
// build have no model case; `decodeEnum` turns them into a default or an error naming the field.

extension TaintEffect: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_TaintEffect) {
        switch proto {
        case .noSchedule: self = .noSchedule
        case .preferNoSchedule: self = .preferNoSchedule
        case .noExecute: self = .noExecute
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_TaintEffect {
        switch self {
        case .noSchedule: .noSchedule
        case .preferNoSchedule: .preferNoSchedule
        case .noExecute: .noExecute
        }
    }
}

extension NodeSelectorOperator: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_NodeSelectorOperator) {
        switch proto {
        case .`in`: self = .`in`
        case .notIn: self = .notIn
        case .exists: self = .exists
        case .doesNotExist: self = .doesNotExist
        case .gt: self = .gt
        case .lt: self = .lt
        case .gte: self = .gte
        case .lte: self = .lte
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_NodeSelectorOperator {
        switch self {
        case .`in`: .`in`
        case .notIn: .notIn
        case .exists: .exists
        case .doesNotExist: .doesNotExist
        case .gt: .gt
        case .lt: .lt
        case .gte: .gte
        case .lte: .lte
        }
    }
}

extension LabelSelectorOperator: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_LabelSelectorOperator) {
        switch proto {
        case .`in`: self = .`in`
        case .notIn: self = .notIn
        case .exists: self = .exists
        case .doesNotExist: self = .doesNotExist
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_LabelSelectorOperator {
        switch self {
        case .`in`: .`in`
        case .notIn: .notIn
        case .exists: .exists
        case .doesNotExist: .doesNotExist
        }
    }
}

extension CapacityType: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_CapacityType) {
        switch proto {
        case .spot: self = .spot
        case .onDemand: self = .onDemand
        case .reserved: self = .reserved
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_CapacityType {
        switch self {
        case .spot: .spot
        case .onDemand: .onDemand
        case .reserved: .reserved
        }
    }
}

extension NetworkPlugin: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_NetworkPlugin) {
        switch proto {
        case .azureOverlay: self = .azureOverlay
        case .azureNodeSubnet: self = .azureNodeSubnet
        case .kubenet: self = .kubenet
        case .none: self = .none
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_NetworkPlugin {
        switch self {
        case .azureOverlay: .azureOverlay
        case .azureNodeSubnet: .azureNodeSubnet
        case .kubenet: .kubenet
        case .none: .none
        }
    }
}

extension OverheadModel: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_OverheadModel) {
        switch proto {
        case .taxBrackets: self = .taxBrackets
        case .aksMaxPods: self = .aksMaxPods
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_OverheadModel {
        switch self {
        case .taxBrackets: .taxBrackets
        case .aksMaxPods: .aksMaxPods
        }
    }
}

extension ConsolidationPolicy: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_ConsolidationPolicy) {
        switch proto {
        case .whenEmpty: self = .whenEmpty
        case .whenEmptyOrUnderutilized: self = .whenEmptyOrUnderutilized
        case .balanced: self = .balanced
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_ConsolidationPolicy {
        switch self {
        case .whenEmpty: .whenEmpty
        case .whenEmptyOrUnderutilized: .whenEmptyOrUnderutilized
        case .balanced: .balanced
        }
    }
}

extension DisruptionReason: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_DisruptionReason) {
        switch proto {
        case .underutilized: self = .underutilized
        case .empty: self = .empty
        case .drifted: self = .drifted
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_DisruptionReason {
        switch self {
        case .underutilized: .underutilized
        case .empty: .empty
        case .drifted: .drifted
        }
    }
}

extension ImageFamily: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_ImageFamily) {
        switch proto {
        case .ubuntu: self = .ubuntu
        case .ubuntu2204: self = .ubuntu2204
        case .ubuntu2404: self = .ubuntu2404
        case .azureLinux: self = .azureLinux
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_ImageFamily {
        switch self {
        case .ubuntu: .ubuntu
        case .ubuntu2204: .ubuntu2204
        case .ubuntu2404: .ubuntu2404
        case .azureLinux: .azureLinux
        }
    }
}

extension GPUMode: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_GPUMode) {
        switch proto {
        case .driver: self = .driver
        case .none: self = .none
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_GPUMode {
        switch self {
        case .driver: .driver
        case .none: .none
        }
    }
}

extension PodPhase: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_PodPhase) {
        switch proto {
        case .pending: self = .pending
        case .running: self = .running
        case .succeeded: self = .succeeded
        case .failed: self = .failed
        case .unknown: self = .unknown
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_PodPhase {
        switch self {
        case .pending: .pending
        case .running: .running
        case .succeeded: .succeeded
        case .failed: .failed
        case .unknown: .unknown
        }
    }
}

extension TolerationOperator: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_TolerationOperator) {
        switch proto {
        case .equal: self = .equal
        case .exists: self = .exists
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_TolerationOperator {
        switch self {
        case .equal: .equal
        case .exists: .exists
        }
    }
}

extension UnsatisfiableConstraintAction: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_UnsatisfiableConstraintAction) {
        switch proto {
        case .doNotSchedule: self = .doNotSchedule
        case .scheduleAnyway: self = .scheduleAnyway
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_UnsatisfiableConstraintAction {
        switch self {
        case .doNotSchedule: .doNotSchedule
        case .scheduleAnyway: .scheduleAnyway
        }
    }
}

extension NodeInclusionPolicy: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_NodeInclusionPolicy) {
        switch proto {
        case .honor: self = .honor
        case .ignore: self = .ignore
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_NodeInclusionPolicy {
        switch self {
        case .honor: .honor
        case .ignore: .ignore
        }
    }
}

extension SolverStrategy: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_SolverStrategy) {
        switch proto {
        case .karpenter: self = .karpenter
        case .optimize: self = .optimize
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_SolverStrategy {
        switch self {
        case .karpenter: .karpenter
        case .optimize: .optimize
        }
    }
}

extension PreferencePolicy: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_PreferencePolicy) {
        switch proto {
        case .respect: self = .respect
        case .ignore: self = .ignore
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_PreferencePolicy {
        switch self {
        case .respect: .respect
        case .ignore: .ignore
        }
    }
}

extension MinValuesPolicy: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_MinValuesPolicy) {
        switch proto {
        case .strict: self = .strict
        case .bestEffort: self = .bestEffort
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_MinValuesPolicy {
        switch self {
        case .strict: .strict
        case .bestEffort: .bestEffort
        }
    }
}

extension TerminationReason: ProtoEnumConvertible {
    init?(proto: Nodeplan_V1_TerminationReason) {
        switch proto {
        case .empty: self = .empty
        case .underutilized: self = .underutilized
        case .drifted: self = .drifted
        case .expired: self = .expired
        case .unspecified, .UNRECOGNIZED: return nil
        }
    }

    var proto: Nodeplan_V1_TerminationReason {
        switch self {
        case .empty: .empty
        case .underutilized: .underutilized
        case .drifted: .drifted
        case .expired: .expired
        }
    }
}
