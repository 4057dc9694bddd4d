import NodePlanModel

/// Model values that set every field to something other than its default, so a round trip
/// through protobuf proves each field is carried.
enum WireFixtures {
    static let zonal = NodeSelectorRequirement(key: WellKnownLabel.zone, operator: .in, values: ["westeurope-1", "westeurope-2"],
                                               minValues: 2)
    static let selector = LabelSelector(matchLabels: ["app": "web"],
                                        matchExpressions: [LabelSelectorRequirement(key: "tier", operator: .notIn, values: ["db"])])
    static let taint = Taint(key: "dedicated", value: "gpu", effect: .noSchedule)

    static var podSpec: PodSpec {
        PodSpec(
            namespace: "shop",
            labels: ["app": "web", "tier": "frontend"],
            annotations: ["karpenter.sh/do-not-disrupt": "true"],
            owner: OwnerReference(kind: "ReplicaSet", name: "web-6d4f"),
            nodeSelector: [WellKnownLabel.arch: "amd64"],
            affinity: Affinity(
                nodeAffinity: NodeAffinity(
                    required: [NodeSelectorTerm([zonal]), NodeSelectorTerm([])],
                    preferred: [PreferredSchedulingTerm(weight: 40, preference: NodeSelectorTerm([
                        NodeSelectorRequirement(key: WellKnownLabel.capacityType, operator: .in, values: ["spot"]),
                    ]))]),
                podAffinity: PodAffinityRules(
                    required: [PodAffinityTerm(labelSelector: selector, namespaces: ["shop"],
                                               namespaceSelector: LabelSelector(), topologyKey: WellKnownLabel.zone,
                                               matchLabelKeys: ["pod-template-hash"], mismatchLabelKeys: ["tenant"])],
                    preferred: [WeightedPodAffinityTerm(weight: 7, term: PodAffinityTerm(labelSelector: nil,
                                                                                         topologyKey: WellKnownLabel.hostname))]),
                podAntiAffinity: PodAffinityRules(required: [PodAffinityTerm(labelSelector: selector,
                                                                             topologyKey: WellKnownLabel.hostname)])),
            tolerations: [
                Toleration(key: "dedicated", operator: .equal, value: "gpu", effect: .noExecute, tolerationSeconds: 300),
                Toleration(operator: .exists),
            ],
            topologySpreadConstraints: [
                TopologySpreadConstraint(maxSkew: 2, topologyKey: WellKnownLabel.zone, whenUnsatisfiable: .scheduleAnyway,
                                         labelSelector: selector, minDomains: 3, nodeAffinityPolicy: .ignore,
                                         nodeTaintsPolicy: .honor, matchLabelKeys: ["pod-template-hash"]),
            ],
            priority: 1000,
            priorityClassName: "high",
            preemptionPolicy: "Never",
            containers: [
                Container(name: "app", requests: ResourceList(cpu: .millis(250), memory: .mebibytes(512)),
                          limits: ResourceList(cpu: .units(1), memory: .gibibytes(1)),
                          hostPorts: [HostPort(hostIP: "10.0.0.1", port: 8080, protocol: "UDP")]),
            ],
            initContainers: [
                Container(name: "mesh", requests: ResourceList(cpu: .millis(100)), isSidecar: true),
                Container(name: "migrate", requests: ResourceList(memory: .mebibytes(64))),
            ],
            overhead: ResourceList(cpu: .millis(10)),
            podLevelRequests: ResourceList(cpu: .units(2)),
            volumes: VolumeRequirements(topologyAlternatives: [[zonal], []], attachments: ["disk.csi.azure.com": 2]),
            schedulerName: "custom-scheduler")
    }

