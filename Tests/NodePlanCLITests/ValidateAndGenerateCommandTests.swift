import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func acceptsTheSolversPlanAndRejectsATamperedOne() throws {
        let directory = try NodePlanProcess.temporaryDirectory()
        let planPath = directory.appendingPathComponent("plan.json")
        let solved = try NodePlanProcess.run(["solve", "-o", "json"] + SolveCommandTests.module)
        try solved.standardOutput.write(to: planPath, atomically: true, encoding: .utf8)

        let valid = try NodePlanProcess.run(["validate", "--plan", planPath.path] + SolveCommandTests.module)
        #expect(valid.status == 0)
        #expect(valid.standardOutput.hasPrefix("plan is valid: 2 launches"))

        // Drop one placed pod from the plan: the validator must notice it is neither placed nor reported.
        var document = try #require(try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any])
        var launches = try #require(document["launches"] as? [[String: Any]])
        var pods = try #require(launches[0]["pods"] as? [String])
        pods.removeLast()
        launches[0]["pods"] = pods
        document["launches"] = launches
        try JSONSerialization.data(withJSONObject: document).write(to: planPath)
        let tampered = try NodePlanProcess.run(["validate", "--plan", planPath.path] + SolveCommandTests.module)
        #expect(tampered.status == 3)
        #expect(tampered.standardOutput.contains("neither placed nor") || tampered.standardOutput.contains("not placed"))
    }
}

@Suite struct GenerateCommandTests {
    @Test func sameSeedSameBytesAndTheSnapshotSolves() throws {
        let directory = try NodePlanProcess.temporaryDirectory()
        let first = directory.appendingPathComponent("a.pb.zst").path
        let second = directory.appendingPathComponent("b.pb.zst").path
        #expect(try NodePlanProcess.run(["gen", "features", "--pods", "25", "--seed", "9", "-o", first]).status == 0)
        #expect(try NodePlanProcess.run(["gen", "features", "--pods", "25", "--seed", "9", "-o", second]).status == 0)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))

        let solved = try NodePlanProcess.run(["solve", "-o", "json", "--snapshot", first])
        #expect(solved.status == 0 || solved.status == 1, "\(solved.standardError)")
        #expect(solved.standardOutput.contains("\"launches\""))
    }

    @Test func rejectsOutOfRangeSizes() throws {
        let result = try NodePlanProcess.run(["gen", "benchmark", "--pods", "0"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--pods must be between 1 and 100000"))
    }
}
