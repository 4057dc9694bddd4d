import NodePlanModel

extension PersistentVolume {
    /// Decodes a `v1/PersistentVolume`: its required node affinity and CSI driver.
    init(decoding object: Mapping, meta: ObjectMeta) throws(InputError) {
        let spec = try object.required("spec").mapping()
        var alternatives: [[NodeSelectorRequirement]] = []
        if let affinity = try spec["nodeAffinity"]?.mapping(), let required = try affinity["required"]?.mapping() {
            for term in try required.required("nodeSelectorTerms").sequence() {
                alternatives.append(try NodeSelectorTerm(decoding: term).matchExpressions)
            }
        }
        self.init(name: meta.name, nodeAffinity: alternatives,
                  csiDriver: try spec["csi"]?.mapping().required("driver").string())
    }
}
