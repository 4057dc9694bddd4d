import Foundation
import NodePlanModel

/// A stable 64-bit FNV-1a hash of a snapshot's sorted-key JSON: equal on every platform and run
/// exactly when the generated snapshot is.
func fingerprint(_ snapshot: Snapshot) throws -> UInt64 {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in try encoder.encode(snapshot) {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
}
