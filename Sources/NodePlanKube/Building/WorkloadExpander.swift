import NodePlanModel

/// Works out which pods workloads still have to create: for each Deployment, ReplicaSet,
/// StatefulSet and Job, its desired pods minus the active pods it already owns in the input
/// (Deployment → ReplicaSet → Pod ownership is followed by name).
enum WorkloadExpander {
    /// A pod a workload will create.
    struct PendingPod {
        var name: String
        /// Index into the workloads passed to `pendingPods`: the workload that wants the pod.
        var workload: Int
        /// Index of the workload whose template the pod is made from: a Deployment's newest ReplicaSet
        /// when the input has it (its template carries the `pod-template-hash` label the pods will get).
        var template: Int
        /// Labels the controller adds per pod (StatefulSet ordinals).
        var extraLabels: [String: String]
        /// StatefulSet claims from `volumeClaimTemplates`.
        var extraClaims: [VolumeResolver.Claim]
    }

    static func pendingPods(workloads: [Workload], pods: [KubePod]) -> [PendingPod] {
        let deployments = Set(workloads.filter { $0.kind == .deployment }.map { $0.meta.namespace + "/" + $0.meta.name })
        var replicaSetDeployment: [String: String] = [:]
        var newestReplicaSet: [String: (index: Int, revision: Int)] = [:]
        for (index, workload) in workloads.enumerated() where workload.kind == .replicaSet {
            guard let owner = workload.meta.owner, owner.kind == WorkloadKind.deployment.rawValue else { continue }
            replicaSetDeployment[workload.meta.namespace + "/" + workload.meta.name] = owner.name
            let revision = Int(workload.meta.annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0
            let deployment = workload.meta.namespace + "/" + owner.name
            if revision >= newestReplicaSet[deployment]?.revision ?? .min {
                newestReplicaSet[deployment] = (index, revision)
            }
        }

        // Active (non-terminal, non-terminating) pods per owning workload, and their names.
        var ownedCount: [String: Int] = [:]
        var ownedNames: Set<String> = []
        for pod in pods where pod.meta.deletedAt == nil && pod.phase != .succeeded && pod.phase != .failed {
            guard let owner = pod.meta.owner else { continue }
            let namespace = pod.meta.namespace
            var key = "\(owner.kind)/\(namespace)/\(owner.name)"
            if owner.kind == WorkloadKind.replicaSet.rawValue,
               let deployment = replicaSetDeployment[namespace + "/" + owner.name]
                ?? deploymentName(replicaSet: owner.name, hash: pod.meta.labels["pod-template-hash"]),
               deployments.contains(namespace + "/" + deployment) {
                key = "Deployment/\(namespace)/\(deployment)"
            }
            ownedCount[key, default: 0] += 1
            ownedNames.insert(namespace + "/" + pod.meta.name)
        }

        var pending: [PendingPod] = []
        for (index, workload) in workloads.enumerated() {
            let meta = workload.meta
            if workload.kind == .replicaSet, let owner = meta.owner, owner.kind == WorkloadKind.deployment.rawValue,
               deployments.contains(meta.namespace + "/" + owner.name) {
                continue
            }
            if workload.kind == .statefulSet {
                for ordinal in 0..<workload.desiredPods {
                    let name = "\(meta.name)-\(ordinal)"
                    guard !ownedNames.contains(meta.namespace + "/" + name) else { continue }
                    pending.append(PendingPod(
                        name: name, workload: index, template: index,
                        extraLabels: ["statefulset.kubernetes.io/pod-name": name, "apps.kubernetes.io/pod-index": "\(ordinal)"],
                        extraClaims: workload.volumeClaimTemplates.map {
                            VolumeResolver.Claim(name: "\($0.name)-\(name)", storageClassName: $0.storageClassName)
                        }))
                }
                continue
            }
            let owned = ownedCount["\(workload.kind.rawValue)/\(meta.namespace)/\(meta.name)"] ?? 0
            let template = workload.kind == .deployment
                ? newestReplicaSet[meta.namespace + "/" + meta.name]?.index ?? index : index
            for ordinal in 0..<max(0, workload.desiredPods - owned) {
                pending.append(PendingPod(name: "\(meta.name)-pending-\(ordinal)", workload: index, template: template,
                                          extraLabels: [:], extraClaims: []))
            }
        }
        return pending
    }

    /// A ReplicaSet created by a Deployment is named `<deployment>-<pod-template-hash>`.
    private static func deploymentName(replicaSet: String, hash: String?) -> String? {
        guard let hash, !hash.isEmpty, replicaSet.hasSuffix("-" + hash) else { return nil }
        return String(replicaSet.dropLast(hash.count + 1))
    }
}
