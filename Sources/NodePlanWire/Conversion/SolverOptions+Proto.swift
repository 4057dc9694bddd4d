import NodePlanModel

// Every option is optional on the wire; an absent one takes the model's default.

extension SolverOptions {
    init(proto: Nodeplan_V1_SolverOptions) throws(ProtoDecodingError) {
        let defaults = SolverOptions()
        self.init(
            strategy: try decodeEnum(proto.strategy, "strategy", default: defaults.strategy),
            preferencePolicy: try decodeEnum(proto.preferencePolicy, "preferencePolicy", default: defaults.preferencePolicy),
            minValuesPolicy: try decodeEnum(proto.minValuesPolicy, "minValuesPolicy", default: defaults.minValuesPolicy),
            timeBudgetMilliseconds: proto.hasTimeBudgetMs
                ? try within(proto.timeBudgetMs, 0...Int64.max, "timeBudgetMs") : defaults.timeBudgetMilliseconds,
            threads: proto.hasThreads ? try within(proto.threads, 0...Int32.max, "threads") : defaults.threads,
            maxFallbacks: proto.hasMaxFallbacks
                ? try within(proto.maxFallbacks, 0...Int32.max, "maxFallbacks") : defaults.maxFallbacks,
            consolidate: proto.hasConsolidate ? proto.consolidate : defaults.consolidate,
            minimumSavingsPerHour: proto.hasMinimumSavingsPerHour
                ? try finite(proto.minimumSavingsPerHour, "minimumSavingsPerHour") : defaults.minimumSavingsPerHour,
            minimumSavingsFraction: proto.hasMinimumSavingsFraction
                ? try fraction(proto.minimumSavingsFraction, "minimumSavingsFraction") : defaults.minimumSavingsFraction,
            spotToSpotConsolidation: proto.hasSpotToSpotConsolidation
                ? proto.spotToSpotConsolidation : defaults.spotToSpotConsolidation)
    }

    var proto: Nodeplan_V1_SolverOptions {
        var message = Nodeplan_V1_SolverOptions()
        message.strategy = strategy.proto
        message.preferencePolicy = preferencePolicy.proto
        message.minValuesPolicy = minValuesPolicy.proto
        message.timeBudgetMs = timeBudgetMilliseconds
        message.threads = threads
        message.maxFallbacks = maxFallbacks
        message.consolidate = consolidate
        message.minimumSavingsPerHour = minimumSavingsPerHour
        message.minimumSavingsFraction = minimumSavingsFraction
        message.spotToSpotConsolidation = spotToSpotConsolidation
        return message
    }
}

private func fraction(_ value: Double, _ field: String) throws(ProtoDecodingError) -> Double {
    guard value.isFinite, (0...1).contains(value) else {
        throw ProtoDecodingError(fieldPath: field, reason: "must be within 0...1, got \(value)")
    }
    return value
}
