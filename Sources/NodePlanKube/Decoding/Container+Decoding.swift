import NodePlanModel

extension Container {
    /// Every field of a Kubernetes container; only resources, ports and restartPolicy matter here,
    /// but unknown names are typos worth reporting.
    static let knownFields: Set<String> = [
        "args", "command", "env", "envFrom", "image", "imagePullPolicy", "lifecycle", "livenessProbe", "name", "ports",
        "readinessProbe", "resizePolicy", "resources", "restartPolicy", "restartPolicyRules", "securityContext",
        "startupProbe", "stdin", "stdinOnce", "terminationMessagePath", "terminationMessagePolicy", "tty",
        "volumeDevices", "volumeMounts", "workingDir",
    ]

    /// Decodes a container or init container. `hostNetwork` pods bind every container port on the node.
    init(decoding field: Field, isInit: Bool, hostNetwork: Bool) throws(InputError) {
        let mapping = try field.mapping()
        try mapping.rejectUnknown(Container.knownFields)
        var requests = ResourceList()
        var limits = ResourceList()
        if let resourcesField = mapping["resources"] {
            let resources = try resourcesField.mapping()
            try resources.rejectUnknown(["requests", "limits", "claims"])
            requests = try resources["requests"]?.resourceList() ?? ResourceList()
            limits = try resources["limits"]?.resourceList() ?? ResourceList()
        }
        var isSidecar = false
        if let restartPolicy = mapping["restartPolicy"] {
            guard isInit else { throw restartPolicy.error("only init containers may set restartPolicy") }
            guard try restartPolicy.string() == "Always" else {
                throw restartPolicy.error("unknown value \"\(try restartPolicy.string())\"; expected \"Always\"")
            }
            isSidecar = true
        }
        var hostPorts: [HostPort] = []
        for portField in try mapping["ports"]?.sequence() ?? [] {
            let port = try portField.mapping()
            try port.rejectUnknown(["containerPort", "hostIP", "hostPort", "name", "protocol"])
            let containerPort = try port.required("containerPort").int32()
            var hostPort = try port["hostPort"]?.int32() ?? 0
            if hostNetwork, hostPort == 0 { hostPort = containerPort }
            guard hostPort != 0 else { continue }
            guard (1...65535).contains(hostPort) else {
                throw portField.error("hostPort must be between 1 and 65535, found \(hostPort)")
            }
            hostPorts.append(HostPort(hostIP: try port["hostIP"]?.string() ?? "", port: hostPort,
                                      protocol: try port["protocol"]?.enum(PortProtocol.self).rawValue ?? "TCP"))
        }
        self.init(name: try mapping.required("name").string(), requests: requests, limits: limits, isSidecar: isSidecar,
                  hostPorts: hostPorts)
    }
}

/// Protocols a container port may use.
private enum PortProtocol: String, CaseIterable {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
}
