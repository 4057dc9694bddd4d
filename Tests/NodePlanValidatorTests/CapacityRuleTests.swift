import NodePlanModel
import NodePlanValidator
import Testing

@Suite struct CapacityRuleTests {
    @Test func cpuBeyondAllocatableIsReported() {
        var scenario = Scenario()
        let web = scenario.pending("web", Scenario.spec(cpu: "1"), count: 2)
        // small: 2 CPU − 100m overhead = 1900m allocatable.
        let crammed = Plan(launches: [scenario.launch("n1", pods: web)])
        let violations = scenario.violations(crammed)
        #expect(violations.map(\.rule) == [.insufficientCapacity])
        #expect(violations.first?.message.contains("cpu") == true)
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", Scenario.large, pods: web)])) == [])
    }

    @Test func maxPodsIsAResource() {
        var scenario = Scenario()
        let tiny = scenario.pending("tiny", Scenario.spec(cpu: "10m", memory: "10Mi"), count: 11)
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: tiny)])) == [.insufficientCapacity])
        let split = Plan(launches: [scenario.launch("n1", pods: Array(tiny[0..<10])), scenario.launch("n2", pods: [tiny[10]])])
        #expect(scenario.rules(split) == [])
    }

    @Test func extendedResourcesNeedCapacity() {
        var scenario = Scenario()
        let gpu = scenario.pending("train", Scenario.spec { $0.containers[0].requests[ResourceName.nvidiaGPU] = .units(1) })
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: gpu)])) == [.insufficientCapacity])
        var gpuType = Scenario.instanceType("gpu", cpu: 8, memoryGi: 32, pods: 50, price: 2)
        gpuType.capacity[ResourceName.nvidiaGPU] = .units(1)
        scenario.snapshot.instanceTypes.append(gpuType)
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", gpuType, pods: gpu)])) == [])
    }

    @Test func daemonSetOverheadCounts() {
        var scenario = Scenario()
        let web = scenario.pending("web", Scenario.spec(cpu: "1500m"))
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
        scenario.snapshot.daemonSets = [DaemonSet(name: "logs", template: Scenario.spec(cpu: "500m"))]
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [.insufficientCapacity])
        // A DaemonSet that selects other nodes costs nothing here.
        scenario.snapshot.daemonSets[0].template.nodeSelector = ["gpu": "true"]
        #expect(scenario.rules(Plan(launches: [scenario.launch("n1", pods: web)])) == [])
    }

    @Test func existingNodesCountTheirPodsAndMissingDaemonSets() {
        var scenario = Scenario()
        scenario.node("busy")
        scenario.running("old", Scenario.spec(cpu: "1"), on: "busy")
        let web = scenario.pending("web", Scenario.spec(cpu: "800m"))
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "busy", pods: web)])) == [])
        scenario.snapshot.daemonSets = [DaemonSet(name: "logs", template: Scenario.spec(cpu: "200m"))]
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "busy", pods: web)])) == [.insufficientCapacity])
        // Once the DaemonSet pod is bound its requests are already counted as a pod's.
        scenario.running("logs", Scenario.spec(cpu: "50m") { $0.owner = OwnerReference(kind: "DaemonSet", name: "logs") },
                         on: "busy")
        #expect(scenario.rules(Plan(assignments: [NodeAssignment(node: "busy", pods: web)])) == [])
    }
}
