import NodePlanModel

extension AKSNodeClass {
    /// Decodes a `karpenter.azure.com` AKSNodeClass (v1beta1 or v1alpha2) strictly.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object["spec"]?.mapping()
        try spec?.rejectUnknown(["vnetSubnetID", "osDiskSizeGB", "imageFamily", "fipsMode", "tags", "kubelet", "maxPods",
                                 "security", "localDNS", "gpu", "artifactStreaming", "linuxOSConfig"])
        var osDiskSizeGB: Int32 = 128
        if let field = spec?["osDiskSizeGB"] {
            osDiskSizeGB = try field.int32()
            guard (30...2048).contains(osDiskSizeGB) else {
                throw field.error("must be between 30 and 2048, found \(osDiskSizeGB)")
            }
        }
        var maxPods: Int32?
        if let field = spec?["maxPods"] {
            let value = try field.int32()
            guard (10...250).contains(value) else { throw field.error("must be between 10 and 250, found \(value)") }
            maxPods = value
        }
        var encryptionAtHost = false
        var trustedLaunch = false
        if let security = try spec?["security"]?.mapping() {
            try security.rejectUnknown(["encryptionAtHost", "trustedLaunch"])
            encryptionAtHost = try security["encryptionAtHost"]?.bool() ?? false
            trustedLaunch = try security["trustedLaunch"].map(AKSNodeClass.trustedLaunch) ?? false
        }
        var gpuMode = GPUMode.driver
        if let gpu = try spec?["gpu"]?.mapping() {
            try gpu.rejectUnknown(["mode"])
            gpuMode = try gpu["mode"]?.oneOf([GPUMode.driver, .none]) ?? .driver
        }
        var artifactStreaming = false
        if let streaming = try spec?["artifactStreaming"]?.mapping() {
            try streaming.rejectUnknown(["enabled"])
            artifactStreaming = try streaming["enabled"]?.bool() ?? false
        }
        var localDNS = false
        if let dns = try spec?["localDNS"]?.mapping() {
            try dns.rejectUnknown(["mode", "vnetDNSOverrides", "kubeDNSOverrides"])
            localDNS = try dns.required("mode").enum(LocalDNSMode.self) != .disabled
        }
        self.init(
            name: meta.name,
            imageFamily: try spec?["imageFamily"]?.enum(ImageFamily.self) ?? .ubuntu,
            osDiskSizeGB: osDiskSizeGB,
            maxPods: maxPods,
            tags: try spec?["tags"]?.stringMap() ?? [:],
            vnetSubnetID: try spec?["vnetSubnetID"]?.string() ?? "",
            fipsMode: try spec?["fipsMode"]?.enum(FIPSMode.self) == .fips,
            encryptionAtHost: encryptionAtHost,
            trustedLaunch: trustedLaunch,
            gpuMode: gpuMode,
            artifactStreaming: artifactStreaming,
            localDNS: localDNS,
            kubelet: try spec?["kubelet"].map(AKSNodeClass.kubelet) ?? [:]
        )
    }

    /// `security.trustedLaunch`: a boolean, or `{vtpm, secureBoot}` where either enables it.
    private static func trustedLaunch(_ field: Field) throws(InputError) -> Bool {
        guard case .mapping = field.value.content else { return try field.bool() }
        let settings = try field.mapping()
        try settings.rejectUnknown(["vtpm", "secureBoot"])
        let vtpm = try settings["vtpm"]?.bool() ?? false
        let secureBoot = try settings["secureBoot"]?.bool() ?? false
        return vtpm || secureBoot
    }

    /// The kubelet settings as strings; lists are joined with commas.
    private static func kubelet(_ field: Field) throws(InputError) -> [String: String] {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(["cpuManagerPolicy", "cpuCFSQuota", "cpuCFSQuotaPeriod", "imageGCHighThresholdPercent",
                                   "imageGCLowThresholdPercent", "topologyManagerPolicy", "allowedUnsafeSysctls",
                                   "containerLogMaxSize", "containerLogMaxFiles", "podPidsLimit", "failSwapOn"])
        var settings: [String: String] = [:]
        for entry in mapping.entries {
            let value = field.child(entry.key, entry.value)
            if case .sequence = entry.value.content {
                settings[entry.key] = try value.stringList().joined(separator: ",")
            } else if !value.isNull {
                settings[entry.key] = try value.string()
            }
        }
        return settings
    }
}

/// `spec.fipsMode` values.
private enum FIPSMode: String, CaseIterable {
    case fips = "FIPS"
    case disabled = "Disabled"
}

/// `spec.localDNS.mode` values; Preferred and Required both enable LocalDNS on supported versions.
private enum LocalDNSMode: String, CaseIterable {
    case preferred = "Preferred"
    case required = "Required"
    case disabled = "Disabled"
}
