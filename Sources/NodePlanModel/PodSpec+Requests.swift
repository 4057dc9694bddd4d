extension PodSpec {
    /// The pod's effective requests as the kube-scheduler and Karpenter compute them:
    /// per resource, the larger of (app containers + sidecars) and the peak of any init step
    /// (each init container plus the sidecars started before it), plus pod overhead; pod-level
    /// requests replace the container sum where set. Limits stand in for missing requests,
    /// as Kubernetes defaulting does. A synthetic `pods: 1` is added.
    public var effectiveRequests: ResourceList {
        func requests(of container: Container) -> ResourceList {
            var result = container.limits
            for entry in container.requests.entries { result[entry.name] = entry.quantity }
            return result
        }
        var running = ResourceList()
        for container in containers { running.add(requests(of: container)) }

        var sidecarsSoFar = ResourceList()
        var initPeak = ResourceList()
        for container in initContainers {
            let own = requests(of: container)
            if container.isSidecar {
                sidecarsSoFar.add(own)
                initPeak = initPeak.maximum(sidecarsSoFar)
            } else {
                initPeak = initPeak.maximum(sidecarsSoFar + own)
            }
        }
        running.add(sidecarsSoFar)

        var total = running.maximum(initPeak)
        if let podLevelRequests {
            for entry in podLevelRequests.entries { total[entry.name] = entry.quantity }
        }
        total.add(overhead)
        total[ResourceName.pods] = .units(1)
        return total
    }

    /// Host ports of every container and init container.
    public var hostPorts: [HostPort] {
        (initContainers + containers).flatMap(\.hostPorts)
    }
}
