/// Which packing strategy the solver runs.
public enum SolverStrategy: String, Hashable, Sendable, Codable, CaseIterable {
    /// Karpenter's own greedy, kept as the yardstick for cost claims.
    case karpenter
    /// nodeplan's cost-aware packing with improvement search.
    case optimize
}

/// Whether soft constraints are tried first (Respect) or dropped up front (Ignore).
public enum PreferencePolicy: String, Hashable, Sendable, Codable {
    case respect = "Respect"
    case ignore = "Ignore"
}

/// What happens when a NodeClaim cannot keep `minValues` distinct values.
public enum MinValuesPolicy: String, Hashable, Sendable, Codable {
    case strict = "Strict"
    case bestEffort = "BestEffort"
}

/// Knobs of one solve.
public struct SolverOptions: Hashable, Sendable, Codable {
    public var strategy: SolverStrategy
    public var preferencePolicy: PreferencePolicy
    public var minValuesPolicy: MinValuesPolicy
    /// Wall-clock budget for improvement search, in milliseconds; the best plan so far is returned.
    public var timeBudgetMilliseconds: Int64
    /// Worker threads for the parallel search; 0 uses every core. Never changes the plan.
    public var threads: Int32
    /// How many ranked fallback offerings each launch lists.
    public var maxFallbacks: Int32
    /// Run consolidation as well as provisioning.
    public var consolidate: Bool
    /// Consolidation acts only when it saves at least this much per hour and this fraction of cost.
    public var minimumSavingsPerHour: Double
    public var minimumSavingsFraction: Double
    /// Karpenter's `SpotToSpotConsolidation` feature gate (off by default): consolidation may
    /// replace spot nodes by cheaper spot nodes (a single node only when at least 15 cheaper
    /// instance types exist, and then with the 15 cheapest).
    public var spotToSpotConsolidation: Bool

    public init(strategy: SolverStrategy = .optimize, preferencePolicy: PreferencePolicy = .respect,
                minValuesPolicy: MinValuesPolicy = .strict, timeBudgetMilliseconds: Int64 = 1000, threads: Int32 = 0,
                maxFallbacks: Int32 = 10, consolidate: Bool = false, minimumSavingsPerHour: Double = 0.01,
                minimumSavingsFraction: Double = 0.02, spotToSpotConsolidation: Bool = false) {
        self.strategy = strategy
        self.preferencePolicy = preferencePolicy
        self.minValuesPolicy = minValuesPolicy
        self.timeBudgetMilliseconds = timeBudgetMilliseconds
        self.threads = threads
        self.maxFallbacks = maxFallbacks
        self.consolidate = consolidate
        self.minimumSavingsPerHour = minimumSavingsPerHour
        self.minimumSavingsFraction = minimumSavingsFraction
        self.spotToSpotConsolidation = spotToSpotConsolidation
    }
}

extension SolverOptions {
    private enum CodingKeys: String, CodingKey {
        case strategy, preferencePolicy, minValuesPolicy, timeBudgetMilliseconds, threads, maxFallbacks, consolidate
        case minimumSavingsPerHour, minimumSavingsFraction, spotToSpotConsolidation
    }

    /// Decodes the Codable form; a field that is missing (a snapshot written before the field
    /// existed) takes its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SolverOptions()
        self.init(
            strategy: try container.decodeIfPresent(SolverStrategy.self, forKey: .strategy) ?? defaults.strategy,
            preferencePolicy: try container.decodeIfPresent(PreferencePolicy.self, forKey: .preferencePolicy)
                ?? defaults.preferencePolicy,
            minValuesPolicy: try container.decodeIfPresent(MinValuesPolicy.self, forKey: .minValuesPolicy)
                ?? defaults.minValuesPolicy,
            timeBudgetMilliseconds: try container.decodeIfPresent(Int64.self, forKey: .timeBudgetMilliseconds)
                ?? defaults.timeBudgetMilliseconds,
            threads: try container.decodeIfPresent(Int32.self, forKey: .threads) ?? defaults.threads,
            maxFallbacks: try container.decodeIfPresent(Int32.self, forKey: .maxFallbacks) ?? defaults.maxFallbacks,
            consolidate: try container.decodeIfPresent(Bool.self, forKey: .consolidate) ?? defaults.consolidate,
            minimumSavingsPerHour: try container.decodeIfPresent(Double.self, forKey: .minimumSavingsPerHour)
                ?? defaults.minimumSavingsPerHour,
            minimumSavingsFraction: try container.decodeIfPresent(Double.self, forKey: .minimumSavingsFraction)
                ?? defaults.minimumSavingsFraction,
            spotToSpotConsolidation: try container.decodeIfPresent(Bool.self, forKey: .spotToSpotConsolidation)
                ?? defaults.spotToSpotConsolidation)
    }
}
