import Foundation
import NodePlanModel
import Testing

@Suite struct SolverOptionsCodingTests {
    @Test func roundTripsThroughJSON() throws {
        let options = SolverOptions(strategy: .karpenter, maxFallbacks: 3, consolidate: true, spotToSpotConsolidation: true)
        let decoded = try JSONDecoder().decode(SolverOptions.self, from: JSONEncoder().encode(options))
        #expect(decoded == options)
    }

    @Test func missingFieldsTakeTheirDefaults() throws {
        // Written before the spot-to-spot gate existed, and with most fields left out.
        let json = Data(#"{"strategy":"karpenter","consolidate":true}"#.utf8)
        let decoded = try JSONDecoder().decode(SolverOptions.self, from: json)
        #expect(decoded == SolverOptions(strategy: .karpenter, consolidate: true))
    }
}
