import Foundation
import Testing

/// `nodeplan gen kubectl` writes a realistic 2,000-pod dump and `nodeplan solve` plans it.
@Suite struct KubectlDumpTests {
    static func dumpFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }

    @Test func twoThousandPodDumpSolvesToAPlanForEveryPendingPod() throws {
        let directory = try NodePlanProcess.temporaryDirectory()
        let generated = try NodePlanProcess.run(["gen", "kubectl", "--pods", "2000", "--seed", "7", "-o", directory.path])
        #expect(generated.status == 0, "\(generated.standardError)")
        #expect(generated.standardOutput.hasPrefix("wrote 2000 pods (400 pending) on "))
        let files = try Self.dumpFiles(in: directory)
        #expect(files.map { ($0 as NSString).lastPathComponent }
                == ["karpenter.yaml", "nodes.yaml", "pdbs.yaml", "pods.yaml", "priorityclasses.yaml", "workloads.yaml"])
        let pods = try String(contentsOfFile: directory.appendingPathComponent("pods.yaml").path, encoding: .utf8)
        #expect(pods.hasPrefix("apiVersion: v1\nitems:\n"))
        #expect(pods.components(separatedBy: "\n    kind: Pod\n").count - 1 == 2000)

        let solved = try NodePlanProcess.run(["solve", "-o", "json"] + files)
        #expect(solved.status == 0, "every pending pod is placed: \(solved.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any])
        let launches = try #require(plan["launches"] as? [[String: Any]])
        let assignments = try #require(plan["assignments"] as? [[String: Any]])
        let placed = (launches + assignments).reduce(0) { $0 + (($1["pods"] as? [String])?.count ?? 0) }
        #expect(placed == 400)
        #expect((plan["unschedulable"] as? [Any])?.isEmpty == true)
        #expect(!launches.isEmpty)
        for launch in launches {
            let pool = try #require(launch["nodePool"] as? String)
            let sku = try #require(launch["instanceType"] as? String)
            let podNames = try #require(launch["pods"] as? [String])
            #expect(!podNames.isEmpty)
            switch pool {
            case "batch": #expect(launch["capacityType"] as? String == "spot")
            case "memory": #expect(sku.hasPrefix("Standard_E"))
            case "general": #expect(sku.hasPrefix("Standard_D"))
            default: Issue.record("launch in unknown pool \(pool)")
            }
        }
        let cost = try #require(plan["cost"] as? [String: Double])
        #expect(cost["before"]! > 0 && cost["after"]! > cost["before"]!)
    }

    @Test func sameSeedWritesTheSameBytes() throws {
        let first = try NodePlanProcess.temporaryDirectory()
        let second = try NodePlanProcess.temporaryDirectory()
        for directory in [first, second] {
            #expect(try NodePlanProcess.run(["gen", "kubectl", "--pods", "120", "--seed", "3", "-o", directory.path]).status == 0)
        }
        let names = try Self.dumpFiles(in: first).map { ($0 as NSString).lastPathComponent }
        #expect(names.count == 6)
        for name in names {
            #expect(FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: second.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test func withoutADirectoryItIsAUsageError() throws {
        let result = try NodePlanProcess.run(["gen", "kubectl", "--pods", "100"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("give the dump directory with -o DIR"))
    }
}
