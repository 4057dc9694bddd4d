import NodePlanCatalog
import NodePlanModel
import Testing

@Suite struct MaxPodsTests {
    @Test(arguments: [(NetworkPlugin.azureOverlay, Int32(250)), (.azureNodeSubnet, 30), (.kubenet, 110), (.none, 250)])
    func defaultsByNetworkPlugin(plugin: NetworkPlugin, pods: Int32) {
        #expect(MaxPods.default(for: plugin) == pods)
        #expect(MaxPods.effective(nodeClass: AKSNodeClass(), networkPlugin: plugin) == pods)
    }

    @Test func nodeClassSettingWins() {
        #expect(MaxPods.effective(nodeClass: AKSNodeClass(maxPods: 50), networkPlugin: .azureNodeSubnet) == 50)
    }
}
