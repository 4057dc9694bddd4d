/// The integrality cut: pods that pairwise exclude each other (`PodExclusion`) sit on that many
/// distinct nodes, and each of those nodes costs at least the cheapest node its pod could run on
/// alone. A class whose pods exclude each other joins with all its pods, any other class with
/// one.
///
/// The best such set is a maximum-weight clique, which is hard in general; a greedy clique from
/// each of the heaviest classes (not already in a clique found) is cheap, and every clique gives a
/// valid bound.
enum DistinctNodeBound {
    /// How many of the heaviest classes seed a greedy clique.
    static let seeds = 32

    /// The heaviest clique found: classes with how many of their pods it holds, and its bound.
    static func best(classes: [CompatibilityClass], exclusion: inout PodExclusion)
        -> (value: Double, members: [(classIndex: Int, pods: Int)]) {
        let members = classes.indices.map { exclusion.keepsApart($0, $0) ? classes[$0].count : 1 }
        let weights = classes.indices.map { classes[$0].cheapestPrice * Double(members[$0]) }
        let order = classes.indices.filter { weights[$0] > 0 }.sorted { weights[$0] > weights[$1] }
        var best: (value: Double, members: [(classIndex: Int, pods: Int)]) = (0, [])
        var covered = Set<Int>()
        for seed in order.prefix(seeds) where !covered.contains(seed) {
            var clique = [seed]
            var total = weights[seed]
            for candidate in order where candidate != seed
                && clique.allSatisfy({ exclusion.keepsApart(candidate, $0) }) {
                clique.append(candidate)
                total += weights[candidate]
            }
            covered.formUnion(clique)
            if total > best.value { best = (total, clique.map { ($0, members[$0]) }) }
        }
        return best
    }
}
