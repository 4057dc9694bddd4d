extension Workload {
    /// Decodes a `batch/v1` Job: `spec.parallelism` (default 1) pods, bounded by the completions
    /// still outstanding (`spec.completions − status.succeeded`); none when suspended or finished.
    init(decodingJob object: Mapping, meta: ObjectMeta) throws(InputError) {
        try self.init(kind: .job, decoding: object, meta: meta, replicasKey: "parallelism")
        let spec = try object.required("spec").mapping()
        let status = try object["status"]?.mapping()
        let succeeded = try status?["succeeded"]?.count() ?? 0
        if let completions = try spec["completions"]?.count() {
            desiredPods = min(desiredPods, max(0, completions - succeeded))
        } else if succeeded > 0 {
            desiredPods = 0
        }
        if try spec["suspend"]?.bool() ?? false { desiredPods = 0 }
        for condition in try status?["conditions"]?.sequence() ?? [] {
            let entry = try condition.mapping()
            let type = try entry["type"]?.string()
            if type == "Complete" || type == "Failed", try entry["status"]?.string() == "True" { desiredPods = 0 }
        }
    }
}
