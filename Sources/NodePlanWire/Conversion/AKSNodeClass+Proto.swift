import NodePlanModel

extension AKSNodeClass {
    init(proto: Nodeplan_V1_AKSNodeClass) throws(ProtoDecodingError) {
        self.init(name: try nonEmpty(proto.name, "name"),
                  imageFamily: try decodeEnum(proto.imageFamily, "imageFamily", default: .ubuntu),
                  osDiskSizeGB: try within(proto.osDiskSizeGb, 1...Int32.max, "osDiskSizeGB"),
                  maxPods: proto.hasMaxPods ? try within(proto.maxPods, 1...Int32.max, "maxPods") : nil,
                  tags: try stringMap(proto.tags, "tags"),
                  vnetSubnetID: proto.vnetSubnetID,
                  fipsMode: proto.fipsMode,
                  encryptionAtHost: proto.encryptionAtHost,
                  trustedLaunch: proto.trustedLaunch,
                  gpuMode: try decodeEnum(proto.gpuMode, "gpuMode", default: .driver),
                  artifactStreaming: proto.artifactStreaming,
                  localDNS: proto.localDns,
                  kubelet: try stringMap(proto.kubelet, "kubelet"))
    }

    var proto: Nodeplan_V1_AKSNodeClass {
        var message = Nodeplan_V1_AKSNodeClass()
        message.name = name
        message.imageFamily = imageFamily.proto
        message.osDiskSizeGb = osDiskSizeGB
        if let maxPods { message.maxPods = maxPods }
        message.tags = tags
        message.vnetSubnetID = vnetSubnetID
        message.fipsMode = fipsMode
        message.encryptionAtHost = encryptionAtHost
        message.trustedLaunch = trustedLaunch
        message.gpuMode = gpuMode.proto
        message.artifactStreaming = artifactStreaming
        message.localDns = localDNS
        message.kubelet = kubelet
        return message
    }
}
