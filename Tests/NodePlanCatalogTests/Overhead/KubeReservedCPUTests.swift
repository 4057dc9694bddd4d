import NodePlanCatalog
import Testing

@Suite struct KubeReservedCPUTests {
    @Test(arguments: [(1, 60), (2, 100), (3, 120), (4, 140), (8, 180), (16, 260), (64, 740), (0, 0)])
    func followsTheBrackets(vCPUs: Int, millicores: Int64) {
        #expect(KubeReservedCPU.millicores(vCPUs: vCPUs) == millicores)
    }
}