    static var snapshot: Snapshot {
        var snapshot = Snapshot(
            cluster: Cluster(name: "prod", region: "westeurope", kubernetesVersion: "1.33.2", now: 1_764_000_000.5,
                             networkPlugin: .kubenet),
            instanceTypes: [
                InstanceType(name: "Standard_D4s_v5",
                             capacity: ResourceList(cpu: .units(4), memory: .gibibytes(16), pods: .units(110)),
                             overhead: ResourceList(cpu: .millis(140), memory: .mebibytes(1500)),
                             requirements: [.in(WellKnownLabel.arch, "amd64")],
                             offerings: [
                                 Offering(zone: "westeurope-1", capacityType: .onDemand, price: 0.192),
                                 Offering(zone: "0", capacityType: .spot, price: 0.038, available: false),
                                 Offering(zone: "westeurope-2", capacityType: .reserved, price: 0),
                             ]),
            ],
            catalog: CatalogSelection(region: "northeurope", overheadModel: .aksMaxPods, instanceTypes: ["Standard_D2s_v5"],
                                      overrides: [
                                          OfferingOverride(instanceType: "Standard_D2s_v5", zone: "northeurope-1",
                                                           capacityType: .spot, price: 0.02, available: false),
                                          OfferingOverride(instanceType: "Custom_X"),
                                      ]),
            nodePools: [
                NodePool(name: "general", weight: 10, labels: ["team": "shop"], annotations: ["note": "x"],
                         taints: [taint], startupTaints: [Taint(key: "init", effect: .preferNoSchedule)],
                         requirements: [zonal], nodeClass: "default", expireAfterSeconds: 3600,
                         terminationGracePeriodSeconds: 600,
                         disruption: Disruption(consolidationPolicy: .whenEmpty, consolidateAfterSeconds: 30,
                                                budgets: [DisruptionBudget(nodes: "20%", schedule: "0 9 * * 1-5",
                                                                           durationSeconds: 28800,
                                                                           reasons: [.drifted, .empty])]),
                         limits: ResourceList(cpu: .units(1000), memory: .gibibytes(4000)), replicas: 3),
                NodePool(name: "never", expireAfterSeconds: nil,
                         disruption: Disruption(consolidationPolicy: .balanced, consolidateAfterSeconds: nil, budgets: [])),
            ],
            nodeClasses: [
                AKSNodeClass(name: "default", imageFamily: .azureLinux, osDiskSizeGB: 64, maxPods: 50,
                             tags: ["env": "prod"], vnetSubnetID: "/subscriptions/s/subnets/a", fipsMode: true,
                             encryptionAtHost: true, trustedLaunch: true, gpuMode: .none, artifactStreaming: true,
                             localDNS: true, kubelet: ["cpuCFSQuota": "false"]),
            ],
            nodes: [
                Node(name: "aks-general-abcde", labels: [WellKnownLabel.zone: "westeurope-1"], annotations: ["a": "b"],
                     taints: [taint], startupTaints: [Taint(key: "init", effect: .noExecute)],
                     capacity: ResourceList(cpu: .units(4), memory: .gibibytes(16), pods: .units(110)),
                     allocatable: ResourceList(cpu: .millis(3860), memory: .mebibytes(14000), pods: .units(110)),
                     nodePool: "general", instanceType: "Standard_D4s_v5", price: 0.192, registered: false,
                     initialized: false, ready: false, createdAt: 1_763_000_000, markedForDeletion: true,
                     nominated: true, drifted: true, volumeLimits: ["disk.csi.azure.com": 8]),
            ],
            daemonSets: [DaemonSet(name: "kube-proxy", template: PodSpec(namespace: "kube-system",
                                                                           containers: [Container(name: "proxy")]))],
            podDisruptionBudgets: [
                PodDisruptionBudget(name: "web", namespace: "shop", selector: selector, minAvailable: "50%",
                                    maxUnavailable: "1", disruptionsAllowed: 0),
            ],
            priorityClasses: [PriorityClass(name: "high", value: 1000, globalDefault: true, preemptionPolicy: "Never")],
            namespaces: [Namespace(name: "shop", labels: ["team": "shop"])],
            options: SolverOptions(strategy: .karpenter, preferencePolicy: .ignore, minValuesPolicy: .bestEffort,
                                   timeBudgetMilliseconds: 2500, threads: 4, maxFallbacks: 3, consolidate: true,
                                   minimumSavingsPerHour: 0.5, minimumSavingsFraction: 0.1,
                                   spotToSpotConsolidation: true))
        snapshot.addPods(PodSpec(), count: 2, namePrefix: "idle")
        snapshot.addPods(podSpec, count: 3, namePrefix: "web", nodeName: "aks-general-abcde")
        snapshot.pods[2].nominatedNodeName = "aks-general-abcde"
        snapshot.pods[2].deletedAt = 1_764_000_100
        snapshot.pods[2].annotations = [WellKnownAnnotation.podDeletionCost: "-5"]
        snapshot.pods[2].phase = .unknown
        snapshot.pods[3].createdAt = 1_763_999_000
        return snapshot
    }

    static var plan: Plan {
        let choice = LaunchOption(instanceType: "Standard_D4s_v5", zone: "westeurope-1", capacityType: .spot, price: 0.038)
        return Plan(
            launches: [
                NodeLaunch(name: "launch-0", nodePool: "general", choice: choice,
                           fallbacks: [LaunchOption(instanceType: "Standard_D4s_v5", zone: "westeurope-2",
                                                    capacityType: .onDemand, price: 0.192)],
                           requirements: [zonal], labels: ["team": "shop"], taints: [taint],
                           startupTaints: [Taint(key: "init", effect: .noSchedule)], pods: [0, 1],
                           requests: ResourceList(cpu: .millis(1500), memory: .gibibytes(2)), minValuesRelaxed: true),
            ],
            assignments: [NodeAssignment(node: "aks-general-abcde", pods: [2])],
            terminations: [
                NodeTermination(node: "aks-old", reason: .underutilized, waitFor: ["launch-0"], evictedPods: [3, 4],
                                batch: 1, savingsPerHour: -0.25, disruptionCost: 2.5),
            ],
            unschedulable: [
                UnschedulablePod(pod: 4, reason: "no instance type tolerates taint dedicated=gpu",
                                 details: ["general: taint not tolerated"], preemptionCandidates: [0]),
            ],
            cost: CostSummary(before: 1.5, after: 1.2, lowerBound: 1.1),
            timings: ["provision": 12.5, "consolidate": 0],
            warnings: ["catalog is 40 days old"],
            strategy: .karpenter)
    }
}
