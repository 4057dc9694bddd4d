// Measures how long the server spends turning a 100k-pod request payload into a model Snapshot:
// zstd decompression, protobuf parsing with swift-protobuf (and, for comparison, protobuf-c), and
// the validating proto -> model conversion. Run: swift run -c release wire-decode-benchmark
import NodePlanModel
import NodePlanProtoC
import NodePlanWire
import SwiftProtobuf

let repetitions = 7
let clock = ContinuousClock()

func measure(_ label: String, _ body: () throws -> Void) rethrows {
    var samples: [Duration] = []
    for _ in 0..<repetitions { samples.append(try clock.measure(body)) }
    samples.sort()
    func ms(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(Int((value * 10).rounded())).paddedMilliseconds
    }
    print("\(label.padding(toLength: 44, withPad: " ", startingAt: 0)) min \(ms(samples[0])) ms   median \(ms(samples[repetitions / 2])) ms")
}

extension String {
    /// "1234" (tenths) -> "123.4", right-aligned.
    var paddedMilliseconds: String {
        let text = count == 1 ? "0.\(self)" : "\(dropLast()).\(suffix(1))"
        return String(repeating: " ", count: max(0, 8 - text.count)) + text
    }
}

let cluster = SyntheticCluster()
let snapshot = cluster.snapshot()
let message = snapshot.proto
let bytes: [UInt8] = try message.serializedBytes()
let compressed = try Zstd.compress(bytes, level: Zstd.defaultLevel)
print("snapshot: \(cluster.specs) pod specs, \(snapshot.pods.count) pods, \(snapshot.nodes.count) nodes, \(snapshot.instanceTypes.count) instance types")
print("protobuf \(bytes.count) bytes, zstd level \(Zstd.defaultLevel) \(compressed.count) bytes")

try measure("zstd compress (level 3)") { _ = try Zstd.compress(bytes, level: Zstd.defaultLevel) }
try measure("zstd decompress") { _ = try Zstd.decompress(compressed, maxSize: 1 << 30) }
try measure("swift-protobuf parse") { _ = try Nodeplan_V1_Snapshot(serializedBytes: bytes) }
measure("protobuf-c unpack + free") {
    guard let unpacked = bytes.withUnsafeBufferPointer({ nodeplan__v1__snapshot__unpack(nil, $0.count, $0.baseAddress) }) else {
        fatalError("protobuf-c could not unpack the snapshot")
    }
    nodeplan__v1__snapshot__free_unpacked(unpacked, nil)
}
try measure("proto -> model (validating)") { _ = try Snapshot(proto: message) }
measure("model -> proto") { _ = snapshot.proto }
try measure("swift-protobuf serialize") { let _: [UInt8] = try message.serializedBytes() }
try measure("whole decode: zstd + parse + model") {
    let raw = try Zstd.decompress(compressed, maxSize: 1 << 30)
    _ = try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: raw))
}
let decoded = try Snapshot(proto: Nodeplan_V1_Snapshot(serializedBytes: bytes))
precondition(decoded == snapshot, "round trip changed the snapshot")
