import Foundation
import Testing

/// `nodeplan bench` on tiny sizes: every section runs and reports its figures.
@Suite struct BenchCommandTests {
    static let tiny = ["bench", "--sizes", "20", "--azure-sizes", "10", "--runs", "2", "--wire-pods", "50",
                       "--kubectl-pods", "60", "--round-trip", "--round-trip-pods", "20"]

    @Test func jsonReportsEveryRowAndStage() throws {
        let result = try NodePlanProcess.run(Self.tiny + ["--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(document["runsPerRow"] as? Int == 2)
        let rows = try #require(document["scheduling"] as? [[String: Any]])
        #expect(rows.map { $0["workload"] as? String } == ["benchmark:20", "azure:10"])
        for row in rows {
            let pods = try #require(row["pods"] as? Int)
            #expect(row["podsPlaced"] as? Int == pods, "every pod of the small mixes is placed")
            #expect((row["nodesLaunched"] as? Int ?? 0) > 0)
            let median = try #require(row["medianMilliseconds"] as? Double)
            #expect(median > 0 && median >= row["minimumMilliseconds"] as? Double ?? .infinity)
            #expect((1...2).contains(row["runs"] as? Int ?? 0))
        }
        let wire = try #require(document["wireDecode"] as? [String: Any])
        #expect(wire["pods"] as? Int == 50)
        let stages = try #require(wire["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0["name"] as? String }.contains("whole decode: zstd + parse + model"))
        let kubectl = try #require(document["kubectlSolve"] as? [String: Any])
        #expect(kubectl["pods"] as? Int == 60)
        #expect((kubectl["pendingPods"] as? Int ?? 0) > 0 && (kubectl["bytes"] as? Int ?? 0) > 0)
        #expect(((kubectl["samples"] as? [String: Any])?["milliseconds"] as? [Double])?.count == 2)
        let roundTrip = try #require(document["roundTrip"] as? [String: Any])
        #expect(roundTrip["pods"] as? Int == 20)
        let trips = try #require((roundTrip["roundTrip"] as? [String: Any])?["milliseconds"] as? [Double])
        #expect(trips.count == 2 && trips.allSatisfy { $0 > 0 })
    }

    @Test func tablePrintsTheColumnsAndSkipsWhatIsTurnedOff() throws {
        let result = try NodePlanProcess.run(["bench", "--sizes", "20", "--azure-sizes", "", "--runs", "1", "--wire-pods", "0",
                                              "--kubectl-pods", "0"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = result.standardOutput
        #expect(text.contains("workload                   pods   median ms    min ms     pods/s   nodes   placed"))
        #expect(text.contains("\nbenchmark mix                20 "))
        #expect(!text.contains("azure mix"))
        #expect(!text.contains("Wire decode"))
        #expect(!text.contains("round trip"))
        #expect(!text.contains("kubectl dump"))
    }

    @Test func rejectsSizesOutOfRange() throws {
        let result = try NodePlanProcess.run(["bench", "--sizes", "0"])
        #expect(result.status == 64 || result.status == 2, "usage error")
        #expect(result.standardError.contains("sizes must be between 1 and 100000"))
    }
}
