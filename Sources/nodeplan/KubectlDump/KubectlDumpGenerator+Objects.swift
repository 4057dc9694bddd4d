import NodePlanModel

/// The generated cluster's objects as kubectl prints them.
extension KubectlDumpGenerator {
    static func nodeClass() -> KubeValue {
        [
            "apiVersion": "karpenter.azure.com/v1beta1", "kind": "AKSNodeClass",
            "metadata": ["name": "default", "creationTimestamp": "\(timestamp(now - 90 * 86_400))", "generation": 1],
            "spec": ["imageFamily": "Ubuntu2204", "osDiskSizeGB": 128],
        ]
    }

    static func nodePool(_ shape: PoolShape) -> KubeValue {
        var template: [String: KubeValue] = [
            "nodeClassRef": ["group": "karpenter.azure.com", "kind": "AKSNodeClass", "name": "default"],
            "expireAfter": "720h",
            "requirements": [
                ["key": "karpenter.azure.com/sku-family", "operator": "In", "values": .list(shape.families.map { .string($0) })],
                ["key": "karpenter.sh/capacity-type", "operator": "In", "values": ["\(shape.capacityType.rawValue)"]],
                ["key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]],
                ["key": "kubernetes.io/os", "operator": "In", "values": ["linux"]],
            ],
        ]
        if let taint = shape.taint {
            template["taints"] = [["key": "\(taint.key)", "value": "\(taint.value)", "effect": "\(taint.effect.rawValue)"]]
        }
        return [
            "apiVersion": "karpenter.sh/v1", "kind": "NodePool",
            "metadata": ["name": "\(shape.name)", "creationTimestamp": "\(timestamp(now - 90 * 86_400))", "generation": 1],
            "spec": [
                "template": ["metadata": ["labels": ["workload-class": "\(shape.name)"]], "spec": .map(template)],
                "limits": ["cpu": "6000", "memory": "24000Gi"],
                "disruption": ["consolidationPolicy": "WhenEmptyOrUnderutilized", "consolidateAfter": "5m",
                               "budgets": [["nodes": "10%"]]],
            ],
        ]
    }

    static func priorityClass() -> KubeValue {
        [
            "apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
            "metadata": ["name": "business-critical", "creationTimestamp": "\(timestamp(now - 90 * 86_400))"],
            "value": 100_000, "globalDefault": false, "preemptionPolicy": "PreemptLowerPriority",
            "description": "Customer-facing services.",
        ]
    }

    func nodeObject(_ node: ExistingNode) -> KubeValue {
        var labels: [String: String] = [
            WellKnownLabel.hostname: node.name, WellKnownLabel.zone: node.zone, WellKnownLabel.region: region,
            WellKnownLabel.instanceType: node.instanceType.name, WellKnownLabel.capacityType: node.capacityType.rawValue,
            WellKnownLabel.nodePool: node.pool, WellKnownLabel.initialized: "true", WellKnownLabel.registered: "true",
            WellKnownLabel.aksMode: "user", WellKnownLabel.aksOSSKU: "Ubuntu", "agentpool": node.pool,
            "kubernetes.azure.com/cluster": "MC_prod_prod-aks_\(region)", "workload-class": node.pool,
            "beta.kubernetes.io/instance-type": node.instanceType.name, "failure-domain.beta.kubernetes.io/zone": node.zone,
            "failure-domain.beta.kubernetes.io/region": region, "topology.disk.csi.azure.com/zone": node.zone,
        ]
        // Karpenter labels a node with every single-valued requirement of its instance type.
        for requirement in node.instanceType.requirements where requirement.operator == .in && requirement.values.count == 1 {
            labels[requirement.key] = requirement.values[0]
        }
        var spec: [String: KubeValue] = [
            "providerID": "azure:///subscriptions/7d1c7b9e-0000-4000-8000-2f4c1a6b3e10/resourceGroups/MC_prod_prod-aks_\(region)/providers/Microsoft.Compute/virtualMachines/\(node.name)",
        ]
        if let taint = Self.pools.first(where: { $0.name == node.pool })?.taint {
            spec["taints"] = [["key": "\(taint.key)", "value": "\(taint.value)", "effect": "\(taint.effect.rawValue)"]]
        }
        let created = Self.timestamp(node.created)
        return [
            "apiVersion": "v1", "kind": "Node",
            "metadata": [
                "name": "\(node.name)", "uid": "\(node.uid)", "creationTimestamp": "\(created)", "labels": .strings(labels),
                "annotations": ["node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true",
                                "karpenter.sh/nodepool-hash": "6821555240594823858", "karpenter.sh/nodepool-hash-version": "v3"],
            ],
            "spec": .map(spec),
            "status": [
                "addresses": [["type": "InternalIP", "address": "\(node.address)"], ["type": "Hostname", "address": "\(node.name)"]],
                "capacity": Self.quantities(node.instanceType.capacity),
                "allocatable": Self.quantities(node.instanceType.allocatable),
                "conditions": [
                    ["type": "MemoryPressure", "status": "False", "reason": "KubeletHasSufficientMemory", "lastTransitionTime": "\(created)"],
                    ["type": "DiskPressure", "status": "False", "reason": "KubeletHasNoDiskPressure", "lastTransitionTime": "\(created)"],
                    ["type": "PIDPressure", "status": "False", "reason": "KubeletHasSufficientPID", "lastTransitionTime": "\(created)"],
                    ["type": "Ready", "status": "True", "reason": "KubeletReady", "lastTransitionTime": "\(created)"],
                ],
                "nodeInfo": [
                    "architecture": "amd64", "operatingSystem": "linux", "osImage": "Ubuntu 22.04.5 LTS",
                    "kernelVersion": "5.15.0-1089-azure", "containerRuntimeVersion": "containerd://1.7.27-1",
                    "kubeletVersion": "v1.33.2", "kubeProxyVersion": "v1.33.2",
                ],
            ],
        ]
    }

    /// Deployments with their ReplicaSets, StatefulSets, Jobs, then the DaemonSets.
    func workloadObjects() -> [KubeValue] {
        var objects: [KubeValue] = []
        for workload in workloads {
            let replicas = workload.running.count + workload.pending.count
            let ready = workload.running.count
            let meta: KubeValue = [
                "name": "\(workload.name)", "namespace": "\(workload.namespace)", "uid": "\(workload.uid)",
                "creationTimestamp": "\(Self.timestamp(workload.created))", "generation": 1,
                "labels": .strings(["app.kubernetes.io/name": workload.name, "team": workload.namespace]),
            ]
            let selector: KubeValue = ["matchLabels": ["app.kubernetes.io/name": "\(workload.name)"]]
            switch workload.archetype.kind {
            case .deployment:
                let template = podTemplate(workload)
                objects.append([
                    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta,
                    "spec": ["replicas": .int(replicas), "selector": selector, "template": template, "progressDeadlineSeconds": 600,
                             "revisionHistoryLimit": 10,
                             "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]]],
                    "status": ["replicas": .int(replicas), "readyReplicas": .int(ready), "availableReplicas": .int(ready),
                               "updatedReplicas": .int(replicas), "observedGeneration": 1],
                ])
                objects.append([
                    "apiVersion": "apps/v1", "kind": "ReplicaSet",
                    "metadata": [
                        "name": "\(workload.name)-\(workload.hash)", "namespace": "\(workload.namespace)",
                        "uid": "\(workload.podOwnerUID)", "creationTimestamp": "\(Self.timestamp(workload.created))",
                        "labels": .strings(["app.kubernetes.io/name": workload.name, "pod-template-hash": workload.hash]),
                        "annotations": ["deployment.kubernetes.io/revision": "1", "deployment.kubernetes.io/desired-replicas": "\(replicas)"],
                        "ownerReferences": [Self.ownerReference(kind: "Deployment", name: workload.name, uid: workload.uid)],
                    ],
                    "spec": ["replicas": .int(replicas), "selector": selector, "template": podTemplate(workload, hash: workload.hash)],
                    "status": ["replicas": .int(replicas), "readyReplicas": .int(ready), "availableReplicas": .int(ready),
                               "fullyLabeledReplicas": .int(replicas), "observedGeneration": 1],
                ])
            case .statefulSet:
                objects.append([
                    "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": meta,
                    "spec": ["replicas": .int(replicas), "selector": selector, "serviceName": "\(workload.name)",
                             "template": podTemplate(workload), "podManagementPolicy": "OrderedReady",
                             "updateStrategy": ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]]],
                    "status": ["replicas": .int(replicas), "readyReplicas": .int(ready), "currentReplicas": .int(replicas),
                               "observedGeneration": 1],
                ])
            case .job:
                objects.append([
                    "apiVersion": "batch/v1", "kind": "Job", "metadata": meta,
                    "spec": ["parallelism": .int(replicas), "completions": .int(replicas), "backoffLimit": 6,
                             "completionMode": "NonIndexed", "suspend": false,
                             "selector": ["matchLabels": ["batch.kubernetes.io/controller-uid": "\(workload.uid)"]],
                             "template": podTemplate(workload)],
                    "status": ["active": .int(replicas), "ready": .int(ready), "startTime": "\(Self.timestamp(workload.created))"],
                ])
            }
        }
        for (index, daemonSet) in Self.daemonSets.enumerated() {
            objects.append([
                "apiVersion": "apps/v1", "kind": "DaemonSet",
                "metadata": ["name": "\(daemonSet.name)", "namespace": "\(daemonSet.namespace)", "uid": "\(daemonSetUIDs[index])",
                             "creationTimestamp": "\(Self.timestamp(Self.now - 90 * 86_400))", "generation": 1,
                             "labels": ["k8s-app": "\(daemonSet.name)", "kubernetes.azure.com/managedby": "aks"]],
                "spec": ["selector": ["matchLabels": ["k8s-app": "\(daemonSet.name)"]],
                         "template": ["metadata": ["labels": ["k8s-app": "\(daemonSet.name)"]],
                                      "spec": daemonPodSpec(index, nodeName: nil)],
                         "updateStrategy": ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 1, "maxSurge": 0]]],
                "status": ["desiredNumberScheduled": .int(nodes.count), "currentNumberScheduled": .int(nodes.count),
                           "numberReady": .int(nodes.count), "numberAvailable": .int(nodes.count), "observedGeneration": 1],
            ])
        }
        return objects
    }

    static func disruptionBudget(_ workload: GeneratedWorkload) -> KubeValue {
        [
            "apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
            "metadata": ["name": "\(workload.name)", "namespace": "\(workload.namespace)",
                         "creationTimestamp": "\(timestamp(workload.created))"],
            "spec": workload.archetype.kind == .statefulSet
                ? ["maxUnavailable": 1, "selector": ["matchLabels": ["app.kubernetes.io/name": "\(workload.name)"]]]
                : ["minAvailable": "50%", "selector": ["matchLabels": ["app.kubernetes.io/name": "\(workload.name)"]]],
        ]
    }

    /// Every pod: DaemonSet pods node by node, then each workload's running and pending pods.
    mutating func podObjects() -> [KubeValue] {
        var pods: [KubeValue] = []
        for node in nodes {
            for (index, daemonSet) in Self.daemonSets.enumerated() {
                let name = "\(daemonSet.name)-\(String(node.name.suffix(5)))"
                pods.append(podObject(
                    name: name, namespace: daemonSet.namespace, labels: ["k8s-app": daemonSet.name],
                    owner: Self.ownerReference(kind: "DaemonSet", name: daemonSet.name, uid: daemonSetUIDs[index]),
                    spec: daemonPodSpec(index, nodeName: node.name), created: node.created + 60, node: node))
            }
        }
        for workload in workloads {
            let owner: KubeValue = switch workload.archetype.kind {
            case .deployment: Self.ownerReference(kind: "ReplicaSet", name: "\(workload.name)-\(workload.hash)", uid: workload.podOwnerUID)
            case .statefulSet: Self.ownerReference(kind: "StatefulSet", name: workload.name, uid: workload.uid)
            case .job: Self.ownerReference(kind: "Job", name: workload.name, uid: workload.uid)
            }
            let hash = workload.archetype.kind == .deployment ? workload.hash : nil
            for pod in workload.running {
                pods.append(podObject(name: pod.name, namespace: workload.namespace, labels: podLabels(workload, hash: hash),
                                      owner: owner, spec: podSpec(workload, nodeName: nodes[pod.node].name),
                                      created: max(workload.created, nodes[pod.node].created) + 120, node: nodes[pod.node]))
            }
            for name in workload.pending {
                pods.append(podObject(name: name, namespace: workload.namespace, labels: podLabels(workload, hash: hash),
                                      owner: owner, spec: podSpec(workload, nodeName: nil), created: Self.now - 30, node: nil))
            }
        }
        return pods
    }

    private mutating func podObject(name: String, namespace: String, labels: [String: String], owner: KubeValue,
                                    spec: KubeValue, created: Double, node: ExistingNode?) -> KubeValue {
        let status: KubeValue
        if let node {
            let started = Self.timestamp(created + 5)
            status = [
                "phase": "Running", "hostIP": "\(node.address)", "podIP": "10.244.\(random.integer(in: 0...250)).\(random.integer(in: 2...254))",
                "qosClass": "Burstable", "startTime": "\(started)",
                "conditions": [
                    ["type": "PodScheduled", "status": "True", "lastTransitionTime": "\(Self.timestamp(created))"],
                    ["type": "Initialized", "status": "True", "lastTransitionTime": "\(started)"],
                    ["type": "ContainersReady", "status": "True", "lastTransitionTime": "\(started)"],
                    ["type": "Ready", "status": "True", "lastTransitionTime": "\(started)"],
                ],
            ]
        } else {
            status = [
                "phase": "Pending", "qosClass": "Burstable",
                "conditions": [[
                    "type": "PodScheduled", "status": "False", "reason": "Unschedulable",
                    "lastTransitionTime": "\(Self.timestamp(created))",
                    "message": "0/\(nodes.count) nodes are available: \(nodes.count) Insufficient cpu. preemption: 0/\(nodes.count) nodes are available: \(nodes.count) No preemption victims found for incoming pod.",
                ]],
            ]
        }
        return [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "\(name)", "namespace": "\(namespace)", "uid": "\(uid())", "labels": .strings(labels),
                         "creationTimestamp": "\(Self.timestamp(created))", "ownerReferences": [owner]],
            "spec": spec, "status": status,
        ]
    }

    private func podLabels(_ workload: GeneratedWorkload, hash: String?) -> [String: String] {
        var labels = ["app.kubernetes.io/name": workload.name, "team": workload.namespace]
        if let hash { labels["pod-template-hash"] = hash }
        if workload.archetype.kind == .job {
            labels["batch.kubernetes.io/controller-uid"] = workload.uid
            labels["batch.kubernetes.io/job-name"] = workload.name
        }
        return labels
    }

    private func podTemplate(_ workload: GeneratedWorkload, hash: String? = nil) -> KubeValue {
        var labels = podLabels(workload, hash: hash)
        if workload.archetype.kind == .job { labels.removeValue(forKey: "batch.kubernetes.io/controller-uid") }
        return ["metadata": ["labels": .strings(labels)], "spec": podSpec(workload, nodeName: nil)]
    }

    /// The pod spec of a workload's pods, as the API server fills in its defaults.
    private func podSpec(_ workload: GeneratedWorkload, nodeName: String?) -> KubeValue {
        let archetype = workload.archetype
        let selector: KubeValue = ["matchLabels": ["app.kubernetes.io/name": "\(workload.name)"]]
        var tolerations = Self.defaultTolerations
        if let taint = Self.pools.first(where: { $0.name == archetype.pool })?.taint {
            tolerations.append(["key": "\(taint.key)", "operator": "Equal", "value": "\(taint.value)", "effect": "\(taint.effect.rawValue)"])
        }
        let memory = workload.requests[ResourceName.memory].value >> 20
        var spec: [String: KubeValue] = [
            "containers": [[
                "name": "\(workload.name)",
                "image": "prodacr.azurecr.io/\(workload.namespace)/\(workload.name):\(workload.hash.prefix(7))",
                "imagePullPolicy": "IfNotPresent",
                "ports": [["containerPort": 8080, "name": "http", "protocol": "TCP"]],
                "resources": ["requests": ["cpu": "\(workload.requests[ResourceName.cpu].milli)m", "memory": "\(memory)Mi"],
                              "limits": ["memory": "\(memory * 3 / 2)Mi"]],
                "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
                "volumeMounts": [["mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": "kube-api-access",
                                  "readOnly": true]],
            ]],
            "nodeSelector": ["karpenter.sh/nodepool": "\(archetype.pool)"],
            "dnsPolicy": "ClusterFirst", "enableServiceLinks": true, "restartPolicy": archetype.kind == .job ? "Never" : "Always",
            "schedulerName": "default-scheduler", "securityContext": [:], "serviceAccount": "default",
            "serviceAccountName": "default", "terminationGracePeriodSeconds": 30, "preemptionPolicy": "PreemptLowerPriority",
            "priority": .int(archetype.priorityClass == nil ? 0 : 100_000), "tolerations": .list(tolerations),
            "volumes": [Self.serviceAccountVolume],
        ]
        if let priorityClass = archetype.priorityClass { spec["priorityClassName"] = "\(priorityClass)" }
        if let nodeName { spec["nodeName"] = "\(nodeName)" }
        if archetype.zoneSpread {
            spec["topologySpreadConstraints"] = [["maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone",
                                                  "whenUnsatisfiable": "DoNotSchedule", "labelSelector": selector]]
        }
        if archetype.hostnameAntiAffinity {
            spec["affinity"] = ["podAntiAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [
                ["labelSelector": selector, "topologyKey": "kubernetes.io/hostname"],
            ]]]
        } else if archetype.preferHostnameSpread {
            spec["affinity"] = ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [
                ["weight": 100, "podAffinityTerm": ["labelSelector": selector, "topologyKey": "kubernetes.io/hostname"]],
            ]]]
        }
        return .map(spec)
    }

    /// A DaemonSet pod's spec; `nodeName` set for the pods, nil for the template.
    private func daemonPodSpec(_ index: Int, nodeName: String?) -> KubeValue {
        let daemonSet = Self.daemonSets[index]
        var spec: [String: KubeValue] = [
            "containers": [[
                "name": "\(daemonSet.name)", "image": "mcr.microsoft.com/oss/kubernetes/\(daemonSet.name):v1.33.2",
                "imagePullPolicy": "IfNotPresent",
                "resources": ["requests": ["cpu": "\(daemonSet.cpuMillis)m", "memory": "\(daemonSet.memoryMebibytes)Mi"]],
                "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
            ]],
            "dnsPolicy": "ClusterFirst", "restartPolicy": "Always", "schedulerName": "default-scheduler",
            "priorityClassName": "system-node-critical", "priority": 2_000_001_000, "preemptionPolicy": "PreemptLowerPriority",
            "securityContext": [:], "serviceAccountName": "\(daemonSet.name)", "terminationGracePeriodSeconds": 30,
            "tolerations": [["operator": "Exists"]],
        ]
        if let nodeName { spec["nodeName"] = "\(nodeName)" }
        return .map(spec)
    }

    static func ownerReference(kind: String, name: String, uid: String) -> KubeValue {
        ["apiVersion": kind == "Job" ? "batch/v1" : "apps/v1", "kind": "\(kind)", "name": "\(name)", "uid": "\(uid)",
         "controller": true, "blockOwnerDeletion": true]
    }

    static let defaultTolerations: [KubeValue] = [
        ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
        ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
    ]

    static let serviceAccountVolume: KubeValue = [
        "name": "kube-api-access",
        "projected": ["defaultMode": 420, "sources": [
            ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
            ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
        ]],
    ]

    /// A resource list as kubectl prints node capacity: CPU in cores or millicores, memory in Ki.
    static func quantities(_ list: ResourceList) -> KubeValue {
        var values: [String: KubeValue] = [:]
        for (name, quantity) in list.entries {
            switch name {
            case ResourceName.cpu:
                values[name] = quantity.milli % 1000 == 0 ? "\(quantity.milli / 1000)" : "\(quantity.milli)m"
            case ResourceName.memory, ResourceName.ephemeralStorage:
                values[name] = "\(quantity.value >> 10)Ki"
            default:
                values[name] = "\(quantity.value)"
            }
        }
        return .map(values)
    }
}
